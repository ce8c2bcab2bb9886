import { describe, expect, it } from 'vitest';
import { twoInstancesOnPostgres } from '../contract/support/two-instances.ts';
import type { Finding } from '#domain/contracts/findings.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';

// Concurrent moves of one finding from two API instances of one PostgreSQL database: the owner
// proposes a remediation on one instance while the raising reviewer accepts the risk on the
// other (and the owner proposes twice). Each write takes the package lock and names the
// revision it saw, so exactly one move is written per round and the history has no fork.

const rounds = 8;

const clinical = 'pkg_clinical_deterioration_risk';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('concurrent moves of one finding (PostgreSQL, two API instances)', () => {
  const instances = twoInstancesOnPostgres();

  it(`writes exactly one of three concurrent moves, ${rounds} rounds`, async () => {
    const reviewer = await signedIn(instances.first.target, 'model-risk@example.com');
    const ownerA = await signedIn(instances.first.target, 'owner@example.com');
    const ownerB = await signedIn(instances.second.target, 'owner@example.com');
    const reviewerB = await signedIn(instances.second.target, 'model-risk@example.com');
    for (let round = 0; round < rounds; round++) {
      const raised = await reviewer.post(`/api/packages/${clinical}/findings`, { versionNumber: 1, sectionKey: 'evaluation', title: `Race ${round}`, description: 'Raced.', severity: 'medium', type: 'limitation', ownerId: 'usr_owner', dueDate: inDays(20) });
      expect(raised.status, JSON.stringify(raised.body)).toBe(201);
      const finding = raised.body as Finding;
      const path = `/api/packages/${clinical}/findings/${finding.id}/transitions`;
      const replies = await Promise.all([
        ownerA.post(path, { to: 'remediation_proposed', revision: 0, plan: `Plan A ${round}.` }),
        ownerB.post(path, { to: 'remediation_proposed', revision: 0, plan: `Plan B ${round}.` }),
        reviewerB.post(path, { to: 'risk_accepted', revision: 0, rationale: `Accepted ${round}.`, expiresOn: inDays(10) }),
      ]);
      expect(replies.map((r) => r.status).sort(), JSON.stringify(replies.map((r) => r.body))).toEqual([201, 409, 409]);
      const events = await instances.first.store.listFindingEvents([finding.id]);
      expect(events.map((e) => e.position)).toEqual([0, 1]);
      const entries = (await instances.first.store.listAuditEntries({ subject: clinical }, 0, 10_000)).filter((e) => e.action === 'finding.transitioned' && e.afterJson.includes(finding.id));
      expect(entries).toHaveLength(1);
    }
  });
});
