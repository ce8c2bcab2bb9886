import { auditEventSchema, type AuditEvent } from '#domain/contracts/audit-events.ts';
import { deriveNotifications, notificationSources, type DerivedNotification, type LoggedEvent, type NotificationPackage } from '#domain/notifications/derive-notifications.ts';
import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import type { ChainMove } from '#domain/workflow/kept-decisions.ts';
import { auditPages } from '../audit/entry-views.ts';
import type { StoredAuditEntry, StoredPackage, StoredUser, StoreTx } from '../store/store.ts';
import { notificationRowsLimit, type NotificationLogHead, type NotificationPackageRows } from '../store/notifications.ts';
import { canSeeEveryPackage, canSeePackage, loadWorkflowFacts } from '../package-access/views.ts';
import { parseJson } from '#domain/json/parse-json.ts';
import { keepPackageEvents, keptPackageEvents } from './package-events.ts';

// Each user's notification list, kept per store (so per process: each API instance keeps its
// own) with the log size it was derived at (decision record 0131). Notifications are per
// package: what a package's notifications say depends on that package's rows and source
// entries, the display names, and the user (id and roles, part of the key). A package's rows
// change only by a write that appends an entry whose subject is the package. So after new
// entries, only the packages they name are derived again and merged into the kept list; the
// display names are compared, and an entry of the system (a demo seed) or too many new
// entries derive everything again. A package's source entries are kept parsed, per process
// (package-events.ts, decision record 0241): a poll adds what its page of the log brought, and
// reads a package's entries (by subject, an index) only when it keeps none of them.

export interface NotificationList {
  logSize: number;
  /** Newest first. */
  all: DerivedNotification[];
}

/** A user's list with how far they have read, read with the log's size (one snapshot). */
export interface PolledList extends NotificationList {
  lastReadSeq: number;
}

interface KeptList extends NotificationList {
  /** The key of the display names it was derived with (the store's), and the names. */
  names: string;
  nameMap: ReadonlyMap<string, string>;
  /**
   * Its last poll found the log as it was kept: the next poll asks for the log alone, without
   * the named packages' rows (decision record 0217). The guess only chooses a statement: either
   * read answers the same.
   */
  quiet?: boolean;
}

/** Users whose list a process keeps; the least recently polled is dropped first. */
const keptUsers = 500;
/** More new entries than this since a user's last poll: deriving everything is as cheap. */
const incrementalLimit = 2_000;
const pageSize = 1_000;
const fewPackages = notificationRowsLimit;
/** A model owner's packages read at once when their list is derived from scratch. */
const ownChunk = 200;
const sources: ReadonlySet<string> = new Set(notificationSources);
/** Package rows asked without their source entries (no action asked). */
const noEntries: readonly string[] = [];
/** More packages than this derived by one poll (a policy re-check of hundreds): what it reads of them is not kept, which would only push out what the next polls need. */
const keptPerPoll = 100;

const caches = new WeakMap<StoreTx, Map<string, KeptList>>();

function cacheOf(store: StoreTx): Map<string, KeptList> {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  return cache;
}

/** Every notification of the user, newest first, kept and brought up to date per poll, with how far they have read. */
export async function keptNotificationsFor(tx: StoreTx, user: StoredUser): Promise<PolledList> {
  const cache = cacheOf(tx);
  const key = `${user.id}\u0000${user.roles.join(',')}`;
  const kept = cache.get(key);
  // The size, the entries since the kept list, the names' key and the user's read mark in one
  // read (decision records 0189, 0203): whatever is read after it is at least that recent. On
  // PostgreSQL the same statement can bring the rows of the packages the entries name, asked
  // unless the list's last poll found nothing new: that statement's larger plan costs a poll
  // with nothing new more than the round trip it saves one with something new (0217).
  // The rows come without the packages' entries: those are kept (0241).
  const log = await tx.readNotificationLog(kept?.logSize ?? 0, kept ? incrementalLimit : 0, user.id, kept && !kept.quiet ? noEntries : undefined);
  const { lastReadSeq } = log;
  if (kept?.logSize === log.size) return { ...touch(cache, key, kept.quiet ? kept : { ...kept, quiet: true }), lastReadSeq };
  const derived = (kept && kept.logSize < log.size && log.size - kept.logSize <= incrementalLimit ? await updated(tx, user, kept, log) : null) ?? (await derivedFromScratch(tx, user, log));
  const next = derived.quiet ? { ...derived, quiet: false } : derived;
  // Two polls at once: the one derived at the larger size stays.
  const now = cache.get(key);
  if (!now || now.logSize <= next.logSize) touch(cache, key, next);
  return { ...next, lastReadSeq };
}

