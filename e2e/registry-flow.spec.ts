// Issue 20's flow end to end, on a server of its own (its clock moves): an MLflow
// `model_version.created` webhook, signed as MLflow signs it, makes a draft its owner finds on
// the Registry drafts page; the owner downloads the pre-filled content, completes it and submits
// it through the API (POST /api/packages, as `npm run submit` does: there is no browser form for
// a submission); the card fraud chain signs it in the UI, model risk with conditions and a
// re-review date. The MLflow test server then holds the approval tags and the alias, and both
// gates (GET /api/gate and `npm run gate` with the record and the pinned keys) pass. The clock
// moves past the re-review date: the tags and the alias are taken back and both gates fail.
// The same for SageMaker: an EventBridge-shaped event, UpdateModelPackage Approved seen by the
// spec's own SageMaker endpoint (tests/support/sagemaker-endpoint.ts), then PendingManualApproval.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { gateVerdictSchema, registryDraftListSchema, registryDraftSchema } from '#domain/contracts/registries.ts';
import { cardFraudV1 } from '#demo/index.ts';
import { signInActor } from '#scripts/lib/api-actor.ts';
import { signedMlflowDelivery } from '#tests/support/mlflow-delivery.ts';
import { startMlflowRegistryServer, type MlflowRegistryServer } from '#tests/support/mlflow-registry-server.ts';
import { packageFromArn, startSageMakerEndpoint, type SageMakerEndpoint } from '#tests/support/sagemaker-endpoint.ts';
import { runScript } from '#tests/support/run-script.ts';
import { e2eRegistry, sageMakerStateChange } from '#tests/support/e2e-registry.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { goToAccountPage } from './support/header.ts';
import { test as isolated, expect } from './support/isolated-server.ts';
import { loginAs } from './support/login.ts';
import { submitAssessed } from './support/assessed-package.ts';
import { demoRiskAnswers } from '#demo/demo-risk-assessments.ts';

const password = process.env.DEMO_PASSWORD ?? 'demo-password';
const webhookSecret = 'e2e-mlflow-webhook-secret-of-this-spec';
const day = 86_400_000;
const model = 'Card Fraud Scorer';
const scope = 'Card-not-present transactions only';
/** Past the re-review date set a month ahead. */
const movedBy = 31 * day;

interface World {
  mlflow: MlflowRegistryServer;
  /** SageMaker's API for the server's SDK client, recording every call. */
  sagemaker: SageMakerEndpoint;
  /** Moves the server's clock this far ahead of the real one (scripts/e2e-clock.ts). */
  moveClock(offsetMs: number): void;
  clockFile: string;
}

