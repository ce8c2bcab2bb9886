// Issue 22's "Done when" sweeps: every page, for the role that uses it, at a phone's (390×844),
// a laptop's (1280×720) and a desktop's (1440×900) size: no sideways scroll, a header on one
// row, and nothing axe-core (newest, every WCAG 2.2 A and AA rule) reports. The inbox, a
// package, its diff and its record are photographed at each size into the test's output folder
// (attached to the report, never committed).
import type { Page } from '@playwright/test';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';

const sizes = [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

const retail = '/packages/pkg_retail_credit_pd';
/** The demo package its owner may revise: the resubmit page. */
const clinical = '/packages/pkg_clinical_deterioration_risk';

interface Visit {
  path: string;
  /** A screenshot to attach, by name. */
  shot?: string;
}

/** Every page, by who uses it; ":template" is the demo's first template key (also its policy's key). */
const visits: Record<string, Visit[]> = {
  anonymous: [{ path: '/login' }, { path: '/verify' }],
  'model-risk@example.com': [
    { path: '/', shot: 'inbox' },
    { path: retail, shot: 'package' },
    { path: `${retail}/diff?from=1&to=2`, shot: 'diff' },
    { path: `${retail}/findings` },
    { path: '/findings' },
    { path: '/notifications' },
    { path: '/account' },
    { path: '/account/notifications' },
    { path: '/account/passkeys' },
    { path: '/account/delegations' },
    { path: '/no-such-page' },
  ],
  'committee@example.com': [{ path: '/dashboard' }, { path: '/audit' }, { path: `${retail}/record`, shot: 'record' }, { path: `${retail}/audit` }],
  'owner@example.com': [{ path: '/' }, { path: `${clinical}/resubmit` }],
  'admin@example.com': [
    { path: '/admin/users' },
    { path: '/admin/tokens' },
    { path: '/admin/webhooks' },
    { path: '/admin/sso' },
    { path: '/admin/templates' },
    { path: '/admin/templates/new' },
    { path: '/admin/templates/:template' },
    { path: '/admin/templates/:template/new-version' },
    { path: '/admin/policies' },
    { path: '/admin/policies/new' },
    { path: '/admin/policies/:template' },
    { path: '/admin/policies/:template/new-version' },
  ],
};

async function templateKey(origin: string): Promise<string> {
  const admin = await signInActor(origin, 'admin@example.com', process.env.DEMO_PASSWORD ?? 'demo-password');
  const templates = await admin.get<{ items: { template: { key: string } }[] }>('/api/templates');
  return templates.items[0]?.template.key ?? 'missing';
}

/** What the sweep asserts on a page: no sideways scroll, a one-row header, no axe violation. */
async function checkPage(page: Page, label: string): Promise<void> {
  // A page resized in place re-lays itself out over the next frames (resize observers, then React).
  await page.evaluate(async () => {
    for (let frame = 0; frame < 3; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  const layout = await page.evaluate(() => {
    const header = document.querySelector('header');
    const row = header?.firstElementChild;
    const items = row ? [...row.children].map((child) => child.getBoundingClientRect()).filter((box) => box.height > 0) : [];
    // One row: every item of the header's row starts above the lowest item's top edge plus a line.
    const wrapped = items.some((box) => items.some((other) => box.top >= other.bottom - 1));
    // What sticks out on the right, outermost first, to say where a sideways scroll comes from.
    const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].slice(0, 4).join('.')}`;
    const wide = [...document.body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, headerHeight: header?.getBoundingClientRect().height ?? 0, wrapped, wide: wide.slice(0, 5).map(describe) };
  });
  expect(layout.scrollWidth, `${label}: no sideways scroll (too wide: ${layout.wide.join(', ')})`).toBeLessThanOrEqual(layout.innerWidth);
  expect(layout.wrapped, `${label}: the header's items on one row`).toBe(false);
  expect(layout.headerHeight, `${label}: the header one row high`).toBeLessThanOrEqual(80);
  await expectNoAxeViolations(page);
}

// One walk per role, each page loaded once and judged at the three sizes in turn (decision
// 0194: a sign-in, a page load and a network-idle wait per page instead of three). The size a
// page is first loaded at rotates from page to page, so every size also sees pages that were
// laid out at it from the start, not only after a resize.
for (const [who, pages] of Object.entries(visits)) {
  test(`${who} at ${sizes.map((size) => `${size.width}×${size.height}`).join(', ')}: no sideways scroll, a one-row header, nothing for axe`, async ({ page, baseURL }, testInfo) => {
    test.setTimeout(360_000);
    const key = who === 'admin@example.com' ? await templateKey(baseURL ?? '') : '';
    if (who !== 'anonymous') await loginAs(page, who);
    for (const [index, visit] of pages.entries()) {
      const url = visit.path.replace(':template', key);
      const order = [...sizes.slice(index % sizes.length), ...sizes.slice(0, index % sizes.length)];
      for (const [step, size] of order.entries()) {
        await page.setViewportSize(size);
        if (step === 0) {
          await page.goto(url);
          await expect(page.getByRole('heading', { level: 1 }).first(), url).toBeVisible();
          await page.waitForLoadState('networkidle');
        }
        await checkPage(page, `${url} as ${who} at ${size.width}px`);
        if (visit.shot) {
          const path = testInfo.outputPath(`${visit.shot}-${size.width}.png`);
          await page.screenshot({ path });
          await testInfo.attach(`${visit.shot} at ${size.width}×${size.height}`, { path, contentType: 'image/png' });
        }
      }
    }
  });
}
