// Catalogue changes by two administrators (docs/decisions/0182, 0192): the administrator proposes
// a laxer second version of a policy, the deputy reads it on the Catalogue proposals page
// (summary naming the version replaced, the controls it weakens, the diff against version 1,
// content hash) and approves it by keyboard in a dialog that repeats them; the version is then
// published, with the deputy as its publisher. The policy and its line are this run's own, each
// put in place through a proposal the deputy approves over the API.
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
  const deputy = await signInActor(baseURL ?? '', 'admin-deputy@example.com', password);
  await changeCatalogue(admin, deputy, { kind: 'add_business_line', change: { label: line } });
  const first = { key, name: `Proposed models ${stamp}`, scope: { riskTiers: [4], businessLines: [line] }, onBlockingFailure: 'refuse' as const, metrics: [{ metric: 'auc' as const, operator: '>=' as const, value: 0.7, enforcement: 'blocking' as const }], subgroupMetrics: [], requiredSections: [], replacesVersion: 0 };
  await changeCatalogue(admin, deputy, { kind: 'publish_policy', change: first });
  const change = { ...first, replacesVersion: 1, metrics: [{ metric: 'auc', operator: '>=', value: 0.6, enforcement: 'advisory' }] };
  const proposal = await admin.post<{ summary: string; contentSha256: string }>('/api/catalogue-proposals', { kind: 'publish_policy', change });
  const weakened = ['auc must be >= 0.6 instead of >= 0.7', 'The auc threshold is advisory instead of blocking'];

  await loginAs(page, 'admin-deputy@example.com');
  await goToAdminPageByKeyboard(page, 'Catalogue proposals');
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogue proposals' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: proposal.summary });
  await expect(card).toContainText(proposal.contentSha256);
  await expect(card).toContainText('Proposed by Alex Morgan');
  await expect(card).toContainText(`(${key}, replacing version 1)`);
  await expect(card).toContainText('Weakens 2 controls compared with version 1:');
  for (const text of weakened) await expect(card.getByRole('listitem').filter({ hasText: text })).toBeVisible();
  // The diff against version 1, opened by keyboard: only the changed lines, folded around them.
  await tabTo(page, card.getByText('Changes against version 1'));
  await page.keyboard.press('Enter');
  await expect(card.locator('del')).toContainText(['"value": 0.7', '"enforcement": "blocking"']);
  await expect(card.locator('ins')).toContainText(['"value": 0.6', '"enforcement": "advisory"']);
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'catalogue-proposals', (name) => testInfo.outputPath(name), true);

  await tabTo(page, page.getByRole('button', { name: `Approve: ${proposal.summary}` }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Approve this catalogue change?' });
  await expect(dialog).toContainText(proposal.contentSha256);
  for (const text of weakened) await expect(dialog).toContainText(text);
  await expectNoAxeViolations(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Approve change' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Approved, and in force' })).toContainText(proposal.summary);
  await expect(page.getByText('No catalogue change waits for approval.')).toBeVisible();

  await page.goto(`/admin/policies/${key}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Proposed models ${stamp}`);
  // Both versions were approved by the deputy: version 1 over the API, version 2 here.
  await expect(page.getByText('Published by Jordan Reyes').first()).toBeVisible();
  const published = await admin.get<{ current: boolean; publishedBy: { id: string }; policy: { metrics: { value: number }[] } }>(`/api/policies/${key}/versions/2`);
  expect(published).toMatchObject({ current: true, publishedBy: { id: 'usr_admin_deputy' }, policy: { metrics: [{ value: 0.6 }] } });

  // With two administrators the next version's button says what it does (0192, third amendment).
  await tabTo(page, page.getByRole('link', { name: 'New version' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Propose version 3…' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Publish/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
