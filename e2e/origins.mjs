// Other origins for the tests of where results may come from: free ports chosen up front
// (so a test can name the origins it may talk to), and a copy of the built viewer whose
// index.html allows some origins, as an organizer's deployment would
// (scripts/allow-origins.mjs).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { allowOriginsIn } from '../scripts/allow-origins.mjs';

export const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/**
 * Serves a copy of the built viewer `root` on `port`, allowing results from `origins`.
 * `edit(html)` may change the copy's index.html further. Resolves to startServer's answer.
 */
export function serveViewerAllowing(root, port, origins, edit = (html) => html) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'viewer-'));
  fs.cpSync(root, dir, { recursive: true });
  allowOriginsIn(dir, origins);
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, edit(fs.readFileSync(index, 'utf8')));
  return startServer({ root: dir, port }).then((server) => ({
    ...server,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  }));
}
