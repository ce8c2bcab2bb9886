import { filingEntries } from '../kernel/filing-entries.ts';
import { onlyFiling } from '../kernel/filing-binding.ts';
import type { FiledEntry } from '../kernel/filer-standing.ts';
import type { StoredAccountRequest, StoreTx } from '../store/store.ts';

// Where each account request sits in the audit log: the seq of the `user.change_requested` entry
// written with it, found by the request's id. The filer's standing counts from there, by seq, not
// by clock (0192, fourth amendment). Only a request named by exactly one such entry has a place
// (0198, amended 2026-12-06); one with none or several counts from 0, every disable or demotion of
// its filer voiding it, and is refused as tampered at approval anyway.

type Request = Pick<StoredAccountRequest, 'id' | 'requestedBy' | 'requestedAt'>;

/** One read for a whole list (or one request): each request as a filing entry. */
export async function requestFilings(store: Pick<StoreTx, 'listAuditEntries'>, requests: readonly Request[]): Promise<(request: Request) => FiledEntry> {
  const found = await filingEntries(store, 'user.change_requested', 'request', requests);
  return (request) => ({ requestedBy: request.requestedBy, filedSeq: onlyFiling({ filings: found }, request.id)?.entry.seq ?? 0 });
}
