// The Playwright `test` every spec uses: it fails a test that made the browser report a
// Content Security Policy violation, so the strict CSP is checked on every page we visit.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'Content Security Policy violations reported in the console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
