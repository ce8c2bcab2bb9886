import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { catalogueProposalListSchema } from '#api/catalogue-proposals/contract.ts';
import type { Client } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { mortgagePolicy } from './policy-scenarios.ts';
import { changeCatalogue, propose } from './catalogue-proposals.ts';

// An adversary's LOW finding (0192, fifth amendment): an approval named the content hash only,
// but "takes … from X" reads other keys, which can change between loading the page and
// approving. The approver now sends the comparison's hash too; a changed one is refused.

async function listed(deputy: Client, id: string) {
  const found = catalogueProposalListSchema.parse((await deputy.get('/api/catalogue-proposals')).body).items.find((p) => p.id === id);
  if (!found) throw new Error(`Proposal ${id} is not pending`);
  return found;
}

async function approvals(admin: Client, proposal: string): Promise<unknown[]> {
  const page = auditPageSchema.parse((await admin.get('/api/audit?limit=200')).body);
  return page.items.filter((e) => e.action === 'catalogue.change_approved' && (e.after as { proposal?: string }).proposal === proposal).map((e) => e.after);
}

export const proposalComparisonApprovalScenarios: Scenario[] = [
  {
    name: 'proposal comparison at approval (0192, fifth amendment): another key published between view and approval is 409 proposal-comparison-changed with nothing stored; approving the new comparison applies it and records that comparison',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const strict = mortgagePolicy({ key: 'mortgage-shown', scope: { riskTiers: [4], businessLines: ['Mortgages'] }, requiredSections: [{ section: 'validation_findings', enforcement: 'blocking' }] });
      await changeCatalogue(target, { kind: 'publish_policy', change: { ...strict, replacesVersion: 0 } });
      const filed = await propose(admin, { kind: 'publish_policy', change: { ...strict, key: 'mortgage-shown-binary', scope: { ...strict.scope, modelTypes: ['binary_classification'] }, requiredSections: [], replacesVersion: 0 } });
      const shown = await listed(deputy, filed.id);
      expect(shown.comparisonSha256).toBe(filed.comparisonSha256);
      expect(shown.weakens.map((w) => w.message)).toEqual([expect.stringContaining('from mortgage-shown v1:')]);

      // Meanwhile the key it takes packages from gets a new version: the proposal itself is unchanged.
      await changeCatalogue(target, { kind: 'publish_policy', change: { ...strict, name: 'Mortgages, stricter', replacesVersion: 1 } });
      const stale = await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: shown.contentSha256, comparisonSha256: shown.comparisonSha256 });
      expectStatus(stale, 409);
      expect(stale.body).toMatchObject({ type: problemTypes.proposalComparisonChanged });
      expect((await deputy.get('/api/policies/mortgage-shown-binary/versions/1')).status).toBe(404);
      expect((await target.store.findCatalogueProposal(filed.id))?.decision).toBeNull();
      expect(await approvals(admin, filed.id)).toEqual([]);

      const now = await listed(deputy, filed.id);
      expect(now.contentSha256).toBe(shown.contentSha256);
      expect(now.comparisonSha256).not.toBe(shown.comparisonSha256);
      expect(now.weakens.map((w) => w.message)).toEqual([expect.stringContaining('from mortgage-shown v2:')]);
      const approved = await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: now.contentSha256, comparisonSha256: now.comparisonSha256 });
      expectStatus(approved, 200);
      expect((await deputy.get('/api/policies/mortgage-shown-binary/versions/1')).status).toBe(200);
      const [entry, ...more] = await approvals(admin, filed.id);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ comparisonSha256: now.comparisonSha256 });
      expect(JSON.parse((entry as { comparison: string }).comparison)).toEqual({ replacesVersion: null, current: null, weakens: now.weakens });
    },
  },
];
