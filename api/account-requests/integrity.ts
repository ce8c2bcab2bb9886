import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { AuditEvent } from '#domain/contracts/audit-events.ts';
import type { StoredAccountRequest, StoreTx } from '../store/store.ts';

// `account_requests` is an ordinary table, outside the audit log's chain: someone with the
// database could change what a request grants (its roles, its account, its filer) between filing
// and approval (docs/decisions/0198, as 0192 did for catalogue proposals). Its content is hashed
// at filing, into the row and into the chained `user.change_requested` entry; at approval the row
// is hashed again and must match both.

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

/** What the filing entry recorded for this request (written at `requestedAt`, about its account); null when none did. */
async function filedSha256(tx: Pick<StoreTx, 'listAuditEntries'>, request: StoredAccountRequest): Promise<string | null> {
  const entries = await tx.listAuditEntries({ action: 'user.change_requested', subject: request.userId, fromAt: request.requestedAt, toAt: request.requestedAt }, 0, 1000);
  for (const entry of entries) {
    const after = parsed(entry.afterJson);
    if (typeof after !== 'object' || after === null) continue;
    const { request: id, contentSha256 } = after as Record<string, unknown>;
    // The filer wrote it: an entry by anyone else naming the request is not its filing.
    if (id === request.id && entry.actorId === request.requestedBy && typeof contentSha256 === 'string') return contentSha256;
  }
  return null;
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** Thrown inside the approval's transaction, so that it rolls back; the handler then records the signal in a transaction of its own. */
export class TamperedAccountRequest extends Error {
  readonly request: StoredAccountRequest;
  readonly contentSha256: string;
  readonly filedSha256: string | null;
  constructor(request: StoredAccountRequest, contentSha256: string, filed: string | null) {
    super(`Account request ${request.id} is not the content that was filed`);
    this.request = request;
    this.contentSha256 = contentSha256;
    this.filedSha256 = filed;
  }
}

/** Refuses (throws `TamperedAccountRequest`) a request whose row does not hash to the SHA-256 stored with it and recorded at filing. */
export async function assertAsFiled(tx: Pick<StoreTx, 'listAuditEntries'>, request: StoredAccountRequest): Promise<void> {
  const contentSha256 = await accountRequestSha256(request);
  const filed = await filedSha256(tx, request);
  if (request.contentSha256 !== contentSha256 || filed !== contentSha256) throw new TamperedAccountRequest(request, contentSha256, filed);
}
