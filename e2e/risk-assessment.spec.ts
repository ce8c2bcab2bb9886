// Risk tiering end to end, by keyboard: the owner of a new package answers the intake
// questionnaire (a missing rationale first, shown at its field), the server scores it by the
// standard method; being the owner's, it is a proposal that decides no tier (0165), and the page
// says so, and offers no tier override on it (0172); model risk assesses tier 2; the owner asks
// for a tier override on that assessment (without a reason first, refused at the field);
// privacy is offered no confirmation (only model risk management confirms, 0167); model risk
// confirms it and the overridden tier applies and re-selects the workflow. The package's model key is this run's own.
import { submitPackageResponseSchema } from '#api/packages/routes.ts';
import { clinicalRiskV1 } from '#demo/index.ts';
import { riskCategories } from '#domain/contracts/risk-assessment.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';
import { test, expect } from './support/test.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { tabTo } from './support/keyboard.ts';
import { loginAs } from './support/login.ts';
import { signOut } from './support/header.ts';
import { expectFitsWidth, shootAtWidths } from './support/screenshots.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';
const categories = ['Model quality', 'Data', 'Security', 'Privacy', 'Fairness', 'Regulatory'];

test("an owner proposes an assessment by keyboard, it decides no tier and takes no override; an override on model risk's assessment applies once model risk confirms it", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const modelKey = `sepsis-${Date.now().toString(36)}`;
  const content = { ...clinicalRiskV1, sections: clinicalRiskV1.sections.map((s) => (s.kind === 'identification' ? { ...s, modelKey, versionLabel: '1.0.0' } : s)) };
  const owner = await signInActor(baseURL ?? '', 'owner@example.com', password);
  const { package: pkg } = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey, versionLabel: '1.0.0', content }));

  await loginAs(page, 'owner@example.com');
  await page.goto(`/packages/${pkg.id}`);
  const panel = page.getByRole('region', { name: 'Risk assessment' });
  await expect(panel).toContainText('No risk assessment yet: Tier 1 is the tier the owner declared.');
  await expect(panel).toContainText('As the package owner you propose an assessment');
  await tabTo(page, panel.getByRole('link', { name: 'Propose an assessment' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^Risk assessment of / })).toBeVisible();
  await expect(page.getByText(/your answers are a proposal/)).toBeVisible();
  await expect(page.getByText(/Scored by Standard risk matrix \(version 1\)/)).toBeVisible();

  const fairness = page.getByRole('group', { name: 'Fairness' });
  for (const [label, value] of [['Likelihood', '4'], ['Impact', '4'], ['Controls', 'partial']] as const) {
    await tabTo(page, fairness.getByLabel(label));
    await fairness.getByLabel(label).selectOption(value);
  }
  await tabTo(page, page.getByRole('button', { name: 'Record the proposal' }));
  await page.keyboard.press('Enter');
  const firstRationale = page.getByRole('group', { name: 'Model quality' }).getByLabel('Rationale');
  await expect(firstRationale).toBeFocused();
  await expect(firstRationale).toHaveAttribute('aria-invalid', 'true');
  await expect(firstRationale).toHaveAccessibleDescription(/Say why/);
  await expect(page.getByRole('alert').filter({ hasText: 'The assessment was not recorded.' })).toContainText('Model quality: Say why');
  await expectNoAxeViolations(page);
  await shootAtWidths(page, 'risk-form', (name) => testInfo.outputPath(name), false);

  for (const category of categories) {
    await tabTo(page, page.getByRole('group', { name: category }).getByLabel('Rationale'));
    await page.keyboard.type(`${category}: reviewed against the validation report.`);
  }
  await tabTo(page, page.getByRole('button', { name: 'Record the proposal' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/packages/${pkg.id}$`));
  await expect(panel).toContainText('Tier 2 by Standard risk matrix (version 1), score 12');
  await expect(panel.getByRole('row', { name: /^Fairness/ })).toContainText('Partly effective');
  // A proposal: no tier applies yet, and the workflow of the declared tier stays.
  await expect(panel.getByRole('definition').first()).toContainText("None yet: assessment 1 is the owner's proposal (Tier 2)");
  await expect(panel).toContainText('Tier 1 (critical) models, chosen for this tier');
  await expect(page.getByRole('heading', { level: 2, name: 'Review steps' })).toBeVisible();
  // Another tier is asked for on model risk's assessment, never on the owner's proposal (0172).
  await expect(panel.getByRole('button', { name: 'Ask for a tier override' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Model risk management assesses the same answers: tier 2 applies (nobody decided: the workflow follows).
  const answers = riskCategories.map((category) => ({ category, likelihood: category === 'fairness' ? 4 : 2, impact: category === 'fairness' ? 4 : 2, controls: category === 'fairness' ? 'partial' : 'none', rationale: `Assessed ${category}.` }));
  await (await signInActor(baseURL ?? '', 'model-risk@example.com', password)).post(`/api/packages/${pkg.id}/risk-assessments`, { answers });
  await page.reload();
  await expect(panel.getByRole('definition').first()).toHaveText('Tier 2');

  // The owner asks for tier 1 on it, first without a reason.
  await tabTo(page, panel.getByRole('button', { name: 'Ask for a tier override' }));
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('On assessment 2, by Elena Vasquez.');
  await tabTo(page, panel.getByLabel('Tier', { exact: true }));
  await panel.getByLabel('Tier', { exact: true }).selectOption('1');
  await tabTo(page, panel.getByRole('button', { name: 'Ask for the override' }));
  await page.keyboard.press('Enter');
  const reason = panel.getByLabel('Reason');
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAccessibleDescription('An override needs a reason');
  await expectNoAxeViolations(page);
  await page.keyboard.type('Bedside alerts for deteriorating patients: critical whatever the controls.');
  await tabTo(page, panel.getByRole('button', { name: 'Ask for the override' }));
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('It applies once model risk management confirms it.');
  await expect(panel.getByRole('button', { name: 'Ask for a tier override' })).toHaveCount(0);

  await signOut(page);
  // Privacy, a reviewer in another role, is not offered the confirmation: it is model risk's.
  await loginAs(page, 'privacy@example.com');
  await page.goto(`/packages/${pkg.id}`);
  await expect(panel).toContainText('It applies once model risk management confirms it.');
  await expect(panel.getByRole('button', { name: 'Confirm the override' })).toHaveCount(0);
  await signOut(page);
  await loginAs(page, 'model-risk@example.com');
  await page.goto(`/packages/${pkg.id}`);
  await tabTo(page, panel.getByRole('button', { name: 'Confirm the override' }));
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('Confirmed by Elena Vasquez (Model risk management).');
  await expect(panel.getByRole('definition').first()).toHaveText('Tier 1');
  // No one has decided a step yet: the confirmed tier re-selected the workflow.
  await expect(panel).toContainText('Tier 1 (critical) models, chosen for this tier');
  await expectNoAxeViolations(page);
  await panel.scrollIntoViewIfNeeded();
  await shootAtWidths(page, 'risk-panel', (name) => testInfo.outputPath(name), false);
  // On a phone the scores are a list, a sentence a category, the rationale readable in full: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(panel.getByRole('list', { name: 'Scores per category of assessment 2' }).getByRole('listitem').filter({ hasText: /^Fairness/ })).toContainText('Likelihood 4 × impact 4 = inherent 16; controls: partly effective; residual 12');
  await expectNoAxeViolations(page);
  await expectFitsWidth(page, panel);
});
