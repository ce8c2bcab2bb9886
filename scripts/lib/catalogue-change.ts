// Catalogue changes over HTTP once two administrators exist (docs/decisions/0182): the direct
// routes refuse, so a script or an end-to-end spec proposes the change as one administrator and
// approves it as the other, with the content and comparison hashes it was shown (0192).
import type { NewCatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import type { ApiActor } from './api-actor.ts';

interface Filed {
  id: string;
  subject: string;
  contentSha256: string;
  comparisonSha256: string;
  requestedBy: { id: string };
}

/** Approves, as `approver`, a pending proposal about `subject` filed by `proposer` (what an admin page just proposed). */
export async function approvePending(approver: ApiActor, proposer: ApiActor, subject: string): Promise<void> {
  const { items } = await approver.get<{ items: Filed[] }>('/api/catalogue-proposals');
  const filed = items.find((p) => p.subject === subject && p.requestedBy.id === proposer.user.id);
  if (!filed) throw new Error(`No pending catalogue proposal about ${subject} by ${proposer.user.displayName}`);
  await approver.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 });
}

/** Proposes `proposal` as `proposer` and approves it as `approver`: the change is in force on return. */
export async function changeCatalogue(proposer: ApiActor, approver: ApiActor, proposal: NewCatalogueProposal): Promise<void> {
  const filed = await proposer.post<Filed>('/api/catalogue-proposals', proposal);
  await approver.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 });
}
