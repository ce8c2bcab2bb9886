// Accessibility is checked on real rendered pages, against every WCAG 2.0, 2.1 and 2.2 A/AA
// rule plus axe's best practices; a failure lists every violation so it can be fixed without
// rerunning. The axe that runs is the project's own `axe-core` (the newest), not the older one
// `@axe-core/playwright` bundles: rules such as label-content-name-mismatch are only on in the
// newer one. It is evaluated through the DevTools protocol rather than added as a <script>
// element, which the app's strict CSP (no inline script) would refuse and report.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, default as Axe } from 'axe-core';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = (JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version: string }).version;

/**
 * Lets the page come to rest before it is judged: fonts loaded, and two frames for resize
 * observers to report and React to commit what they set (a wide table's frame becomes
 * focusable the frame after it is found to overflow).
 */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

async function runAxe(page: Page): Promise<AxeResults> {
  await settle(page);
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async (values) => {
    const { axe } = window as unknown as { axe: typeof Axe };
    return axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
  }, tags);
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await runAxe(page);
  expect(results.testEngine.version, 'the axe that ran is the installed axe-core').toBe(axeVersion);
  const report = results.violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    - ${node.target.map(String).join(' > ')}`).join('\n');
      return `- ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n  ${violation.helpUrl}\n${targets}`;
    })
    .join('\n');
  expect(results.violations.length, `Accessibility violations on ${page.url()}:\n${report}`).toBe(0);
}
