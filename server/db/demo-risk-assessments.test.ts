import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '#tests/support/cleanups.ts';
import { demoStoreOnFile } from '#tests/support/demo-store-on-file.ts';
import { appliedAssessment } from '#api/package-access/applied-assessment.ts';
import { decisionSignatureSchema } from '#domain/contracts/signatures.ts';

// The demo deployment's risk assessments (decision record 0114): each demo package is assessed
// to the tier it declares, its decisions sign what they were made under, and an approved one
// has its revalidation scheduled.

const defer = cleanUpAfterEach();

async function seeded(riskAssessments: boolean) {
  const { store } = await demoStoreOnFile(defer, 'demo-risk-', { now: new Date('2026-12-05T10:00:00Z'), riskAssessments });
  return store;
}

describe('demo risk assessments', () => {
  it('assess every demo package to the tier it declares, sign it into the decisions, and schedule the approved package’s revalidation', async () => {
    const store = await seeded(true);
    for (const pkg of await store.listPackages()) {
      const applied = await appliedAssessment(store, pkg.id);
      expect(applied, pkg.id).toMatchObject({ number: 1, method: { key: 'standard', version: 1 }, tier: pkg.riskTier });
      const decisions = await store.listDecisions([pkg.id]);
      for (const row of await store.listDecisionSignatures(decisions.map((d) => d.id))) {
        const signature = decisionSignatureSchema.parse(JSON.parse(row.signature));
        expect(signature.payload.governance?.riskAssessment, row.decisionId).toEqual({ number: 1, method: { key: 'standard', version: 1 }, tier: pkg.riskTier });
      }
    }
    const revalidations = await store.listRevalidations('all');
    expect(revalidations.length).toBeGreaterThan(0);
    for (const r of revalidations) expect(r).toMatchObject({ tierSource: 'risk_assessment', scheduleVersion: 1, ownerId: 'usr_owner', openedAt: null });
  });

  it('leave a world without assessments when asked', async () => {
    const store = await seeded(false);
    for (const pkg of await store.listPackages()) expect(await appliedAssessment(store, pkg.id)).toBeNull();
  });
});