const test = isolated.extend<{ world: World }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: the registries need none.
  world: async ({}, use) => {
    const mlflow = await startMlflowRegistryServer();
    const sagemaker = await startSageMakerEndpoint();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'model-approval-e2e-clock-'));
    const clockFile = path.join(folder, 'clock-offset-ms');
    writeFileSync(clockFile, '0');
    try {
      await use({ mlflow, sagemaker, clockFile, moveClock: (offsetMs) => writeFileSync(clockFile, String(offsetMs)) });
    } finally {
      await mlflow.close();
      await sagemaker.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
  isolatedServerEnv: async ({ world }, use) => {
    await use({
      REGISTRY_MLFLOW_URL: world.mlflow.url,
      REGISTRY_MLFLOW_WEBHOOK_SECRET: webhookSecret,
      REGISTRY_MLFLOW_ALIAS: 'champion',
      REGISTRY_WRITEBACK_INTERVAL_MS: '500',
      E2E_SAGEMAKER_ENDPOINT: world.sagemaker.url,
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

/**
 * The owner finds the draft on the Registry drafts page, downloads its pre-filled content
 * (thresholds are never taken from the registry: null), completes it and submits it through the
 * API, as `npm run submit` does; then the card fraud chain signs it in the UI, model risk with
 * conditions and a re-review date a month away.
 */
async function submitAndApprove(page: Page, origin: string, draftRow: string, metrics: [string, number][]): Promise<{ packageId: string; versionLabel: string; reReviewOn: string }> {
  await page.context().clearCookies();
  await loginAs(page, 'owner@example.com', password);
  await goToAccountPage(page, 'Registry drafts');
  await expect(page.getByRole('row').filter({ hasText: draftRow })).toContainText('card-fraud-detection');
  await expectNoAxeViolations(page);

  const owner = await signInActor(origin, 'owner@example.com', password);
  const listed = registryDraftListSchema.parse(await owner.get('/api/registries/drafts')).items;
  expect(listed).toHaveLength(1);
  const draft = registryDraftSchema.parse(await owner.get(`/api/registries/drafts/${listed[0]?.id ?? ''}`));
  const prefilled = draft.template as { sections: { key: string; metrics?: { name: string; value: number; threshold: null }[] }[] };
  expect(prefilled.sections.find((s) => s.key === 'evaluation')?.metrics?.map((m) => [m.name, m.value, m.threshold])).toEqual(metrics.map(([name, value]) => [name, value, null]));
  const { versionLabel } = draft;
  const content: PackageContent = { ...cardFraudV1, sections: cardFraudV1.sections.map((s) => (s.kind === 'identification' ? { ...s, versionLabel } : s)) };
  const pkg = { id: await submitAssessed(origin, { modelKey: draft.modelKey, versionLabel, content, answers: demoRiskAnswers('card-fraud-detection') ?? [] }) };

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
  return { packageId: pkg.id, versionLabel, reReviewOn };
}

/** The HTTP gate (GET /api/gate, signed in afresh: the clock may have moved) for card-fraud-detection at a version, card-not-present. */
async function httpGate(origin: string, versionLabel: string) {
  const committee = await signInActor(origin, 'committee@example.com', password);
  return gateVerdictSchema.parse(await committee.get(`/api/gate?model=card-fraud-detection&version=${versionLabel}&scope=${encodeURIComponent('channel=card_not_present')}`));
}

/** `npm run gate` on the exported record with the deployment's keys pinned, judged at a date. */
async function cliGate(origin: string, packageId: string, versionLabel: string, folder: (name: string) => string) {
  const committee = await signInActor(origin, 'committee@example.com', password);
  const recordFile = folder('record.json');
  const keysFile = folder('server-keys.json');
  writeFileSync(recordFile, JSON.stringify(await committee.get(`/api/packages/${packageId}/record`)));
  writeFileSync(keysFile, JSON.stringify(await committee.get('/api/keys')));
  return (at: Date) => runScript('scripts/gate.ts', ['--model', 'card-fraud-detection', '--version', versionLabel, '--record', recordFile, '--key-file', keysFile, '--scope', 'channel=card_not_present', '--at', at.toISOString().slice(0, 10)]);
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

  const { packageId, versionLabel, reReviewOn } = await submitAndApprove(page, origin, `mlflow: ${model} version 8`, [['auc', 0.93], ['recall', 0.78]]);
  expect(versionLabel).toBe('8');

  // The write-back reaches the MLflow test server (the outbox retries until it does).
  // The status tag comes after the hash and URL, and the alias after it: wait for the whole state.
  await expect.poll(() => mlflow.aliasesOf(model), { timeout: 30_000 }).toEqual({ champion: '8' });
  expect(mlflow.tagsOf(model, '8')).toMatchObject({ approval_status: 'approved', approval_content_sha256: expect.stringMatching(/^[0-9a-f]{64}$/), approval_record_url: expect.stringContaining(`/packages/${packageId}`) });

  // Both gates pass: the HTTP one, and npm run gate with the exported record and pinned keys.
  const passed = await httpGate(origin, '8');
  expect(passed).toMatchObject({ pass: true, packageId });
  expect(passed.line).toMatch(new RegExp(`^APPROVED: card-fraud-detection 8 \\(approved with conditions, version 1, re-review due ${reReviewOn}\\)`));
  const gate = await cliGate(origin, packageId, '8', (name) => testInfo.outputPath(name));
  const cliPassed = await gate(new Date());
  expect(cliPassed.code, cliPassed.stdout + cliPassed.stderr).toBe(0);
  expect(cliPassed.stdout).toMatch(/^APPROVED: card-fraud-detection 8/);

  // The clock moves past the re-review date: the sweep lapses the approval and the write-back
  // takes the tag and the alias back; both gates fail.
  world.moveClock(movedBy);
  // The alias comes off after the status tag: wait for both.
  await expect.poll(() => ({ status: mlflow.tagsOf(model, '8').approval_status, aliases: mlflow.aliasesOf(model) }), { timeout: 30_000 }).toEqual({ status: 'lapsed', aliases: {} });
  expect(await httpGate(origin, '8')).toMatchObject({ pass: false, line: `LAPSED: the approval's re-review was due on ${reReviewOn}` });
  const cliLapsed = await gate(new Date(Date.now() + movedBy));
  expect(cliLapsed.code, cliLapsed.stdout + cliLapsed.stderr).toBe(1);
  expect(cliLapsed.stdout + cliLapsed.stderr).toContain(`LAPSED: the approval's re-review was due on ${reReviewOn}`);
});

test('a SageMaker EventBridge event goes to draft, approval, UpdateModelPackage Approved and a passing gate; past its re-review date it is taken back', async ({ page, baseURL, world }, testInfo) => {
  test.setTimeout(240_000);
  const origin = baseURL ?? '';
  const { sagemaker } = world;
  const event = sageMakerStateChange('card-fraud', 9);
  const arn = event.detail.ModelPackageArn;
  const registered = packageFromArn(arn);
  if (!registered) throw new Error('a model package ARN');
  sagemaker.add({ ...registered, CustomerMetadataProperties: { ...registered.CustomerMetadataProperties, model_key: 'card-fraud-detection' } });

  // EventBridge's API destination delivers the state change with the connection's secret header.
  const delivered = await page.request.post(`${origin}/api/registries/sagemaker/sagemaker/events`, { data: event, headers: { 'x-registry-event-secret': e2eRegistry.sageMakerSecret } });
  expect(delivered.status(), await delivered.text()).toBe(200);
  expect(await delivered.json()).toMatchObject({ result: 'created' });

  const { packageId, versionLabel, reReviewOn } = await submitAndApprove(page, origin, 'sagemaker: card-fraud version 9', [['auc', 0.91], ['recall', 0.74]]);
  expect(versionLabel).toBe('9');

  // The write-back calls UpdateModelPackage on the test endpoint (the outbox retries until it answers).
  await expect.poll(() => sagemaker.find(arn)?.ModelApprovalStatus, { timeout: 30_000 }).toBe('Approved');
  const approved = sagemaker.calls.find((call) => call.operation === 'UpdateModelPackage' && call.input.ModelApprovalStatus === 'Approved');
  expect(approved?.input).toMatchObject({ ModelPackageArn: arn, CustomerMetadataProperties: { approval_status: 'approved', approval_content_sha256: expect.stringMatching(/^[0-9a-f]{64}$/), approval_record_url: expect.stringContaining(`/packages/${packageId}`) } });
  expect(String(approved?.input.ApprovalDescription).length).toBeLessThanOrEqual(1_024);
  const passed = await httpGate(origin, '9');
  expect(passed).toMatchObject({ pass: true, packageId });
  const gate = await cliGate(origin, packageId, '9', (name) => testInfo.outputPath(name));
  expect((await gate(new Date())).code).toBe(0);

  // Past the re-review date: back to PendingManualApproval, approval_status=lapsed; the gates fail.
  world.moveClock(movedBy);
  await expect.poll(() => sagemaker.find(arn)?.ModelApprovalStatus, { timeout: 30_000 }).toBe('PendingManualApproval');
  expect(sagemaker.find(arn)?.CustomerMetadataProperties?.approval_status).toBe('lapsed');
  expect(await httpGate(origin, '9')).toMatchObject({ pass: false, line: `LAPSED: the approval's re-review was due on ${reReviewOn}` });
  const cliLapsed = await gate(new Date(Date.now() + movedBy));
  expect(cliLapsed.code, cliLapsed.stdout + cliLapsed.stderr).toBe(1);
});
