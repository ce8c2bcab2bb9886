// The emergency approval path under the governance gate (docs/decisions/0141, 0150): a fresh
// credit package with no risk assessment yet cannot be approved, an emergency approval
// included (the server refuses it with 409 governance-blocked), so the committee member sees
// the action disabled with the reason, by keyboard and screen reader alike.
import { submitPackageResponseSchema } from '#api/packages/routes.ts';
import { approvableCreditContent } from '#demo/fresh-packages.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { shootAtWidths } from './support/screenshots.ts';
import { expect, test } from './support/test.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

test('the emergency approval is offered disabled, with why, while governance blocks approval', async ({ page, baseURL }, testInfo) => {
  const versionLabel = `4.6.0-gated.${Date.now().toString(36)}`;
  const owner = await signInActor(baseURL ?? '', 'owner@example.com', password);
  const id = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel, content: approvableCreditContent(versionLabel) })).package.id;

  await loginAs(page, 'committee@example.com', password);
  await page.goto(`/packages/${id}`);
  const path = page.getByRole('region', { name: 'Emergency approval path' });
  const button = path.getByRole('button', { name: 'Emergency approval…' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/Unavailable: governance blocks every approval, an emergency one included.*Risk assessment missing/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await path.scrollIntoViewIfNeeded();
  await shootAtWidths(page, 'emergency-governance', (name) => testInfo.outputPath(name), false);
});
