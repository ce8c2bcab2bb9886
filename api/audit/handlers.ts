import type { AuditPage, AuditQuery } from '#domain/contracts/audit.ts';
import { bytesToHex } from '#domain/crypto/hex.ts';
import { chainEntryOf, toAuditEntryView } from './entry-views.ts';
import { changedSinceVerified, forgetVerifiedLog, soundLog } from './verified-log.ts';
import { publishTreeHead } from './tree-heads.ts';
import { checkpointOf } from './checkpoints.ts';
import { cosignedCheckpoint } from './witnesses.ts';
import { verifyWholeLog } from './verify-whole-log.ts';
import { auditChainStream } from './chain-stream.ts';
import { BinaryBody } from '../kernel/binary-body.ts';
import { publishedKeys } from '../signing/server-key.ts';
import { problems } from '../kernel/problems.ts';
import { auditRoutes as routes } from './routes.ts';
import type { AuditFilter, StoreTx } from '../store/store.ts';
import { usersById } from '../package-access/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { seePackage } from '../package-access/package-access.ts';

// The audit routes. Reads only, so no transaction: each answer is computed from what the log
// held when it was read, and the log only grows.

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A query bound as the ISO text the log stores (`toISOString()`), so text comparison is time
 * comparison. A date alone means the whole day: from its first millisecond, to its last.
 */
function boundOf(value: string, edge: 'from' | 'to'): string {
  const text = dateOnly.test(value) ? `${value}T${edge === 'from' ? '00:00:00.000' : '23:59:59.999'}Z` : value;
  const time = new Date(text);
  if (Number.isNaN(time.getTime())) throw problems.badQuery([{ pointer: `/query/${edge}`, message: `${value} is not a date or time that exists` }]);
  return time.toISOString();
}

function filterOf(query: AuditQuery, subject?: string): AuditFilter {
  const filter: AuditFilter = {};
  if (query.actor !== undefined) filter.actorId = query.actor;
  if (query.action !== undefined) filter.action = query.action;
  if (subject !== undefined) filter.subject = subject;
  if (query.from !== undefined) filter.fromAt = boundOf(query.from, 'from');
  if (query.to !== undefined) filter.toAt = boundOf(query.to, 'to');
  if (filter.fromAt !== undefined && filter.toAt !== undefined && filter.fromAt > filter.toAt) {
    throw problems.badQuery([{ pointer: '/query/from', message: `from (${query.from ?? ''}) is after to (${query.to ?? ''})` }]);
  }
  return filter;
}

async function pageOf(store: StoreTx, query: AuditQuery, filter: AuditFilter): Promise<AuditPage> {
  // One entry more than asked tells whether there is a next page without a second query.
  if (query.afterSeq !== undefined && query.beforeSeq !== undefined) throw problems.badQuery([{ pointer: '/query/beforeSeq', message: 'Give afterSeq (oldest first) or beforeSeq (newest first), not both' }]);
  const read = query.beforeSeq === undefined ? store.listAuditEntries(filter, query.afterSeq ?? 0, query.limit + 1) : store.listAuditEntriesNewestFirst(filter, query.beforeSeq, query.limit + 1);
  const [rows, total, logSize, users, packages] = await Promise.all([read, store.countAuditEntries(filter), store.auditLogSize(), usersById(store), store.listPackages()]);
  const packageNames = new Map(packages.map((p) => [p.id, `${p.modelName} ${p.versionLabel}`]));
  const items = rows.slice(0, query.limit).map((row) => ({ ...toAuditEntryView(row, users), subjectName: packageNames.get(row.subject) ?? users.get(row.subject)?.displayName ?? null }));
  const page: AuditPage = { items, total, nextAfterSeq: rows.length > query.limit ? (items.at(-1)?.seq ?? null) : null, logSize };
  // The filter's choices come with a view's first page (no cursor, or one above the whole log).
  const first = query.afterSeq === undefined && (query.beforeSeq === undefined || query.beforeSeq > logSize);
  if (!first) return page;
  const { actorId: _ignored, ...others } = filter;
  const actors = (await store.listAuditActorIds(others)).map((id) => ({ id, name: users.get(id)?.displayName ?? id }));
  return { ...page, actors: actors.toSorted((a, b) => a.name.localeCompare(b.name)) };
}

