// Accessibility: axe-core (WCAG 2.2 A/AA rules) finds nothing on the main views.

const views = [
  { name: 'results list', viewport: 'phone', params: {} },
  { name: 'results list', viewport: 'desktop', params: {} },
  { name: 'results list dark', viewport: 'phone', params: {}, colorScheme: 'dark' },
  { name: 'runner detail', viewport: 'phone', params: {}, openFirstRunner: true },
  { name: 'load error', viewport: 'phone', params: { src: '/e2e-fixtures/not_json.json' } },
  { name: 'load warnings', viewport: 'desktop', params: { src: '/e2e-fixtures/with_problems.json' } },
];

export const tests = views.map((v) => ({
  name: `a11y: ${v.name} (${v.viewport})`,
  viewport: v.viewport,
  colorScheme: v.colorScheme,
  run: async ({ viewer }) => {
    await viewer.open(v.params);
    if (v.openFirstRunner) {
      const [first] = await viewer.rows();
      await viewer.openRunner(first.bib);
    }
    await viewer.expectAccessible(`${v.name}-${v.viewport}`.replace(/\s+/g, '-'));
  },
}));
