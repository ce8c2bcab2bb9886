// Accessibility is checked on real rendered pages, against WCAG 2.1 A/AA plus axe's
// best practices; a failure lists every violation so it can be fixed without rerunning.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  const report = results.violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    - ${node.target.map(String).join(' > ')}`).join('\n');
      return `- ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n  ${violation.helpUrl}\n${targets}`;
    })
    .join('\n');
  expect(results.violations.length, `Accessibility violations on ${page.url()}:\n${report}`).toBe(0);
}
