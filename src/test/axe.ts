import axe from 'axe-core';
import { expect } from 'vitest';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

/**
 * Runs axe over the whole document, as the e2e suite does in Chromium. jsdom lays nothing
 * out, so colour contrast is left to that suite.
 */
export async function expectNoAxeViolations(context: Element | Document = document): Promise<void> {
  const results = await axe.run(context, {
    runOnly: { type: 'tag', values: tags },
    rules: { 'color-contrast': { enabled: false } },
  });
  const report = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(report).toEqual([]);
}
