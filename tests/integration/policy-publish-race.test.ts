import { describe, expect, it } from 'vitest';
import { twoInstancesOnPostgres } from '../contract/support/two-instances.ts';
import { policyListSchema } from '#domain/contracts/policies.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { addBusinessLines } from '../contract/support/add-business-lines.ts';
import { propose } from '../contract/support/catalogue-proposals.ts';
import type { PublishPolicyRequest } from '#domain/contracts/policies.ts';

// Administrators publishing at the same moment on two API instances of one PostgreSQL
// database. Without the catalogue lock, two overlapping scopes both pass the overlap check
// (each transaction sees only what was committed before it) and a package would then fall
// under two policies; two next versions of one key would collide on the primary key (500).
// With two administrators a publication is a proposal's approval (0182): eight proposals,
// each fine when filed, are approved at once, and the approvals are what race.

const policy = (key: string, line: string): PublishPolicyRequest => ({
  key,
  name: `Policy ${key}`,
  scope: { riskTiers: [3], businessLines: [line] },
  onBlockingFailure: 'refuse',
  metrics: [{ metric: 'auc', operator: '>=', value: 0.7, enforcement: 'blocking' }],
  subgroupMetrics: [],
  requiredSections: [],
});

describe('policy publications racing (PostgreSQL, two API instances)', () => {
  const instances = twoInstancesOnPostgres();

  it('lets exactly one of eight overlapping scopes in, one of eight new keys, and one of eight next versions of a key', async () => {
    const admins = [await signedIn(instances.first.target, 'admin@example.com'), await signedIn(instances.second.target, 'admin@example.com')] as const;
    const deputies = [await signedIn(instances.first.target, 'admin-deputy@example.com'), await signedIn(instances.second.target, 'admin-deputy@example.com')] as const;
    const admin = (i: number) => (i % 2 === 0 ? admins[0] : admins[1]);
    const deputy = (i: number) => (i % 2 === 0 ? deputies[1] : deputies[0]);
    await addBusinessLines(instances.first.target, 'Race desk', 'Versioned desk');
    /** Eight policies proposed one after another (none published yet, so each passes), then approved at once on both instances. */
    async function approvedAtOnce(policies: PublishPolicyRequest[]) {
      const filed = [];
      for (const [i, change] of policies.entries()) filed.push(await propose(admin(i), { kind: 'publish_policy', change }));
      const replies = await Promise.all(filed.map((p, i) => deputy(i).post(`/api/catalogue-proposals/${p.id}/approval`, { contentSha256: p.contentSha256, comparisonSha256: p.comparisonSha256 })));
      return replies.map((r) => r.status).sort();
    }
    // The other seven no longer pass their checks once one is in: 409 at approval, nothing written.
    expect(await approvedAtOnce(Array.from({ length: 8 }, (_, i) => policy(`race-${i}`, 'Race desk')))).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(await approvedAtOnce(Array.from({ length: 8 }, (_, i) => ({ ...policy('versioned', 'Versioned desk'), name: `Versioned ${i}`, replacesVersion: 0 })))).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(await approvedAtOnce(Array.from({ length: 8 }, (_, i) => ({ ...policy('versioned', 'Versioned desk'), name: `Versioned again ${i}`, replacesVersion: 1 })))).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const races = policyListSchema.parse((await admins[0].get('/api/policies')).body).items.filter((i) => i.policy.key.startsWith('race-'));
    expect(races).toHaveLength(1);
    const items = policyListSchema.parse((await admins[0].get('/api/policies')).body).items.filter((i) => i.policy.key === 'versioned');
    expect(items.map((i) => i.policy.version)).toEqual([2, 1]);
  });
});
