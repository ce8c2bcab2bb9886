import { afterEach, expect, it } from 'vitest';
import { seedDemo } from '#demo/seed-demo.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import type { Store } from '#api/store/store.ts';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import { openMemoryStore } from './open-store.ts';

// The policy check in effect for a version, one definition (migration 049, decision record
// 0152) read three ways on SQLite: the coherent cache (one package: the read path), the store's
// query (several packages) and the governance figure's SQL (blocking failures). After each new
// re-check all three give the latest one (greatest number), never an earlier one.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function seeded(): Promise<Store> {
  const store = await openMemoryStore();
  cleanups.push(() => store.close());
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: () => crypto.randomUUID().replace(/-/g, '') });
  return store;
}

it('gives the latest re-check of a version, else its check at submission, through the cache, the query and the governance figure alike', async () => {
  const store = await seeded();
  const current = await store.governanceListIds('current');
  const every = await store.listPolicyEvaluations(current);
  // A current package whose latest version was checked at submission and passed.
  const latestOf = new Map(every.map((e) => [e.packageId, e]));
  const checked = [...latestOf.values()].find((e) => e.evaluation.outcome === 'pass');
  if (!checked) throw new Error('the demo has a current package whose latest check passed');
  const other = current.find((id) => id !== checked.packageId) ?? '';

  const inEffect = async () => {
    const cached = (await store.listPolicyEvaluations([checked.packageId])).find((e) => e.version === checked.version)?.evaluation;
    const queried = (await store.listPolicyEvaluations([checked.packageId, other])).find((e) => e.packageId === checked.packageId && e.version === checked.version)?.evaluation;
    const blocking = (await store.governanceListIds('blocking_failed')).includes(checked.packageId);
    return { cached, queried, blocking };
  };
  expect(await inEffect()).toEqual({ cached: checked.evaluation, queried: checked.evaluation, blocking: false });

  const recheck = async (outcome: PolicyEvaluation['outcome'], at: string) => {
    const evaluation: PolicyEvaluation = { ...checked.evaluation, outcome, reresolved: { tier: 1, assessment: 9, from: checked.evaluation.policy } };
    await store.insertPolicyReevaluation({ packageId: checked.packageId, version: checked.version, evaluation, evaluatedAt: at });
    return evaluation;
  };
  // Read once more before each write, so a stale cached answer would show.
  const flagged = await recheck('flagged', '2026-11-01T00:00:00.000Z');
  expect(await inEffect()).toEqual({ cached: flagged, queried: flagged, blocking: true });
  // A later re-check that passes stands over the flagged one, though it is dated earlier: the number decides.
  const passed = await recheck('pass', '2026-10-01T00:00:00.000Z');
  expect(await inEffect()).toEqual({ cached: passed, queried: passed, blocking: false });
  const flaggedAgain = await recheck('flagged', '2026-12-01T00:00:00.000Z');
  expect(await inEffect()).toEqual({ cached: flaggedAgain, queried: flaggedAgain, blocking: true });
});

it('lists every check of a version in number order, submission first, ending with the one in effect (the record reads it, 0169)', async () => {
  const store = await seeded();
  const [checked] = await store.listPolicyEvaluations(await store.governanceListIds('current'));
  if (!checked) throw new Error('the demo has a checked current package');
  const versionChecks = async () => (await store.listPolicyChecks(checked.packageId)).filter((c) => c.version === checked.version);
  expect((await versionChecks()).map((c) => [c.seq, c.evaluation])).toEqual([[0, checked.evaluation]]);
  const recheck = (outcome: PolicyEvaluation['outcome']): PolicyEvaluation => ({ ...checked.evaluation, outcome, republished: { from: checked.evaluation.policy } });
  const first = recheck('flagged');
  const second = recheck('pass');
  for (const [evaluation, at] of [[first, '2026-11-01T00:00:00.000Z'], [second, '2026-10-01T00:00:00.000Z']] as const) await store.insertPolicyReevaluation({ packageId: checked.packageId, version: checked.version, evaluation, evaluatedAt: at });
  const all = await versionChecks();
  // By number, not by date; the last is what the view gives.
  expect(all.map((c) => [c.seq, c.evaluation.outcome, c.evaluatedAt])).toEqual([
    [0, checked.evaluation.outcome, checked.evaluatedAt],
    [1, 'flagged', '2026-11-01T00:00:00.000Z'],
    [2, 'pass', '2026-10-01T00:00:00.000Z'],
  ]);
  const inEffect = (await store.listPolicyEvaluations([checked.packageId])).find((e) => e.version === checked.version);
  expect(all.at(-1)?.evaluation).toEqual(inEffect?.evaluation);
});
