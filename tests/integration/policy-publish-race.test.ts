import { describe, expect, it } from 'vitest';
import { twoInstancesOnPostgres } from '../contract/support/two-instances.ts';
import { policyListSchema } from '#domain/contracts/policies.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { addBusinessLines } from '../contract/support/add-business-lines.ts';

// Administrators publishing at the same moment on two API instances of one PostgreSQL
// database. Without the catalogue lock, two overlapping scopes both pass the overlap check
// (each transaction sees only what was committed before it) and a package would then fall
// under two policies; two next versions of one key would collide on the primary key (500).

const policy = (key: string, line: string) => ({
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
    const admin = (i: number) => (i % 2 === 0 ? admins[0] : admins[1]);
    await addBusinessLines(admins[0], 'Race desk', 'Versioned desk');
    const overlapping = await Promise.all(Array.from({ length: 8 }, (_, i) => admin(i).post('/api/policies', policy(`race-${i}`, 'Race desk'))));
    expect(overlapping.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422, 422, 422]);

    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => admin(i).post('/api/policies', { ...policy('versioned', 'Versioned desk'), name: `Versioned ${i}`, replacesVersion: 0 })));
    expect(created.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422, 422, 422]);
    const next = await Promise.all(Array.from({ length: 8 }, (_, i) => admin(i).post('/api/policies', { ...policy('versioned', 'Versioned desk'), name: `Versioned again ${i}`, replacesVersion: 1 })));
    expect(next.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const items = policyListSchema.parse((await admins[0].get('/api/policies')).body).items.filter((i) => i.policy.key === 'versioned');
    expect(items.map((i) => i.policy.version)).toEqual([2, 1]);
  });
});