function touch(cache: Map<string, KeptList>, key: string, list: KeptList): KeptList {
  cache.delete(key);
  cache.set(key, list);
  for (const oldest of cache.keys()) {
    if (cache.size <= keptUsers) break;
    cache.delete(oldest);
  }
  return list;
}

const names = new WeakMap<StoreTx, { key: string; map: ReadonlyMap<string, string> }>();

/**
 * The display names for a key the store gave: one map per store, shared by every list derived
 * under that key (a map per kept list would be 500 copies of every user's name), read again
 * when the key changes. The map is read after the key, so it is at least that recent.
 */
async function namesFor(tx: StoreTx, key: string): Promise<ReadonlyMap<string, string>> {
  const kept = names.get(tx);
  if (kept?.key === key) return kept.map;
  const map = new Map((await tx.listUsers()).map((u) => [u.id, u.displayName]));
  names.set(tx, { key, map });
  return map;
}

/** The whole list, derived from the log and every visible package (the names apart, nothing kept is used). */
export async function derivedFromScratch(tx: StoreTx, user: StoredUser, head?: Pick<NotificationLogHead, 'size' | 'namesKey'>): Promise<KeptList> {
  const { size, namesKey } = head ?? (await tx.readNotificationLog(0, 0));
  if (canSeeEveryPackage(user)) return derivedFromEveryPackage(tx, user, { size, namesKey });
  const nameMap = await namesFor(tx, namesKey);
  return { logSize: size, names: namesKey, nameMap, all: await ownPackagesDerived(tx, user, nameMap, size) };
}

/**
 * The whole list from every package and every source entry of the log, those the user may not
 * see dropped: for a user who sees every package (an owner's is read by owner, ownPackagesDerived).
 */
export async function derivedFromEveryPackage(tx: StoreTx, user: StoredUser, head?: Pick<NotificationLogHead, 'size' | 'namesKey'>): Promise<KeptList> {
  const { size, namesKey } = head ?? (await tx.readNotificationLog(0, 0));
  const visible = (await tx.listPackages()).filter((p) => canSeePackage(user, p));
  const subjects = new Set(visible.map((p) => p.id));
  // A few packages (an owner's): their entries by subject; many: every source entry by action.
  const events = visible.length <= fewPackages ? Promise.all(visible.map((p) => eventsOf(tx, p.id))).then((lists) => lists.flat()) : sourceEvents(tx, subjects);
  const [facts, nameMap] = await Promise.all([loadWorkflowFacts(tx, visible), namesFor(tx, namesKey)]);
  const packages = facts.map((f): NotificationPackage => ({ ...f.pkg, template: f.template, versions: f.versions, decisions: f.decisions, threads: f.threads, chainMoves: f.chainMoves }));
  return { logSize: size, names: namesKey, nameMap, all: deriveNotifications({ user, packages, events: await events, names: nameMap }) };
}

/**
 * The kept list with the packages named by the new entries derived again, or null when
 * everything must be. One read after the log's (decision record 0189), or none where the log's
 * read brought them (PostgreSQL, 0217): the named packages with their templates, rows and source
 * entries, asked before knowing which the user may see (those they may not see are dropped
 * here). With more than a few named packages, only those the user may see are read, in a second read.
 */
async function updated(tx: StoreTx, user: StoredUser, kept: KeptList, log: NotificationLogHead): Promise<KeptList | null> {
  const { entries, size: logSize } = log;
  if (entries.some((e) => e.action.startsWith('system.'))) return null;
  if (log.namesKey !== kept.names) return null;
  const subjects = [...new Set(entries.map((e) => e.subject))];
  if (subjects.length === 0) return { ...kept, logSize };
  // The rows the log's read brought (of the same snapshot) serve as a read of their own would.
  const rows = log.rows ?? (subjects.length <= fewPackages ? await tx.listNotificationPackages(subjects, notificationSources) : await visibleRows(tx, user, subjects));
  if (rows.packages.length === 0) return { ...kept, logSize };
  // Rows of the log's own read are as of its size, and came without entries: the kept ones and
  // the page's serve. Rows read on their own may be newer than that size (a write in between),
  // so they came with every entry of their packages from the same read, and those serve (0241).
  const eventsFor = log.rows ? (ids: readonly string[]) => eventsUpTo(tx, ids, { entries, after: kept.logSize, size: logSize }) : (ids: readonly string[]) => Promise.resolve(eventsWithRows(tx, ids, rows.entries, logSize));
  // Newest first, as the kept list: the two merge in one pass.
  const fresh = await rowsDerived(tx, user, rows, kept.nameMap, eventsFor);
  const replaced = new Set(rows.packages.map(({ pkg }) => pkg.id));
  const rest = kept.all.filter((n) => !replaced.has(n.packageId));
  return { ...kept, logSize, all: mergeSorted(rest, fresh) };
}

