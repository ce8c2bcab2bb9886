// Issue 20's flow end to end, on a server of its own (its clock moves): an MLflow
// `model_version.created` webhook, signed as MLflow signs it, makes a draft its owner finds on
// the Registry drafts page; the owner downloads the pre-filled content, completes it and submits
// it through the API (POST /api/packages, as `npm run submit` does: there is no browser form for
// a submission); the card fraud chain signs it in the UI, model risk with conditions and a
// re-review date. The MLflow test server then holds the approval tags and the alias, and both
// gates (GET /api/gate and `npm run gate` with the record and the pinned keys) pass. The clock
// moves past the re-review date: the tags and the alias are taken back and both gates fail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { submitPackageResponseSchema } from '#api/routes.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { gateVerdictSchema, registryDraftSchema } from '#domain/contracts/registries.ts';
import { cardFraudV1 } from '#demo/index.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';
import { signedMlflowDelivery } from '#tests/support/mlflow-delivery.ts';
import { startMlflowRegistryServer, type MlflowRegistryServer } from '#tests/support/mlflow-registry-server.ts';
import { runScript } from '#tests/support/run-script.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { goToAccountPage } from './support/header.ts';
import { test as isolated, expect } from './support/isolated-server.ts';
import { loginAs } from './support/login.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';
const webhookSecret = 'e2e-mlflow-webhook-secret-of-this-spec';
const day = 86_400_000;
const model = 'Card Fraud Scorer';
const scope = 'Card-not-present transactions only';

interface World {
  mlflow: MlflowRegistryServer;
  /** Moves the server's clock this far ahead of the real one (scripts/e2e-clock.ts). */
  moveClock(offsetMs: number): void;
  clockFile: string;
}

const test = isolated.extend<{ world: World }>({
  world: async ({}, use) => {
    const mlflow = await startMlflowRegistryServer();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'model-approval-e2e-clock-'));
    const clockFile = path.join(folder, 'clock-offset-ms');
    writeFileSync(clockFile, '0');
    try {
      await use({ mlflow, clockFile, moveClock: (offsetMs) => writeFileSync(clockFile, String(offsetMs)) });
    } finally {
      await mlflow.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
  isolatedServerEnv: async ({ world }, use) => {
    await use({
      REGISTRY_MLFLOW_URL: world.mlflow.url,
      REGISTRY_MLFLOW_WEBHOOK_SECRET: webhookSecret,
      REGISTRY_MLFLOW_ALIAS: 'champion',
      REGISTRY_WRITEBACK_INTERVAL_MS: '500',
      E2E_CLOCK_FILE: world.clockFile,
    });
  },
});

async function signInUi(page: Page, email: string, packageId: string): Promise<void> {
  await page.context().clearCookies();
  await loginAs(page, email, password);
  await page.goto(`/packages/${packageId}`);
  await expect(page.getByRole('region', { name: 'Review steps' })).toBeVisible();
}

