// The demo credit model's approval chain, end to end against the real server: a fresh
// package under the consumer-credit template goes through data governance, model risk, fair
// lending and the committee in that order, each reviewer signing by password in the UI. Before
// a step's turn, its reviewer is offered no decision in the UI (the page says whose turn it
// is) and the API refuses a signed decision with a 409 naming the step that holds it up.
import type { Page } from '@playwright/test';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { signDecision, signInActor } from '#scripts/lib/api-actor.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { loginAs } from './support/login.ts';
import { expect, test } from './support/test.ts';
import { submitAssessedCredit } from './support/assessed-package.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';

const chain = [
  { key: 'data_governance', step: 'Data governance', email: 'data-governance@example.com', signer: 'Marcus Oyelaran' },
  { key: 'model_risk', step: 'Model risk management', email: 'model-risk@example.com', signer: 'Elena Vasquez' },
  { key: 'fair_lending', step: 'Fair lending', email: 'fair-lending@example.com', signer: 'Dana Whitfield' },
  { key: 'committee', step: 'AI governance committee', email: 'committee@example.com', signer: 'Robert Castellano' },
] as const;

/** A fresh version 1 of the demo credit model, no decision on it yet. */
async function freshUndecidedCreditPackage(origin: string): Promise<string> {
  return submitAssessedCredit(origin, `4.4.0-chain.${Date.now().toString(36)}`);
}

async function openAs(page: Page, email: string, id: string): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, email, password);
  await page.goto(`/packages/${id}`);
  await expect(page.getByRole('region', { name: 'Review steps' })).toBeVisible();
}

test('the credit chain runs in order, and a later step can act neither in the UI nor through the API before its turn', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const origin = baseURL ?? '';
  const id = await freshUndecidedCreditPackage(origin);
  const owner = await signInActor(origin, 'owner@example.com', password);
  expect((await owner.get<PackageDetail>(`/api/packages/${id}`)).template.key).toBe('consumer-credit');

  for (const [index, current] of chain.entries()) {
    const later = chain.slice(index + 1);
    // Every later reviewer is refused by the server, which names whose turn it is.
    for (const waiting of later) {
      const actor = await signInActor(origin, waiting.email, password);
      await expect(signDecision(actor, { packageId: id, stepKey: waiting.key, decision: 'approve', reason: 'Too early.', password })).rejects.toThrow(
        new RegExp(`HTTP 409 .*${waiting.step} is not active yet: waiting for ${current.step}\\.`),
      );
    }
    // The next one in line sees no decision to sign, and a sentence saying whose turn it is.
    const next = later[0];
    if (next) {
      await openAs(page, next.email, id);
      await expect(page.getByText(new RegExp(`Nothing to do yet: waiting for .* \\(${current.step}\\) before your step\\.`))).toBeVisible();
      await expect(page.getByRole('region', { name: /^Your decision on / })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
      if (index === 0) await expectNoAxeViolations(page);
    }

    // The reviewer whose turn it is signs in the UI, by password.
    await openAs(page, current.email, id);
    const panel = page.getByRole('region', { name: `Your decision on ${current.step}` });
    await panel.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign: Approved' });
    await dialog.getByLabel('Reason (optional)').fill(`${current.step}: reviewed in turn.`);
    await dialog.getByLabel('Your password').fill(password);
    await dialog.getByRole('button', { name: 'Sign: Approved' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('region', { name: 'Review steps' })).toContainText(`Approved by ${current.signer}`);
    await expect(page.getByRole('region', { name: /^Your decision on / })).toHaveCount(0);
  }

  const done = await owner.get<PackageDetail>(`/api/packages/${id}`);
  expect(done.status).toBe('approved');
  expect(done.steps.map((step) => [step.key, step.status, step.approvals.map((approval) => approval.actor.displayName)])).toEqual(chain.map((c) => [c.key, 'approved', [c.signer]]));
  // The order of the record is the order of the chain.
  expect(done.decisions.map((decision) => decision.stepKey)).toEqual(chain.map((c) => c.key));
});
