import { afterEach, describe, expect, it } from 'vitest';
import { packageRegistrySchema } from '#domain/contracts/registries.ts';
import { submitPackageResponseSchema } from '#api/routes.ts';
import { cardFraudV1 } from '#demo/index.ts';
import { runReReviewSweep } from '#api/re-review/re-review-sweep-run.ts';
import { startRegistryWriteBacks, type RegistryWriteBackDispatcher } from '#server/timers/registry-write-back.ts';
import { signDecision, signInActor } from '#scripts/lib/api-actor.ts';
import { approveCardFraudCopy } from '../support/signed-approval.ts';
import { rejectResubmitApprove } from '../support/rejected-then-approved.ts';
import { serverDeps } from '#server/deps.ts';
import { startRegistryPolling } from '#server/timers/registry-poll.ts';
import { startMlflowRegistryServer, type MlflowRegistryServer } from '../support/mlflow-registry-server.ts';
import { deliverMlflowEvent, mlflowConnector, registriesOf } from '../contract/support/mlflow-deliveries.ts';
import { sqliteTarget } from '../contract/support/targets.ts';
import type { Target } from '../contract/support/client.ts';

// A decision on a package drafted from MLflow is written back to the model version through the
// outbox: the approval tags and the alias on final approval, approval_status=rejected on a
// rejection, and the approval taken back when its re-review date passes. A registry that is
// down is tried again until it answers; the package page shows where each write-back stands.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const name = 'Card Fraud Scorer';
const day = 86_400_000;

async function world(options: { aliases?: boolean } = {}): Promise<{ server: MlflowRegistryServer; target: Target; dispatcher: RegistryWriteBackDispatcher; clock: { offsetMs: number } }> {
  const server = await startMlflowRegistryServer(options);
  cleanups.push(() => server.close());
  server.addModelVersion(name, { version: '8', runId: 'run-8', tags: { model_key: 'card-fraud-detection' } });
  server.addModelVersion(name, { version: '7', tags: { model_key: 'card-fraud-detection' } });
  server.addRun({ runId: 'run-8', metrics: [{ key: 'auc', value: 0.91 }] });
  const registries = registriesOf(mlflowConnector(server));
  const target = await sqliteTarget({ registries });
  cleanups.push(() => target.close());
  const clock = { offsetMs: 0 };
  const dispatcher = startRegistryWriteBacks({ store: target.store, registries, intervalMs: 3_600_000, backoffBaseMs: 1_000, publicOrigin: 'https://approvals.example.com', now: () => new Date(Date.now() + clock.offsetMs) });
  cleanups.push(() => dispatcher.stop());
  const intake = await deliverMlflowEvent(target, { name, version: '8' });
  expect(intake.body).toMatchObject({ result: 'created' });
  return { server, target, dispatcher, clock };
}

const sendTo = (target: Target) => (url: string, init: RequestInit) => target.fetch(new Request(url, init));

async function writeBacks(target: Target, packageId: string) {
  const owner = await signInActor('http://localhost', 'owner@example.com', 'demo-password', sendTo(target));
  return packageRegistrySchema.parse(await owner.get(`/api/packages/${packageId}/registry`)).writeBacks;
}