test('an MLflow version goes from webhook to draft, approval, tags, alias and a passing gate; past its re-review date all is taken back', async ({ page, baseURL, world }, testInfo) => {
  test.setTimeout(240_000);
  const origin = baseURL ?? '';
  const { mlflow } = world;
  mlflow.addRun({ runId: 'run-e2e-8', metrics: [{ key: 'auc', value: 0.93 }, { key: 'recall', value: 0.78 }] });
  mlflow.addModelVersion(model, { version: '8', runId: 'run-e2e-8', tags: { model_key: 'card-fraud-detection', owner: 'owner@example.com', owner_team: 'Payments ML' } });

  // MLflow's webhook: a forged signature is refused, the signed delivery makes a draft.
  const forged = await signedMlflowDelivery({ name: model, version: '8' }, { secret: 'not-the-webhook-secret' });
  expect((await page.request.post(`${origin}/api/registries/mlflow/mlflow/webhook`, { data: forged.body, headers: forged.headers })).status()).toBe(401);
  const delivery = await signedMlflowDelivery({ name: model, version: '8' }, { secret: webhookSecret });
  const delivered = await page.request.post(`${origin}/api/registries/mlflow/mlflow/webhook`, { data: delivery.body, headers: delivery.headers });
  expect(delivered.status(), await delivered.text()).toBe(200);

  // The owner finds the draft in the browser.
  await loginAs(page, 'owner@example.com', password);
  await goToAccountPage(page, 'Registry drafts');
  const row = page.getByRole('row').filter({ hasText: `mlflow: ${model} version 8` });
  await expect(row).toContainText('card-fraud-detection');
  await expectNoAxeViolations(page);

  // ...downloads its pre-filled content, completes it and submits it (the API, as npm run submit).
  const owner = await signInActor(origin, 'owner@example.com', password);
  const drafts = await owner.get<{ items: { id: string; registryModel: string }[] }>('/api/registries/drafts');
  const draftId = drafts.items.find((d) => d.registryModel === model)?.id ?? '';
  // Thresholds are never taken from the registry: the owner sets them.
  const draft = registryDraftSchema.parse(await owner.get(`/api/registries/drafts/${draftId}`));
  const prefilled = draft.template as { sections: { key: string; metrics?: { name: string; value: number; threshold: null }[] }[] };
  expect(prefilled.sections.find((s) => s.key === 'evaluation')?.metrics?.map((m) => [m.name, m.value, m.threshold])).toEqual([['auc', 0.93, null], ['recall', 0.78, null]]);
  const content: PackageContent = { ...cardFraudV1, sections: cardFraudV1.sections.map((s) => (s.kind === 'identification' ? { ...s, versionLabel: '8' } : s)) };
  const { package: pkg } = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: 'card-fraud-detection', versionLabel: '8', content }));

  // The chain signs in the UI, model risk with conditions and a re-review date a month away.
  const reReviewOn = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
  const chain = [
    { email: 'data-governance@example.com', step: 'Data governance', decision: 'Approve' },
    { email: 'model-risk@example.com', step: 'Model risk management', decision: 'Approve with conditions' },
    { email: 'security@example.com', step: 'Security', decision: 'Approve' },
  ] as const;
  for (const current of chain) {
    await signInUi(page, current.email, pkg.id);
    await page.getByRole('region', { name: `Your decision on ${current.step}` }).getByRole('button', { name: current.decision, exact: true }).click();
    const signed = current.decision === 'Approve' ? 'Approved' : 'Approved with conditions';
    const dialog = page.getByRole('dialog', { name: `Sign: ${signed}` });
    if (current.decision === 'Approve with conditions') {
      await dialog.getByLabel('Scope the approval is limited to').fill(scope);
      await dialog.getByLabel('Re-review date').fill(reReviewOn);
      await dialog.getByLabel('Reason').fill('Card-present performance is not demonstrated.');
    } else {
      await dialog.getByLabel('Reason (optional)').fill(`${current.step}: reviewed.`);
    }
    await dialog.getByLabel('Your password').fill(password);
    await dialog.getByRole('button', { name: `Sign: ${signed}` }).click();
    await expect(dialog).toBeHidden({ timeout: 15_000 });
    await expect(page.getByRole('region', { name: 'Review steps' })).toContainText(`${signed} by`);
  }

  // The write-back reaches the MLflow test server (the outbox retries until it does).
  await expect.poll(() => mlflow.tagsOf(model, '8').approval_status, { timeout: 30_000 }).toBe('approved');
  expect(mlflow.tagsOf(model, '8')).toMatchObject({ approval_content_sha256: expect.stringMatching(/^[0-9a-f]{64}$/), approval_record_url: expect.stringContaining(`/packages/${pkg.id}`) });
  expect(mlflow.aliasesOf(model)).toEqual({ champion: '8' });

  // Both gates pass: the HTTP one, and npm run gate with the exported record and pinned keys.
  const gateQuery = `/api/gate?model=card-fraud-detection&version=8&scope=${encodeURIComponent('channel=card_not_present')}`;
  const committee = await signInActor(origin, 'committee@example.com', password);
  const passed = gateVerdictSchema.parse(await committee.get(gateQuery));
  expect(passed).toMatchObject({ pass: true, packageId: pkg.id });
  expect(passed.line).toMatch(new RegExp(`^APPROVED: card-fraud-detection 8 \\(approved with conditions, version 1, re-review due ${reReviewOn}\\)`));
  const recordFile = testInfo.outputPath('record.json');
  const keysFile = testInfo.outputPath('server-keys.json');
  writeFileSync(recordFile, JSON.stringify(await committee.get(`/api/packages/${pkg.id}/record`)));
  writeFileSync(keysFile, JSON.stringify(await committee.get('/api/keys')));
  const gate = (at: string) => runScript('scripts/gate.ts', ['--model', 'card-fraud-detection', '--version', '8', '--record', recordFile, '--key-file', keysFile, '--scope', 'channel=card_not_present', '--at', at]);
  const today = new Date().toISOString().slice(0, 10);
  const cliPassed = await gate(today);
  expect(cliPassed.code, cliPassed.stdout + cliPassed.stderr).toBe(0);
  expect(cliPassed.stdout).toMatch(/^APPROVED: card-fraud-detection 8/);

  // The clock moves past the re-review date: the sweep lapses the approval and the write-back
  // takes the tag and the alias back.
  const movedBy = 31 * day;
  world.moveClock(movedBy);
  await expect.poll(() => mlflow.tagsOf(model, '8').approval_status, { timeout: 30_000 }).toBe('lapsed');
  expect(mlflow.aliasesOf(model)).toEqual({});
  const later = await signInActor(origin, 'committee@example.com', password);
  const lapsed = gateVerdictSchema.parse(await later.get(gateQuery));
  expect(lapsed).toMatchObject({ pass: false, line: `LAPSED: the approval's re-review was due on ${reReviewOn}` });
  const cliLapsed = await gate(new Date(Date.now() + movedBy).toISOString().slice(0, 10));
  expect(cliLapsed.code, cliLapsed.stdout + cliLapsed.stderr).toBe(1);
  expect(cliLapsed.stdout + cliLapsed.stderr).toContain(`LAPSED: the approval's re-review was due on ${reReviewOn}`);
});
