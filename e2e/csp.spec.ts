// The strict Content-Security-Policy, checked in Chromium on every page of the app. The
// pages come from the router (src/app/router.tsx): a route added there without a visit
// here fails the test. Each page is visited as someone who may see it; the browser's
// `securitypolicyviolation` events are collected from the first script on (an init
// script, which the CSP does not apply to) and must stay empty. Nothing is reported
// anywhere else: the policy has no report-uri or report-to.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { loginAs } from './support/login.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';
const root = path.resolve(import.meta.dirname, '..');

/** Every route path of the SPA, as the router declares it ('' for the index route). */
function routerPaths(): string[] {
  const source = readFileSync(path.join(root, 'src/app/router.tsx'), 'utf8');
  const paths = [...source.matchAll(/\bpath:\s*'([^']*)'/g)].map((match) => match[1] ?? '');
  if (/\bindex:\s*true\b/.test(source)) paths.push('');
  return paths;
}

type Visitor = 'anonymous' | 'owner@example.com' | 'admin@example.com' | 'committee@example.com' | 'model-risk@example.com';

/** Who visits each route, and how its parameters are filled. */
const visits: Record<string, Visitor> = {
  login: 'anonymous',
  verify: 'anonymous',
  setup: 'anonymous',
  'set-password': 'anonymous',
  '': 'model-risk@example.com',
  'packages/:id': 'model-risk@example.com',
  'packages/:id/diff': 'model-risk@example.com',
  'packages/:id/resubmit': 'owner@example.com',
  'packages/:id/record': 'committee@example.com',
  'packages/:id/audit': 'committee@example.com',
  'packages/:id/findings': 'model-risk@example.com',
  'packages/:id/risk-assessment': 'owner@example.com',
  findings: 'model-risk@example.com',
  'account/notifications': 'model-risk@example.com',
  audit: 'committee@example.com',
  dashboard: 'committee@example.com',
  notifications: 'model-risk@example.com',
  account: 'model-risk@example.com',
  'account/passkeys': 'model-risk@example.com',
  'account/delegations': 'model-risk@example.com',
  'admin/tokens': 'admin@example.com',
  'admin/webhooks': 'admin@example.com',
  'admin/users': 'admin@example.com',
  'admin/sso': 'admin@example.com',
  'admin/registries': 'admin@example.com',
  'registry-drafts': 'owner@example.com',
  'admin/templates': 'admin@example.com',
  'admin/templates/new': 'admin@example.com',
  'admin/templates/:key': 'admin@example.com',
  'admin/templates/:key/new-version': 'admin@example.com',
  // The demo's first template key (consumer-credit) is also its policy's key.
  'admin/policies': 'admin@example.com',
  'admin/business-lines': 'admin@example.com',
  'admin/catalogue-proposals': 'admin@example.com',
  'admin/risk-tiering': 'admin@example.com',
  'admin/policies/new': 'admin@example.com',
  'admin/policies/:key': 'admin@example.com',
  'admin/policies/:key/new-version': 'admin@example.com',
  '*': 'model-risk@example.com',
};

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function collectViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  });
}

test('no page of the app makes the browser report a Content-Security-Policy violation', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const paths = routerPaths();
  expect(paths.length).toBeGreaterThan(10);
  expect(paths.filter((route) => !(route in visits)), 'routes of src/app/router.tsx this test does not visit').toEqual([]);

  // The resubmit page needs a package of the owner's that is open to a new version.
  const owner = await signInActor(baseURL ?? '', 'owner@example.com', password);
  const packageId = 'pkg_clinical_deterioration_risk';
  const admin = await signInActor(baseURL ?? '', 'admin@example.com', password);
  const templates = await admin.get<{ items: { template: { key: string } }[] }>('/api/templates');
  const templateKey = templates.items[0]?.template.key ?? 'missing';
  expect(await owner.get<{ id: string }>(`/api/packages/${packageId}`)).toMatchObject({ id: packageId });

  await collectViolations(page);
  const consoleReports: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) consoleReports.push(message.text());
  });

  const byVisitor = new Map<Visitor, string[]>();
  for (const [route, visitor] of Object.entries(visits)) byVisitor.set(visitor, [...(byVisitor.get(visitor) ?? []), route]);
  const found: string[] = [];
  let visited = 0;
  for (const [visitor, routes] of byVisitor) {
    await page.context().clearCookies();
    if (visitor !== 'anonymous') await loginAs(page, visitor);
    for (const route of routes) {
      const url = '/' + (route === '*' ? 'no-such-page' : route.replace(':id', packageId).replace(':key', templateKey));
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 }).first(), `${url} as ${visitor}`).toBeVisible();
      await page.waitForLoadState('networkidle');
      const violations = await page.evaluate(() => window.__cspViolations ?? ['the listener was not installed']);
      found.push(...violations.map((violation) => `${url} (${visitor}): ${violation}`));
      visited++;
    }
  }
  expect(visited).toBe(Object.keys(visits).length);
  expect(found, 'securitypolicyviolation events').toEqual([]);
  expect(consoleReports, 'CSP reports in the console').toEqual([]);
});

test('the HTML, the app assets and the API are served with the strict policy', async ({ request }) => {
  const responses = await Promise.all(['/', '/packages/pkg_x', '/api/health', '/api/packages', '/api/nothing-here'].map(async (url) => ({ url, response: await request.get(url) })));
  for (const { url, response } of responses) {
    const policy = response.headers()['content-security-policy'] ?? '';
    expect(policy, url).toContain("script-src 'self'");
    expect(policy, url).toContain("object-src 'none'");
    expect(policy, url).toContain("frame-ancestors 'none'");
    expect(policy, url).not.toMatch(/unsafe-inline|unsafe-eval|report-uri|report-to|\*/);
    expect(response.headers()['x-content-type-options'], url).toBe('nosniff');
  }
});

test('the built index.html has no inline script, style or event handler', () => {
  const html = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [tag, attributes = '', body = ''] of scripts) {
    expect(attributes, tag).toMatch(/\bsrc=/);
    expect(body.trim(), tag).toBe('');
  }
  expect(html).not.toMatch(/<style\b/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
});
