import { filingEntries } from '../kernel/filing-entries.ts';
import type { FiledEntry } from '../kernel/filer-standing.ts';
import type { StoredAccountRequest, StoreTx } from '../store/store.ts';

// Where each account request sits in the audit log: the seq of the `user.change_requested` entry
// written with it, found by the request's id. The filer's standing counts from there, by seq, not
// by clock (0192, fourth amendment). Account request rows are not bound to that entry column by
// column (0192 left them as 0175 built them); one with no entry counts from 0, every disable or
// demotion of its filer voiding it.

type Request = Pick<StoredAccountRequest, 'id' | 'requestedBy' | 'requestedAt'>;

/** One read for a whole list (or one request): each request as a filing entry. */
export async function requestFilings(store: Pick<StoreTx, 'listAuditEntries'>, requests: readonly Request[]): Promise<(request: Request) => FiledEntry> {
  const found = await filingEntries(store, 'user.change_requested', 'request', requests);
  return (request) => ({ requestedBy: request.requestedBy, filedSeq: found.get(request.id)?.[0]?.entry.seq ?? 0 });
}
