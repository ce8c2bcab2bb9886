// Periodic revalidation end to end (decision record 0114), on a server of its own whose clock
// moves: a tier-1 credit package approved through its chain gets its revalidation due a year
// on; the inventory's "Revalidation due" filter (a deep link, used by keyboard) lists it once
// within the window; past the date the re-review sweep opens its re-review. The administrator's
// risk tiering page shows the method and schedule versions. Screenshots at three widths.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { packageDetailSchema } from '#domain/contracts/packages.ts';
import { riskCategories } from '#domain/contracts/risk-assessment.ts';
import { signDecision, signInActor } from '#scripts/lib/api-actor.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { freshCreditPackage } from './support/fresh-credit-package.ts';
import { test as isolated, expect } from './support/isolated-server.ts';
import { loginAs } from './support/login.ts';
import { shootAtWidths } from './support/screenshots.ts';
import { approveAsDeputy, proposedNotice } from './support/catalogue.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';
const day = 86_400_000;

const test = isolated.extend<{ clock: { move(offsetMs: number): void; file: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: the clock needs none.
  clock: async ({}, use) => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'model-approval-e2e-reval-clock-'));
    const file = path.join(folder, 'clock-offset-ms');
    writeFileSync(file, '0');
    try {
      await use({ file, move: (offsetMs) => writeFileSync(file, String(offsetMs)) });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
  isolatedServerEnv: async ({ clock }, use) => {
    await use({ E2E_CLOCK_FILE: clock.file });
  },
});

test.describe.configure({ timeout: 180_000 });

/** Signs in afresh (a moved clock ends sessions) and opens the inventory at `query`. */
async function inventory(page: Page, email: string, query: string): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, email, password);
  await page.goto(`/${query}`);
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
}

const rowOf = (page: Page, versionLabel: string) => page.getByRole('row').filter({ hasText: versionLabel });

test('an approved tier-1 package is due for revalidation a year on, shows in the 90/60/30 day view, and its re-review opens when the date passes', async ({ page, baseURL, clock }, testInfo) => {
  const origin = baseURL ?? '';
  const fresh = await freshCreditPackage(origin);
  // Model risk's assessment: fairness 4 x 4 without controls, tier 1 by standard version 1.
  const modelRisk = await signInActor(origin, 'model-risk@example.com', password);
  const answers = riskCategories.map((category) => ({ category, likelihood: category === 'fairness' ? 4 : 2, impact: category === 'fairness' ? 4 : 2, controls: 'none', rationale: `Assessed ${category}.` }));
  await modelRisk.post(`/api/packages/${fresh.id}/risk-assessments`, { answers });
  await signDecision(await signInActor(origin, 'fair-lending@example.com', password), { packageId: fresh.id, stepKey: 'fair_lending', decision: 'approve', reason: 'Ratios within policy.', password });
  const committee = await signInActor(origin, 'committee@example.com', password);
  await signDecision(committee, { packageId: fresh.id, stepKey: 'committee', decision: 'approve', reason: 'Approved for production.', password });
  const detail = packageDetailSchema.parse(await committee.get(`/api/packages/${fresh.id}`));
  expect(detail.status).toBe('approved');
  const dueOn = detail.revalidationDueOn ?? '';
  const approvedOn = new Date().toISOString().slice(0, 10);
  expect(dueOn).toBe(`${Number(approvedOn.slice(0, 4)) + 1}${approvedOn.slice(4)}`);

  // Today: the list shows the date; no window holds it yet.
  await inventory(page, 'committee@example.com', `?tab=all&model=retail-credit-pd`);
  await expect(rowOf(page, fresh.versionLabel)).toContainText(/Revalidation/);
  await page.goto(`/?tab=all&revalidationDue=90`);
  await expect(page.getByRole('row').filter({ hasText: fresh.versionLabel })).toHaveCount(0);

  // 300 days on (65 days left): within 90 days, chosen by keyboard; not within 60 or 30.
  const dueAt = Date.parse(`${dueOn}T12:00:00Z`);
  clock.move(dueAt - 65 * day - Date.now());
  await inventory(page, 'committee@example.com', '?tab=all');
  const filter = page.getByLabel('Revalidation due');
  await filter.focus();
  await filter.selectOption('90');
  await expect(page).toHaveURL(/revalidationDue=90/);
  await expect(rowOf(page, fresh.versionLabel)).toContainText('Revalidation');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'revalidation-due', (name) => testInfo.outputPath(name), false);
  await page.goto('/?tab=all&revalidationDue=60');
  await expect(page.getByRole('row').filter({ hasText: fresh.versionLabel })).toHaveCount(0);

  // 20 days before: the 30-day deep link lists it.
  clock.move(dueAt - 20 * day - Date.now());
  await inventory(page, 'committee@example.com', '?tab=all&revalidationDue=30');
  await expect(rowOf(page, fresh.versionLabel)).toBeVisible();

  // Past the date: the sweep opens the re-review (audit entry); the list says re-review due.
  clock.move(dueAt + 2 * day - Date.now());
  const later = await signInActor(origin, 'committee@example.com', password);
  await expect
    .poll(async () => auditPageSchema.parse(await later.get(`/api/packages/${fresh.id}/audit?action=package.revalidation_due`)).items.length, { timeout: 30_000 })
    .toBe(1);
  await inventory(page, 'committee@example.com', '?tab=all&revalidationDue=30');
  await expect(rowOf(page, fresh.versionLabel)).toContainText('Re-review due');
});

test('the administrator sees the tiering method versions and the revalidation schedule, and a bad month is refused beside its field', async ({ page, baseURL }, testInfo) => {
  await loginAs(page, 'admin@example.com', password);
  await page.goto('/admin/risk-tiering');
  await expect(page.getByRole('heading', { name: 'Risk tiering', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tiering method versions' })).toContainText('standard version 1 (scores new assessments)');
  const schedules = page.getByRole('table', { name: /Revalidation schedule versions/ });
  await expect(schedules).toContainText('every year');
  await expect(schedules).toContainText('every 2 years');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'risk-tiering', (name) => testInfo.outputPath(name), true);

  const tierOne = page.getByLabel('Tier 1: months');
  await tierOne.fill('0');
  await page.getByRole('button', { name: 'Propose version 2' }).click();
  await expect(tierOne).toHaveAccessibleDescription('At least 1 month');
  await expectNoAxeViolations(page);
  await tierOne.fill('6');
  await tierOne.press('Enter');
  // Two administrators (the demo's): the version is proposed, and the deputy approves it (0182).
  await expect(page.getByRole('status')).toHaveText(proposedNotice);
  await approveAsDeputy(baseURL ?? '', 'revalidation schedule');
  await page.reload();
  await expect(schedules).toContainText('every 6 months');
});
