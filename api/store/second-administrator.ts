// What waits for a second administrator (account requests, 0175; catalogue proposals, 0182):
// who filed it, when it lapses, and its decision, written once by a conditional update.

export interface AwaitingSecondAdministrator {
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  decision: 'approved' | 'rejected' | null;
  decidedBy: string | null;
  decidedAt: string | null;
}
