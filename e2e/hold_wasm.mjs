// Holds every wasm download of a page until release() is called, so the page shows only
// what its HTML and boot script make (a first view) for as long as a test needs.
export async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await held;
    // The page may have gone meanwhile.
    await route.continue().catch(() => {});
  });
  return release;
}
