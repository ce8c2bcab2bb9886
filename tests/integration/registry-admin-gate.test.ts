import { ListModelPackagesCommand, SageMakerClient, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { adminRegistriesSchema, connectionTestSchema, gateVerdictSchema } from '#domain/contracts/registries.ts';
import { createdApiTokenSchema } from '#domain/contracts/api-tokens.ts';
import { signDecision, signInActor } from '#scripts/lib/api-actor.ts';
import { cardFraudV1 } from '#demo/index.ts';
import { submitPackageResponseSchema } from '#api/routes.ts';
import { approveCardFraudCopy, signedScope } from '../support/signed-approval.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { cardFraudScorer as name, registryWorld, sendTo } from './support/registry-world.ts';
import { deliverMlflowEvent, mlflowSecret } from '../contract/support/mlflow-deliveries.ts';
import { sageMakerSecret } from '../contract/support/sagemaker-deliveries.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { Client } from '../contract/support/client.ts';

// The administrators' registry page API (connectors from the configuration, a real read call
// as the connection test, the write-back outbox) and the deployment gate over HTTP, which
// applies `npm run gate`'s rule to the record the server signs for the version.

const sagemaker = mockClient(SageMakerClient);
const defer = cleanUpAfterEach();
afterEach(() => {
  sagemaker.reset();
});
const world = () => registryWorld(defer);

describe('registry administration', () => {
  it('lists the configured connectors without a credential, and the recent write-backs with where each stands', async () => {
    const { server, target, dispatcher } = await world();
    const admin = await signedIn(target, 'admin@example.com');
    const empty = await admin.get('/api/admin/registries');
    expect(empty.status).toBe(200);
    const view = adminRegistriesSchema.parse(empty.body);
    expect(view.connectors).toEqual([
      { id: 'mlflow', kind: 'mlflow', location: server.url, intakePath: '/api/registries/mlflow/mlflow/webhook', authentication: 'X-MLflow-Signature (HMAC-SHA256 with the webhook secret)', alias: 'champion', polled: [], defaultOwner: null },
      { id: 'sagemaker', kind: 'sagemaker', location: 'AWS eu-west-1', intakePath: '/api/registries/sagemaker/sagemaker/events', authentication: "x-registry-event-secret header (the API destination connection's API key)", alias: null, polled: ['card-fraud'], defaultOwner: null },
    ]);
    expect(JSON.stringify(empty.body)).not.toContain(mlflowSecret);
    expect(JSON.stringify(empty.body)).not.toContain(sageMakerSecret);
    expect(view.recentWriteBacks).toEqual([]);

    await deliverMlflowEvent(target, { name, version: '8' });
    const pkg = await approveCardFraudCopy({ origin: 'http://localhost', send: sendTo(target), password: 'demo-password', versionLabel: '8' });
    expect(adminRegistriesSchema.parse((await admin.get('/api/admin/registries')).body).recentWriteBacks).toMatchObject([{ packageId: pkg.id, connector: 'mlflow', outcome: 'approved', status: 'pending', attempts: 0 }]);
    await dispatcher.tick();
    expect(adminRegistriesSchema.parse((await admin.get('/api/admin/registries')).body).recentWriteBacks).toMatchObject([{ packageId: pkg.id, outcome: 'approved', status: 'done', attempts: 1, nextAttemptAt: null }]);

    for (const email of ['owner@example.com', 'committee@example.com']) {
      const other = await signedIn(target, email);
      expect((await other.get('/api/admin/registries')).status).toBe(403);
      expect((await other.post('/api/admin/registries/mlflow/test', {})).status).toBe(403);
    }
  });

  it('tests a connection with a real read call: MLflow model-versions/search, SageMaker ListModelPackages, and says why one fails', async () => {
    const { server, target } = await world();
    const admin = await signedIn(target, 'admin@example.com');
    const ok = connectionTestSchema.parse((await admin.post('/api/admin/registries/mlflow/test', {})).body);
    expect(ok).toMatchObject({ connector: 'mlflow', ok: true, call: 'GET model-versions/search (max_results=1)', detail: `Connected: the registry answered with ${name} version 8.` });
    expect(server.requests.at(-1)).toEqual({ method: 'GET', path: '/api/2.0/mlflow/model-versions/search', fields: { filter: '', max_results: '1' } });
    server.options.down = true;
    const down = connectionTestSchema.parse((await admin.post('/api/admin/registries/mlflow/test', {})).body);
    expect(down.ok).toBe(false);
    expect(down.detail).toMatch(/^Unreachable: MLflow answered 503 TEMPORARILY_UNAVAILABLE/);

    sagemaker.on(ListModelPackagesCommand).resolvesOnce({ ModelPackageSummaryList: [{ ModelPackageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/card-fraud/8', ModelPackageGroupName: 'card-fraud', ModelPackageVersion: 8, ModelPackageStatus: 'Completed', CreationTime: new Date() }] }).rejectsOnce(new SageMakerServiceException({ name: 'AccessDeniedException', $fault: 'client', message: 'User is not authorized to perform: sagemaker:ListModelPackages', $metadata: { httpStatusCode: 400 } }));
    const sm = connectionTestSchema.parse((await admin.post('/api/admin/registries/sagemaker/test', {})).body);
    expect(sm).toMatchObject({ ok: true, call: 'ListModelPackages (MaxResults=1, group card-fraud)', detail: 'Connected: SageMaker answered with card-fraud version 8.' });
    expect(sagemaker.commandCalls(ListModelPackagesCommand)[0]?.args[0].input).toEqual({ ModelPackageGroupName: 'card-fraud', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 1 });
    const denied = connectionTestSchema.parse((await admin.post('/api/admin/registries/sagemaker/test', {})).body);
    expect(denied).toMatchObject({ ok: false });
    expect(denied.detail).toMatch(/^Refused: SageMaker ListModelPackages: AccessDeniedException/);
    expect((await admin.post('/api/admin/registries/nothing/test', {})).status).toBe(404);
  });
});

describe('deployment gate over HTTP (GET /api/gate)', () => {
  it('passes an approved version within its scope, and refuses each reason to stop with one line', async () => {
    const { target } = await world();
    const send = sendTo(target);
    const approved = await approveCardFraudCopy({ origin: 'http://localhost', send, password: 'demo-password', versionLabel: '8' });
    const owner = await signInActor('http://localhost', 'owner@example.com', 'demo-password', send);
    const content = { ...cardFraudV1, sections: cardFraudV1.sections.map((s) => (s.kind === 'identification' ? { ...s, versionLabel: '9' } : s)) };
    const { package: rejected } = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: 'card-fraud-detection', versionLabel: '9', content }));
    await signDecision(await signInActor('http://localhost', 'data-governance@example.com', 'demo-password', send), { packageId: rejected.id, stepKey: 'data_governance', decision: 'reject', reason: 'Retention basis missing.', concerns: [{ sectionKey: 'training_data', concern: 'No retention basis.', requiredChange: 'State it.' }], password: 'demo-password' });

    const committee = await signedIn(target, 'committee@example.com');
    const ask = async (query: string) => {
      const reply = await committee.get(`/api/gate?${query}`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return gateVerdictSchema.parse(reply.body);
    };
    const passed = await ask('model=card-fraud-detection&version=8&scope=channel%3Dcard_not_present');
    expect(passed).toMatchObject({ pass: true, packageId: approved.id });
    expect(passed.line).toMatch(/^APPROVED: card-fraud-detection 8 \(approved with conditions, version 1, re-review due \d{4}-\d{2}-\d{2}\), record signed by a pinned key$/);
    expect(passed.recordSha256).toMatch(/^[0-9a-f]{64}$/);
    const due = /re-review due (\d{4}-\d{2}-\d{2})/.exec(passed.line)?.[1] ?? '';

    const refusals: [string, RegExp][] = [
      ['model=card-fraud-detection&version=8&scope=channel%3Dcard_present', new RegExp(`^OUT OF SCOPE: channel=card_present is not within "${signedScope}"$`)],
      ['model=card-fraud-detection&version=8', /^OUT OF SCOPE: approved only for/],
      ['model=card-fraud-detection&version=9', /^NOT APPROVED: card-fraud-detection 9 is rejected$/],
      ['model=card-fraud-detection&version=10', /^NO RECORD: no package for card-fraud-detection 10/],
    ];
    for (const [query, line] of refusals) {
      const verdict = await ask(query);
      expect(verdict.pass, query).toBe(false);
      expect(verdict.line, query).toMatch(line);
    }

    const badScope = await committee.get('/api/gate?model=card-fraud-detection&version=8&scope=card_not_present');
    expect(badScope.status).toBe(400);
    expect(badScope.body).toMatchObject({ errors: [expect.objectContaining({ pointer: '/query/scope' })] });
    expect((await new Client(target).get('/api/gate?model=card-fraud-detection&version=8')).status).toBe(401);
    // The caller cannot choose the day the gate judges by: an earlier `at` is not a question
    // the HTTP gate takes (it would let a lapsed approval pass).
    const backdated = await committee.get('/api/gate?model=card-fraud-detection&version=8&scope=channel%3Dcard_not_present&at=2000-01-01');
    expect(backdated.status).toBe(400);
    expect(JSON.stringify(backdated.body)).toContain('at');
    // Past the re-review date by the server's clock, the approval has lapsed.
    target.advanceClock(Date.parse(`${due}T00:00:00Z`) - Date.now() + 86_400_000);
    // (The session has expired by then: sign in again.)
    const later = await (await signedIn(target, 'committee@example.com')).get('/api/gate?model=card-fraud-detection&version=8&scope=channel%3Dcard_not_present');
    const lapsed = gateVerdictSchema.parse(later.body);
    expect(lapsed.pass).toBe(false);
    expect(lapsed.line).toMatch(new RegExp(`^LAPSED: the approval's re-review was due on ${due}$`));

  });

  it('a pipeline asks with its API token, about its own model only', async () => {
    const { target } = await world();
    await approveCardFraudCopy({ origin: 'http://localhost', send: sendTo(target), password: 'demo-password', versionLabel: '8' });
    const owner = await signedIn(target, 'owner@example.com');
    const token = createdApiTokenSchema.parse((await owner.post('/api/tokens', { modelKey: 'card-fraud-detection', name: 'Deploy pipeline' })).body);
    const pipeline = new Client(target);
    const headers = { authorization: `Bearer ${token.secret}` };
    const mine = await pipeline.send('GET', '/api/gate?model=card-fraud-detection&version=8&scope=channel%3Dcard_not_present', { headers });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(gateVerdictSchema.parse(mine.body).pass).toBe(true);
    const other = await pipeline.send('GET', '/api/gate?model=clinical-deterioration-risk&version=2.0.0', { headers });
    expect(other.status).toBe(403);
    // Still no other route for a token.
    expect((await pipeline.send('GET', '/api/admin/registries', { headers })).status).toBe(403);
  });
});
