import type { StoredAccountRequest, StoredUser, StoreTx } from '../store/store.ts';
import type { AccountRequest } from './contract.ts';
import { requesterStanding } from '../kernel/second-administrator.ts';
import { voidedSinceFiling, type VoidedSince } from '../kernel/filer-standing.ts';
import { onlyFiling } from '../kernel/filing-binding.ts';
import { readRequest, requestEntries } from './integrity.ts';

// A request as administrators see it: named people, the account's history, and its status at
// `now` (a request nobody decided within its lifetime reads as expired; no sweep is needed).

/** Every account and the passkeys of those the requests concern, read once for a whole list of requests (not one read per card). */
export interface RequestFacts {
  users: ReadonlyMap<string, StoredUser>;
  /** When each passkey was added, oldest first, by account. */
  passkeys: ReadonlyMap<string, readonly string[]>;
  /** Whether a request's filer was disabled or demoted since filing it (the request is void then, 0192). */
  voided: (request: StoredAccountRequest) => VoidedSince;
  /** Whether the stored row is not what was filed (0198): its approval would be refused as tampered. */
  tampered: (request: StoredAccountRequest) => boolean;
}

export async function requestFacts(store: Pick<StoreTx, 'listUsers' | 'listPasskeyDates' | 'listAuditEntries'>, requests: readonly StoredAccountRequest[]): Promise<RequestFacts> {
  const existing = requests.filter((r) => r.kind !== 'create_account').map((r) => r.userId);
  const [users, dates, binding] = await Promise.all([store.listUsers(), store.listPasskeyDates([...new Set(existing)]), requestEntries(store, requests)]);
  // The filer's standing counts from the one filing entry naming the request (0192, fourth
  // amendment); one with none or several counts from 0 and reads as tampered anyway (0198).
  const filed = (request: StoredAccountRequest) => ({ requestedBy: request.requestedBy, filedSeq: onlyFiling(binding, request.id)?.entry.seq ?? 0 });
  const since = await voidedSinceFiling(store, requests.map(filed));
  const voided = (request: StoredAccountRequest) => since(filed(request));
  // The same reading the approval makes (integrity.ts), so the list marks what approval would refuse.
  const readings = await Promise.all(requests.map(async (request) => [request.id, await readRequest(request, binding)] as const));
  const altered = new Set(readings.filter(([, reading]) => reading.mismatched.length > 0).map(([id]) => id));
  const tampered = (request: StoredAccountRequest) => altered.has(request.id);
  const passkeys = new Map<string, string[]>();
  for (const { userId, createdAt } of dates) passkeys.set(userId, [...(passkeys.get(userId) ?? []), createdAt]);
  return { users: new Map(users.map((user) => [user.id, user])), passkeys, voided, tampered };
}

function person(users: RequestFacts['users'], id: string) {
  return { id, displayName: users.get(id)?.displayName ?? id };
}

/** Who the account's current password descends from, when an administrator set it (0181). */
function passwordSetBy(users: RequestFacts['users'], account: StoredUser) {
  const setBy = account.passwordSetByAdmin;
  if (setBy === 'unknown') return { id: setBy, displayName: 'an administrator not recorded (before 0181)' };
  return setBy ? person(users, setBy) : null;
}

/**
 * What a second administrator weighs before changing an existing account (0186): who chose its
 * address and when, when its current credential was set, and the passkeys added since (a passkey
 * added under an administrator's password may be that administrator's). Every passkey when no
 * password here dates them (single sign-on).
 */
function accountHistory(facts: RequestFacts, account: StoredUser): AccountRequest['accountHistory'] {
  const since = account.passwordSetAt ?? null;
  const passkeys = facts.passkeys.get(account.id) ?? [];
  return {
    createdBy: account.createdBy ? person(facts.users, account.createdBy) : null,
    createdAt: account.createdAt ?? null,
    passwordSetAt: since,
    passkeysAddedSince: since === null ? [...passkeys] : passkeys.filter((at) => at >= since),
  };
}

export function accountRequestView(facts: RequestFacts, r: StoredAccountRequest, now: string): AccountRequest {
  const status = r.decision ?? (r.expiresAt <= now ? 'expired' : 'pending');
  // A creation concerns no account yet (and once approved, its history is the request itself).
  const account = r.kind === 'create_account' ? undefined : facts.users.get(r.userId);
  return {
    id: r.id,
    kind: r.kind,
    account: { id: r.userId, email: r.email, displayName: r.displayName },
    roles: r.rolesAfter ? { before: r.rolesBefore, after: r.rolesAfter } : null,
    passwordSetBy: account ? passwordSetBy(facts.users, account) : null,
    accountHistory: account ? accountHistory(facts, account) : null,
    requestedBy: person(facts.users, r.requestedBy),
    requestedAt: r.requestedAt,
    expiresAt: r.expiresAt,
    status,
    requesterStanding: requesterStanding(facts.users.get(r.requestedBy), facts.voided(r)),
    tampered: facts.tampered(r),
    decidedBy: r.decidedBy ? person(facts.users, r.decidedBy) : null,
    decidedAt: r.decidedAt,
  };
}
