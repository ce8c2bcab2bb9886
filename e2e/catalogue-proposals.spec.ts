// Catalogue changes by two administrators (docs/decisions/0182): the administrator proposes a
// policy version, the deputy reads it on the Catalogue proposals page (summary, content hash,
// the content in full) and approves it by keyboard in a dialog; the version is then published,
// with the deputy as its publisher. The policy's line is this run's own.
import { signInActor } from '#scripts/lib/api-actor.ts';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { goToAdminPageByKeyboard } from './support/header.ts';
import { shootAtWidths } from './support/screenshots.ts';
import { changeCatalogue } from '#scripts/lib/catalogue-change.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

test('the administrator proposes a policy version; the deputy approves it on the Catalogue proposals page; the version is published', async ({ page, baseURL }, testInfo) => {
  const stamp = Date.now().toString(36);
  const key = `proposed-${stamp}`;
  const line = `Proposal desk ${stamp}`;
  const admin = await signInActor(baseURL ?? '', 'admin@example.com', password);
  await changeCatalogue(admin, await signInActor(baseURL ?? '', 'admin-deputy@example.com', password), { kind: 'add_business_line', change: { label: line } });
  const change = { key, name: `Proposed models ${stamp}`, scope: { riskTiers: [4], businessLines: [line] }, onBlockingFailure: 'refuse', metrics: [{ metric: 'auc', operator: '>=', value: 0.7, enforcement: 'blocking' }], subgroupMetrics: [], requiredSections: [] };
  const proposal = await admin.post<{ summary: string; contentSha256: string }>('/api/catalogue-proposals', { kind: 'publish_policy', change });

  await loginAs(page, 'admin-deputy@example.com');
  await goToAdminPageByKeyboard(page, 'Catalogue proposals');
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogue proposals' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: proposal.summary });
  await expect(card).toContainText(proposal.contentSha256);
  await expect(card).toContainText('Proposed by Alex Morgan');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'catalogue-proposals', (name) => testInfo.outputPath(name), true);

  await tabTo(page, page.getByRole('button', { name: `Approve: ${proposal.summary}` }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Approve this catalogue change?' });
  await expect(dialog).toContainText(proposal.contentSha256);
  await expectNoAxeViolations(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Approve change' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Approved, and in force' })).toContainText(proposal.summary);
  await expect(page.getByText('No catalogue change waits for approval.')).toBeVisible();

  await page.goto(`/admin/policies/${key}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Proposed models ${stamp}`);
  await expect(page.getByText('Published by Jordan Reyes')).toBeVisible();
});
