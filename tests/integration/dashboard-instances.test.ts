import { describe, expect, it } from 'vitest';
import { creditRiskAnswers, approvableCreditContent } from '#demo/fresh-packages.ts';
import { dashboardSchema, type Dashboard } from '#domain/contracts/dashboard.ts';
import { keptFigureCountings } from '#api/dashboard/stored-figures.ts';
import { refreshSummaries } from '#api/package-access/summaries.ts';
import { twoInstancesOnPostgres } from '../contract/support/two-instances.ts';
import type { Client } from '../contract/support/client.ts';
import { expectFiguresMatchTheirLists } from '../contract/support/governance-scenarios.ts';
import { riskAnswers } from '../contract/support/risk-assessment-scenarios.ts';
import { expectStatus, signedIn } from '../contract/support/signing-scenarios.ts';

// Each API instance keeps the dashboard's counts under the shared audit log's size (decision
// record 0177): a write through one instance shows in the other's next dashboard, every figure
// equal to its list there, though the other had its counts kept from before the write.

const clinical = 'pkg_clinical_deterioration_risk';

async function dashboard(client: Client): Promise<Dashboard> {
  const reply = await client.get('/api/dashboard');
  expectStatus(reply, 200);
  return dashboardSchema.parse(reply.body);
}

const valueOf = (d: Dashboard, key: string) => d.governance.figures.find((f) => f.key === key)?.value;
const lastMonthOf = (d: Dashboard, key: string) => d.governance.figures.find((f) => f.key === key)?.trend?.at(-1)?.value;

describe('the committee dashboard on two API instances of one PostgreSQL database', () => {
  const instances = twoInstancesOnPostgres();

  it('a write through one instance shows in the next dashboard of the other, which had its counts kept', async () => {
    const onFirst = await signedIn(instances.first.target, 'committee@example.com');
    const onSecond = await signedIn(instances.second.target, 'committee@example.com');
    const before = await dashboard(onSecond);
    // Kept: read again, nothing counted again.
    const kept = keptFigureCountings(instances.second.store);
    expect((await dashboard(onSecond)).governance).toEqual(before.governance);
    expect(keptFigureCountings(instances.second.store)).toEqual(kept);
    await dashboard(onFirst);

    // Through the first instance: a new package of the credit model, assessed, and a confirmed tier override on the clinical package.
    const owner = await signedIn(instances.first.target, 'owner@example.com');
    const submitted = await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel: '8.0.0', content: approvableCreditContent('8.0.0') });
    expectStatus(submitted, 201);
    const id = (submitted.body as { package: { id: string } }).package.id;
    const elena = await signedIn(instances.first.target, 'model-risk@example.com');
    expectStatus(await elena.post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
    const privacy = await signedIn(instances.first.target, 'privacy@example.com');
    expectStatus(await elena.post(`/api/packages/${clinical}/risk-assessments`, { answers: riskAnswers() }), 201);
    expectStatus(await privacy.post(`/api/packages/${clinical}/risk-assessments/2/override`, { tier: 1, reason: 'Bedside alerts: critical whatever the controls.', role: 'privacy' }), 201);
    expectStatus(await elena.post(`/api/packages/${clinical}/risk-assessments/2/override/confirmation`, { role: 'model_risk' }), 200);

    const after = await dashboard(onSecond);
    expect(keptFigureCountings(instances.second.store).stored).toBe(kept.stored + 1);
    expect(valueOf(after, 'overridden')).toBe((valueOf(before, 'overridden') ?? 0) + 1);
    expect(valueOf(after, 'pending')).toBe((valueOf(before, 'pending') ?? 0) + 1);
    expect(valueOf(after, 'changes_this_month')).toBe((valueOf(before, 'changes_this_month') ?? 0) + 1);
    expect(lastMonthOf(after, 'assessed')).toBe((lastMonthOf(before, 'assessed') ?? 0) + 2);
    await expectFiguresMatchTheirLists(onSecond);
    // Both instances answer the same figures.
    expect((await dashboard(onFirst)).governance).toEqual((await dashboard(onSecond)).governance);
  });

  it("a summary another instance refreshed by its clock (ahead of this one's, no audit entry) shows in this one's next figures, as in its lists (0183)", async () => {
    const onSecond = await signedIn(instances.second.target, 'committee@example.com');
    const before = await expectFiguresMatchTheirLists(onSecond);
    const size = await instances.second.store.auditLogSize();
    const counted = keptFigureCountings(instances.second.store).summary;
    // The first instance's clock runs ahead of the second's, past the table's next clock change:
    // its next list refreshes that row first (what a list request does before it reads).
    const next = await instances.first.store.nextSummaryChange();
    if (next === null) throw new Error('the demo has a step with a due time');
    await refreshSummaries(instances.first.store, new Date(Date.parse(next.at) + 60_000));
    expect(await instances.first.store.nextSummaryChange()).not.toEqual(next);
    expect(await instances.second.store.auditLogSize()).toBe(size);

    // The second instance, its clock still before that instant, at the same log size: counted again, equal to its lists.
    const after = await expectFiguresMatchTheirLists(onSecond);
    expect(keptFigureCountings(instances.second.store).summary).toBeGreaterThan(counted);
    expect([...after].map(([key, f]) => [key, f.value])).not.toEqual([...before].map(([key, f]) => [key, f.value]));
  });
});
