import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { AuditEvent } from '#domain/contracts/audit-events.ts';
import { bindingEntries, bindingMismatches, onlyFiling, type FilingBinding } from '../kernel/filing-binding.ts';
import type { StoredAccountRequest, StoreTx } from '../store/store.ts';

// `account_requests` is an ordinary table, outside the audit log's chain: someone with the
// database could change what a request grants (its roles, its account, its filer) between filing
// and approval (docs/decisions/0198, as 0192 did for catalogue proposals). Its content is hashed
// at filing, into the row and into the chained `user.change_requested` entry; at approval the row
// is hashed again and must match both, and the row is bound to exactly one such entry as
// proposals are (0198, amended 2026-12-06): a second entry appended for edited content, another
// filer, or an undecided row that a decision entry names is tampering.

type Content = Omit<StoredAccountRequest, 'contentSha256' | 'decision' | 'decidedBy' | 'decidedAt'>;

/** SHA-256 of the request's canonical content: everything it will do and who filed it when, not its decision. */
export function accountRequestSha256(request: Content): Promise<string> {
  const { id, kind, userId, email, displayName, title, rolesBefore, rolesAfter, passwordHash, requestedBy, requestedAt, expiresAt } = request;
  return sha256Hex(canonicalize({ id, kind, userId, email, displayName, title, rolesBefore, rolesAfter, passwordHash, requestedBy, requestedAt, expiresAt }));
}

/** The chained entry a filing writes, holding the content's hash. */
export function filingEvent(request: StoredAccountRequest): AuditEvent {
  const after = { request: request.id, kind: request.kind, email: request.email, roles: request.rolesAfter, expiresAt: request.expiresAt, ...(request.contentSha256 ? { contentSha256: request.contentSha256 } : {}) };
  return { action: 'user.change_requested', subject: request.userId, before: null, after };
}

/** The request with its hash, stored and audited in `tx` as the API files it (tests that file one directly use this too). */
export async function fileAccountRequest(tx: Pick<StoreTx, 'insertAccountRequest' | 'appendAudit'>, content: Content): Promise<StoredAccountRequest> {
  const request: StoredAccountRequest = { ...content, contentSha256: await accountRequestSha256(content), decision: null, decidedBy: null, decidedAt: null };
  await tx.insertAccountRequest(request);
  await tx.appendAudit({ event: filingEvent(request), actorId: request.requestedBy, at: request.requestedAt });
  return request;
}

const bound = { filed: 'user.change_requested', decided: ['user.change_approved', 'user.change_rejected'], idKey: 'request' } as const;

/** One read each of the filing and decision entries since the oldest of `requests`. */
export function requestEntries(store: Pick<StoreTx, 'listAuditEntries'>, requests: readonly Pick<StoredAccountRequest, 'id' | 'requestedAt'>[]): Promise<FilingBinding> {
  return bindingEntries(store, bound, requests);
}

/** A stored request checked against itself and the audit log. */
export interface RequestReading {
  /** What the row hashes to now. */
  contentSha256: string;
  /** The SHA-256 the filing entry recorded; null when no single entry names the row. */
  filedSha256: string | null;
  /** The filing entry's seq (0 when no single entry names the row): the filer's standing counts from it. */
  filedSeq: number;
  /** What differs from the filing, as columns (`content`: the row no longer hashes to its `content_sha256`; `filing`: no entry or more than one names it). */
  mismatched: string[];
}

/** The row against its own hash and the one filing entry naming it, column by column (0198, amended 2026-12-06). */
export async function readRequest(request: StoredAccountRequest, entries: FilingBinding): Promise<RequestReading> {
  const contentSha256 = await accountRequestSha256(request);
  const only = onlyFiling(entries, request.id);
  const mismatched = [
    ...(request.contentSha256 === contentSha256 ? [] : ['content']),
    ...bindingMismatches(request, entries, ({ entry, after }) => [
      ['user_id', entry.subject, request.userId],
      ['kind', after.kind, request.kind],
      ['content_sha256', after.contentSha256, request.contentSha256],
      ['expires_at', after.expiresAt, request.expiresAt],
    ]),
  ];
  return { contentSha256, filedSha256: typeof only?.after.contentSha256 === 'string' ? only.after.contentSha256 : null, filedSeq: only?.entry.seq ?? 0, mismatched };
}

/** Thrown inside the approval's transaction, so that it rolls back; the handler then records the signal in a transaction of its own. */
export class TamperedAccountRequest extends Error {
  readonly request: StoredAccountRequest;
  readonly reading: RequestReading;
  constructor(request: StoredAccountRequest, reading: RequestReading) {
    super(`Account request ${request.id} is not the content that was filed`);
    this.request = request;
    this.reading = reading;
  }
}

/** The request's reading when it is as filed; otherwise throws `TamperedAccountRequest`. */
export async function assertAsFiled(tx: Pick<StoreTx, 'listAuditEntries'>, request: StoredAccountRequest): Promise<RequestReading> {
  const reading = await readRequest(request, await requestEntries(tx, [request]));
  if (reading.mismatched.length > 0) throw new TamperedAccountRequest(request, reading);
  return reading;
}