describe('registry write-back', () => {
  it('final approval tags the version approved with the record’s hash and URL and moves the alias; the re-review date passing takes it all back', async () => {
    const { server, target, dispatcher, clock } = await world();
    const pkg = await approveCardFraudCopy({ origin: 'http://localhost', send: sendTo(target), password: 'demo-password', versionLabel: '8' });
    // The outbox holds it until the dispatcher runs: nothing was written during the request.
    expect(server.tagsOf(name, '8')).toEqual({ model_key: 'card-fraud-detection' });
    await dispatcher.tick();

    const tags = server.tagsOf(name, '8');
    expect(tags.approval_status).toBe('approved');
    expect(tags.approval_content_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(tags.approval_record_url).toBe(`https://approvals.example.com/api/packages/${pkg.id}/record`);
    expect(server.aliasesOf(name)).toEqual({ champion: '8' });
    const [approved] = await writeBacks(target, pkg.id);
    expect(approved).toMatchObject({ outcome: 'approved', status: 'done', attempts: 1, registryModel: name, registryVersion: '8' });
    expect(approved?.attemptLog[0]?.calls).toEqual([`set-tag approval_content_sha256=${tags.approval_content_sha256}: ok`, `set-tag approval_record_url=${tags.approval_record_url}: ok`, 'set-tag approval_status=approved: ok', 'set alias champion=8: ok']);
    expect(await target.store.listAuditEntries({ action: 'registry.written_back' }, 0, 10)).toHaveLength(1);

    // A year and a day later the conditional approval is due for re-review: deployments must stop.
    clock.offsetMs = 366 * day;
    await runReReviewSweep(target.store, { now: new Date(Date.now() + clock.offsetMs), newId: () => crypto.randomUUID() });
    await dispatcher.tick();
    expect(server.tagsOf(name, '8').approval_status).toBe('lapsed');
    expect(server.aliasesOf(name)).toEqual({});
    expect((await writeBacks(target, pkg.id)).map((w) => [w.outcome, w.status])).toEqual([
      ['approved', 'done'],
      ['lapsed', 'done'],
    ]);
  });

  it('a registry that is down is retried until it answers: nothing is lost, each attempt is shown', async () => {
    const { server, target, dispatcher, clock } = await world();
    server.options.down = true;
    const pkg = await approveCardFraudCopy({ origin: 'http://localhost', send: sendTo(target), password: 'demo-password', versionLabel: '8' });
    await dispatcher.tick();
    let [writeBack] = await writeBacks(target, pkg.id);
    expect(writeBack).toMatchObject({ status: 'pending', attempts: 1 });
    expect(writeBack?.lastError).toContain('TEMPORARILY_UNAVAILABLE');
    expect(writeBack?.attemptLog[0]?.calls).toEqual([expect.stringMatching(/^set-tag approval_content_sha256=[0-9a-f]{64}: unavailable$/)]);

    // Not due yet: nothing is tried.
    await dispatcher.tick();
    expect((await writeBacks(target, pkg.id))[0]?.attempts).toBe(1);
    // Still down at the next attempt; then up.
    clock.offsetMs += 2_000;
    await dispatcher.tick();
    expect((await writeBacks(target, pkg.id))[0]).toMatchObject({ status: 'pending', attempts: 2 });
    server.options.down = false;
    clock.offsetMs += 7_000;
    await dispatcher.tick();
    [writeBack] = await writeBacks(target, pkg.id);
    expect(writeBack).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(server.tagsOf(name, '8').approval_status).toBe('approved');
    expect(server.aliasesOf(name)).toEqual({ champion: '8' });
  });

  it('a host without alias endpoints (404) gets the approval_alias tag instead, removed when the approval lapses', async () => {
    const { server, target, dispatcher, clock } = await world({ aliases: false });
    const pkg = await approveCardFraudCopy({ origin: 'http://localhost', send: sendTo(target), password: 'demo-password', versionLabel: '8' });
    await dispatcher.tick();
    expect(server.tagsOf(name, '8')).toMatchObject({ approval_status: 'approved', approval_alias: 'champion' });
    const [approved] = await writeBacks(target, pkg.id);
    expect(approved?.status).toBe('done');
    expect(approved?.attemptLog[0]?.calls.slice(-2)).toEqual(['set alias champion=8: unsupported', 'set-tag approval_alias=champion: ok']);
    clock.offsetMs = 366 * day;
    await runReReviewSweep(target.store, { now: new Date(Date.now() + clock.offsetMs), newId: () => crypto.randomUUID() });
    await dispatcher.tick();
    const tags = server.tagsOf(name, '8');
    expect(tags.approval_status).toBe('lapsed');
    expect(tags.approval_alias).toBeUndefined();
  });

  it('a rejection tags the version rejected and moves no alias', async () => {
    const { server, target, dispatcher } = await world();
    const send = sendTo(target);
    const owner = await signInActor('http://localhost', 'owner@example.com', 'demo-password', send);
    const content = { ...cardFraudV1, sections: cardFraudV1.sections.map((s) => (s.kind === 'identification' ? { ...s, versionLabel: '8' } : s)) };
    const { package: pkg } = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: 'card-fraud-detection', versionLabel: '8', content }));
    const reviewer = await signInActor('http://localhost', 'data-governance@example.com', 'demo-password', send);
    await signDecision(reviewer, { packageId: pkg.id, stepKey: 'data_governance', decision: 'reject', reason: 'Retention basis missing.', concerns: [{ sectionKey: 'training_data', concern: 'No retention basis for chargebacks.', requiredChange: 'State the retention basis.' }], password: 'demo-password' });
    await dispatcher.tick();
    expect(server.tagsOf(name, '8')).toMatchObject({ approval_status: 'rejected' });
    expect(server.aliasesOf(name)).toEqual({});
    expect((await writeBacks(target, pkg.id)).map((w) => [w.outcome, w.status])).toEqual([['rejected', 'done']]);
  });

  it('rejected, resubmitted, then approved: the version ends tagged approved with the approved content’s hash, and the alias on it', async () => {
    const { server, target, dispatcher } = await world();
    let rejectedHash = '';
    await rejectResubmitApprove({
      send: sendTo(target),
      versionLabel: '8',
      afterRejection: async () => {
        await dispatcher.tick();
        expect(server.tagsOf(name, '8').approval_status).toBe('rejected');
        expect(server.aliasesOf(name)).toEqual({});
        rejectedHash = server.tagsOf(name, '8').approval_content_sha256 ?? '';
      },
    });
    await dispatcher.tick();
    const tags = server.tagsOf(name, '8');
    expect(tags.approval_status).toBe('approved');
    expect(tags.approval_content_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(tags.approval_content_sha256).not.toBe(rejectedHash);
    expect(server.aliasesOf(name)).toEqual({ champion: '8' });
  });

  it('the polling fallback drafts a version whose webhook never came, once, alongside the event path', async () => {
    const { server, target } = await world();
    server.addModelVersion(name, { version: '9', createdAt: Date.now() - 3_600_000, tags: { model_key: 'card-fraud-detection' } });
    const deps = serverDeps(target.store, { sessionTtlHours: 12, registries: registriesOf(mlflowConnector(server)) });
    const poller = startRegistryPolling({ deps, intervalMs: 3_600_000, lookbackHours: 72 });
    cleanups.push(() => poller.stop());
    await Promise.all([poller.poll(), deliverMlflowEvent(target, { name, version: '9' })]);
    const intakes = await target.store.listRegistryIntakes();
    // Version 7 was registered a year ago, before the look-back window: connecting a registry does not draft its history.
    expect(intakes.map((i) => i.registryVersion).sort()).toEqual(['8', '9']);
    expect(await target.store.listAuditEntries({ action: 'registry.draft_created' }, 0, 10)).toHaveLength(2);
    expect(server.requests.filter((r) => r.path.endsWith('/model-versions/search')).at(-1)?.fields).toEqual({ filter: '', max_results: '100' });
  });
});