export const listAudit = defineHandler(routes.listAudit, async (ctx, { query }) => {
  return { status: 200, body: await pageOf(ctx.deps.store, query, filterOf(query)) };
});

export const listPackageAudit = defineHandler(routes.listPackageAudit, async (ctx, { params, query }) => {
  const pkg = await seePackage(ctx, params.id);
  return { status: 200, body: await pageOf(ctx.deps.store, query, filterOf(query, pkg.id)) };
});

export const auditTreeHead = defineHandler(routes.auditTreeHead, async (ctx) => {
  const { head } = await publishTreeHead(ctx.deps);
  return { status: 200, body: head };
});

export const auditCheckpoint = defineHandler(routes.auditCheckpoint, async (ctx) => {
  const { head } = await publishTreeHead(ctx.deps);
  const published = await checkpointOf(ctx.deps, ctx.origin, head);
  // With the witnesses' cosignatures of this size, if any (docs/decisions/0105).
  return { status: 200, body: { ...published, checkpoint: await cosignedCheckpoint(ctx.deps, published.checkpoint, head.treeSize) } };
});

export const auditInclusionProof = defineHandler(routes.auditInclusionProof, async (ctx, { query }) => {
  const { store } = ctx.deps;
  const log = await soundLog(store);
  const treeSize = query.treeSize ?? log.size;
  if (query.seq > log.size) throw problems.notFound(`There is no audit entry #${query.seq}: the log holds ${log.size} entries.`);
  if (treeSize > log.size) throw problems.notFound(`There is no tree of size ${treeSize} yet: the log holds ${log.size} entries.`);
  if (query.seq > treeSize) throw problems.validation([{ pointer: '/query/seq', message: `Entry #${query.seq} is not in a tree of ${treeSize} entries` }]);
  // The entry as it reads now, held to the leaf verified at its place: a proof is never
  // handed out for an entry that was changed after the server checked it.
  const [row] = await store.listAuditEntries({}, query.seq - 1, 1);
  // Leaf i is entry #(i + 1); an entry elsewhere means rows were removed or renumbered.
  if (row?.seq !== query.seq) throw problems.conflict(`The audit log does not hold entry #${query.seq} at its place; GET /api/audit/verify says where it breaks.`);
  const changed = changedSinceVerified(log, [chainEntryOf(row)]);
  if (changed) {
    forgetVerifiedLog(store);
    throw problems.auditLogBroken(changed);
  }
  const leafIndex = query.seq - 1;
  // The recorded hash is the recomputed one: changedSinceVerified compared them.
  return { status: 200, body: { seq: query.seq, leafIndex, treeSize, entryHash: row.entryHash, path: log.tree.inclusionPath(leafIndex, treeSize).map(bytesToHex) } };
});

export const auditConsistencyProof = defineHandler(routes.auditConsistencyProof, async (ctx, { query }) => {
  const { tree, size } = await soundLog(ctx.deps.store);
  const toSize = query.to ?? size;
  if (toSize > size) throw problems.notFound(`There is no tree of size ${toSize} yet: the log holds ${size} entries.`);
  if (query.from > toSize) throw problems.validation([{ pointer: '/query/from', message: `A tree of ${query.from} entries cannot be a prefix of one of ${toSize}` }]);
  return { status: 200, body: { fromSize: query.from, toSize, path: tree.consistencyPath(query.from, toSize).map(bytesToHex) } };
});

export const streamAuditChain = defineHandler(routes.streamAuditChain, (ctx, { query }) => {
  return Promise.resolve({ status: 200, body: new BinaryBody(auditChainStream(ctx.deps.store, query.afterSeq, query.limit), 'application/x-ndjson') });
});

export const verifyAudit = defineHandler(routes.verifyAudit, async (ctx) => {
  return { status: 200, body: await verifyWholeLog(ctx.deps, await publishedKeys(ctx.deps.store, ctx.deps.now), ctx.clientGone?.()) };
});