/** The notifications of the packages in `rows` the user may see, newest first, from the source entries `eventsOf` gives of those packages. */
async function rowsDerived(tx: StoreTx, user: StoredUser, rows: NotificationPackageRows, names: ReadonlyMap<string, string>, eventsOf: (ids: readonly string[]) => Promise<LoggedEvent[]>): Promise<DerivedNotification[]> {
  const visible = rows.packages.filter(({ pkg }) => canSeePackage(user, pkg));
  const seen = new Set(visible.map(({ pkg }) => pkg.id));
  // Each entry parsed once: the chain moves and the derivation read the same parse.
  const events = (await eventsOf([...seen])).filter((e) => seen.has(e.event.subject));
  const moves = await chainMovesIn(tx, events);
  return deriveNotifications({ user, packages: visible.map(({ pkg, template }) => ({ ...notificationPackage(pkg, template, rows), chainMoves: moves.filter((m) => m.packageId === pkg.id) })), events, names });
}

/**
 * The source entries of `ids` up to the log's `size`, oldest first: those kept of a package
 * when they reach the poll's last size (`after`) at least, with the source entries of the
 * poll's page (every entry after `after`) added, or else every one read by subject. What is
 * read or added is kept for the next poll (0241).
 */
async function eventsUpTo(tx: StoreTx, ids: readonly string[], page: { entries: readonly StoredAuditEntry[]; after: number; size: number }): Promise<LoggedEvent[]> {
  const { entries, after, size } = page;
  const keep = ids.length <= keptPerPoll;
  // Kept up to `after` at least: the page holds every entry after that. The others (none kept, or too old): all of theirs, in one read.
  const covered = ids.filter((id) => (keptPackageEvents(tx, id)?.through ?? -1) >= after);
  const coveredIds = new Set(covered);
  const missing = ids.filter((id) => !coveredIds.has(id));
  const out = eventsWithRows(tx, covered, entries, size, size, keep);
  if (missing.length > 0) out.push(...eventsWithRows(tx, missing, (await tx.listNotificationPackages(missing, notificationSources)).entries, size, size, keep));
  // Oldest first across the packages too, as one read of them all gives them.
  return missing.length > 0 && covered.length > 0 ? out.sort((a, b) => a.seq - b.seq) : out;
}

/**
 * The source entries of `ids` from `entries`, every one of theirs a read gave, read after the
 * log's `size`: parsed, except those kept up to `size`, which are taken as kept. Kept again as
 * complete up to `size`; what is given is what came up to `upTo` (no bound: everything read).
 */
function eventsWithRows(tx: StoreTx, ids: readonly string[], read: readonly StoredAuditEntry[], size: number, upTo = Infinity, keep = ids.length <= keptPerPoll): LoggedEvent[] {
  const entries = bySubject(read.filter((e) => sources.has(e.action)));
  const out: LoggedEvent[] = [];
  for (const id of ids) {
    const held = keptPackageEvents(tx, id);
    const from = held ? Math.min(held.through, size) : 0;
    const kept = held ? held.events.filter((e) => e.seq <= from) : [];
    const events = [...kept, ...(entries.get(id) ?? []).filter((e) => e.seq > from).flatMap((e) => parsedEvent(e) ?? [])];
    if (keep) keepPackageEvents(tx, id, size, events);
    for (const event of events) if (event.seq <= upTo) out.push(event);
  }
  return ids.length > 1 ? out.sort((a, b) => a.seq - b.seq) : out;
}

/** Entries by their subject, each list in the order given. */
function bySubject(entries: readonly StoredAuditEntry[]): Map<string, StoredAuditEntry[]> {
  const out = new Map<string, StoredAuditEntry[]>();
  for (const entry of entries) {
    const list = out.get(entry.subject);
    if (list) list.push(entry);
    else out.set(entry.subject, [entry]);
  }
  return out;
}

/**
 * A model owner's whole list: their own packages, read by owner, then their rows and source
 * entries by package, `ownChunk` packages a read, as a poll reads the packages it names
 * (decision record 0200). Reading every package and every source entry of the log to keep an
 * owner's few hundred was what a first poll cost at 10,000 packages: the time and the garbage
 * grew with the log, not with the owner's packages.
 */
async function ownPackagesDerived(tx: StoreTx, user: StoredUser, names: ReadonlyMap<string, string>, size: number): Promise<DerivedNotification[]> {
  const own = await tx.listPackages(user.id);
  let all: DerivedNotification[] = [];
  for (let start = 0; start < own.length; start += ownChunk) {
    const rows = await tx.listNotificationPackages(own.slice(start, start + ownChunk).map((p) => p.id), notificationSources);
    // Read after the log's size: every source entry up to it is among them, kept for the polls to come (0241).
    all = mergeSorted(all, await rowsDerived(tx, user, rows, names, (ids) => Promise.resolve(eventsWithRows(tx, ids, rows.entries, size))));
  }
  return all;
}

