import { describe, expect, it } from 'vitest';
import { twoInstancesOnPostgres } from '../contract/support/two-instances.ts';
import type { Client } from '../contract/support/client.ts';
import { payloadFor, sign, signedIn } from '../contract/support/signing-scenarios.ts';
import { freshContent } from '../support/fresh-content.ts';
import { demoRiskAnswers } from '#demo/demo-risk-assessments.ts';

// A clarification request opened at the moment an approval is being signed, on two API
// instances of one PostgreSQL database. Found by an adversary review: the signing
// transaction read the threads, the request committed meanwhile, and both succeeded: an
// approval over an open question, without an override. Threads, resubmission and signing
// now take the package's lock first, so either the approval's gate sees the request (409)
// or the request comes after the decision in the audit log.

const rounds = 16;

const marcus = { id: 'usr_data_governance', displayName: 'Marcus Oyelaran', title: 'Data Governance Lead' };

describe('a clarification request racing an approval (PostgreSQL, two API instances)', () => {
  const instances = twoInstancesOnPostgres();

  it(`never lets an approval commit unseeing a request that committed before it, ${rounds} rounds`, async () => {
    const owner = await signedIn(instances.first.target, 'owner@example.com');
    const approver: Client = await signedIn(instances.first.target, 'data-governance@example.com');
    const asker: Client = await signedIn(instances.second.target, 'model-risk@example.com');
    const outcomes = { blocked: 0, askedAfter: 0 };
    for (let round = 0; round < rounds; round++) {
      const modelKey = `clarification-race-${round}-${Date.now()}`;
      const submitted = await owner.post('/api/packages', { modelKey, versionLabel: '1.0.0', content: freshContent(modelKey) });
      expect(submitted.status).toBe(201);
      const packageId = (submitted.body as { package: { id: string } }).package.id;
      // An approval needs a risk assessment (docs/decisions/0141).
      expect((await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${packageId}/risk-assessments`, { answers: demoRiskAnswers('clinical-deterioration-risk') })).status).toBe(201);
      const payload = await payloadFor(approver, { packageId, versionNumber: 1, stepKey: 'data_governance', role: 'data_governance', decision: 'approve', reason: `Race ${round}.`, signer: marcus });
      // The request leaves a little later each round, so some land while the approval is mid-way.
      const ask = async () => {
        await new Promise((resolve) => setTimeout(resolve, round * 8));
        return asker.post(`/api/packages/${packageId}/threads`, { versionNumber: 1, sectionKey: 'evaluation', kind: 'clarification', body: `Race ${round}: which holdout?` });
      };
      const [signed, asked] = await Promise.all([sign(approver, payload), ask()]);
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      if (signed.status === 409) {
        expect((signed.body as { type: string }).type).toMatch(/approval-blocked$/);
        outcomes.blocked += 1;
        continue;
      }
      expect(signed.status, JSON.stringify(signed.body)).toBe(201);
      const entries = await instances.first.store.listAuditEntries({ subject: packageId }, 0, 100);
      const seqOf = (action: string) => entries.find((entry) => entry.action === action)?.seq ?? -1;
      expect(seqOf('thread.opened'), `round ${round}: the request must come after the approval it did not block`).toBeGreaterThan(seqOf('decision.signed'));
      outcomes.askedAfter += 1;
    }
    console.info(`[clarification-race] ${rounds} rounds: ${outcomes.blocked} approvals refused by the gate, ${outcomes.askedAfter} requests opened after the approval`);
  });
});