/** Many named packages: those the user may see, then their rows (the others' rows are not read). */
async function visibleRows(tx: StoreTx, user: StoredUser, subjects: readonly string[]): Promise<NotificationPackageRows> {
  const found = await tx.listPackagesWithTemplates(subjects);
  const rows = await tx.listNotificationPackages(found.filter(({ pkg }) => canSeePackage(user, pkg)).map(({ pkg }) => pkg.id), notificationSources);
  // Every package found, so those the user may not see still replace what was kept of them (with nothing).
  return { ...rows, packages: found };
}

/** What the derivation needs of one package: its versions, decisions, threads and template. */
function notificationPackage(pkg: StoredPackage, template: WorkflowTemplate, rows: NotificationPackageRows): NotificationPackage {
  return {
    ...pkg,
    template,
    versions: rows.versions.filter((v) => v.packageId === pkg.id).sort((a, b) => a.number - b.number),
    decisions: rows.decisions.filter((d) => d.packageId === pkg.id).sort((a, b) => a.decidedAt.localeCompare(b.decidedAt)),
    threads: rows.threads.filter((t) => t.packageId === pkg.id),
  };
}

/**
 * The chain moves among the packages' source entries (package.chain_changed is one), each with
 * the template it left: read only when the chain moved (rarely), so a poll reads no more.
 */
async function chainMovesIn(tx: StoreTx, events: readonly LoggedEvent[]): Promise<(ChainMove & { packageId: string })[]> {
  const out: (ChainMove & { packageId: string })[] = [];
  for (const { event, seq, at } of events) {
    if (event.action !== 'package.chain_changed') continue;
    const from = await tx.findTemplate(event.before.key, event.before.version);
    if (!from) throw new Error(`Template ${event.before.key}@${event.before.version}, which package ${event.subject} moved from, is missing`);
    out.push({ packageId: event.subject, seq, at, from, ...(event.before.decided ? { decided: event.before.decided } : {}) });
  }
  return out;
}

/** Every source entry about the packages in `subjects`, compact (read per action: an index). */
async function sourceEvents(tx: StoreTx, subjects: ReadonlySet<string>): Promise<LoggedEvent[]> {
  const out: LoggedEvent[] = [];
  for (const action of notificationSources) {
    for await (const rows of auditPages(tx, { action }, 0, pageSize)) {
      for (const row of rows) {
        if (!subjects.has(row.subject)) continue;
        const parsed = parsedEvent(row);
        if (parsed) out.push(parsed);
      }
    }
  }
  return out;
}

/** One package's source entries (read by subject: an index). */
async function eventsOf(tx: StoreTx, packageId: string): Promise<LoggedEvent[]> {
  const out: LoggedEvent[] = [];
  for await (const rows of auditPages(tx, { subject: packageId }, 0, pageSize)) {
    for (const row of rows) {
      if (!sources.has(row.action)) continue;
      const parsed = parsedEvent(row);
      if (parsed) out.push(parsed);
    }
  }
  return out;
}

/** A row that does not parse (tampered) is skipped: the audit verification names it. Texts no notification quotes are dropped. */
function parsedEvent(row: StoredAuditEntry): LoggedEvent | null {
  const parsed = auditEventSchema.safeParse({ action: row.action, subject: row.subject, before: storedJsonOrUndefined(row.beforeJson), after: storedJsonOrUndefined(row.afterJson) });
  return parsed.success ? { seq: row.seq, at: row.at, actorId: row.actorId, event: compact(parsed.data) } : null;
}

function compact(event: AuditEvent): AuditEvent {
  if (event.action === 'thread.message_added') return { ...event, after: { ...event.after, body: '' } };
  if (event.action === 'thread.opened') return { ...event, after: { section: event.after.section, kind: event.after.kind, version: event.after.version, ...(event.after.thread === undefined ? {} : { thread: event.after.thread }) } };
  if (event.action === 'obligation.transitioned') return { ...event, after: { obligation: event.after.obligation, status: event.after.status, revision: event.after.revision, role: event.after.role, note: event.after.note } };
  return event;
}

function storedJsonOrUndefined(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}

const newestFirst = (a: DerivedNotification, b: DerivedNotification) => b.seq - a.seq || a.kind.localeCompare(b.kind);

/** Two lists each newest first, as one. */
function mergeSorted(a: readonly DerivedNotification[], b: readonly DerivedNotification[]): DerivedNotification[] {
  const out: DerivedNotification[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(newestFirst(a[i] as DerivedNotification, b[j] as DerivedNotification) <= 0 ? (a[i++] as DerivedNotification) : (b[j++] as DerivedNotification));
  while (i < a.length) out.push(a[i++] as DerivedNotification);
  while (j < b.length) out.push(b[j++] as DerivedNotification);
  return out;
}
