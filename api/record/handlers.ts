import type { AuditEntryView } from '#domain/contracts/audit.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { ApprovalRecordBody } from '#domain/contracts/record.ts';
import { buildRecordBody, recordFileName } from '#domain/evidence/build-record.ts';
import { signRecord } from '#domain/evidence/record-signature.ts';
import { auditPages, toAuditEntryView } from '../audit/entry-views.ts';
import { changedSinceVerified, forgetVerifiedLog } from '../audit/verified-log.ts';
import { publishTreeHead } from '../audit/tree-heads.ts';
import { problems } from '../kernel/problems.ts';
import { recordRoutes as routes } from './routes.ts';
import { currentServerKey, publishedKeys } from '../signing/server-key.ts';
import type { StoredUser, StoreTx } from '../store.ts';
import { threadViews } from '../threads/thread-views.ts';
import { loadPackageFacts, packageDetail, toActor, usersById } from '../packages/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { actorOf, seePackage, signedIn } from '../packages/package-access.ts';

// GET /api/packages/{id}/record: the approval record as one signed document. Read order
// matters: the package's facts first, then its audit entries (a decision and its audit entry
// are written in one transaction, so every decision read has its entry), then a tree head
// signed after both, which therefore covers every entry read.

const auditPage = 1_000;

async function packageEntries(store: StoreTx, packageId: string, users: ReadonlyMap<string, StoredUser>): Promise<AuditEntryView[]> {
  const entries: AuditEntryView[] = [];
  for await (const page of auditPages(store, { subject: packageId }, 0, auditPage)) entries.push(...page.map((entry) => toAuditEntryView(entry, users)));
  return entries;
}

export const exportRecord = defineHandler(routes.exportRecord, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const { store, now } = ctx.deps;
  const [facts] = await loadPackageFacts(store, [pkg]);
  if (!facts) throw problems.notFound(`No package ${pkg.id}.`);
  const users = await usersById(store);
  const detail = await packageDetail(store, facts, now());

  const versions = await Promise.all(
    detail.versions.map(async (summary) => {
      const stored = await store.findVersion(pkg.id, summary.number);
      if (!stored) throw new Error(`Version ${summary.number} of ${pkg.id} is listed but cannot be read`);
      // Stored canonical content was validated when it was submitted; it is read back as is.
      return { ...summary, content: JSON.parse(stored.canonicalContent) as PackageContent, answers: await store.listVersionAnswers(pkg.id, summary.number) };
    }),
  );
  const threads = await threadViews(store, facts.threads);
  const entries = await packageEntries(store, pkg.id, users);
  const { head, tree, log } = await publishTreeHead(ctx.deps);
  // The head signs the entries as this process verified them; each entry the record carries
  // must still be that entry, or its inclusion proof would be for another one.
  const changed = changedSinceVerified(log, entries);
  if (changed) {
    forgetVerifiedLog(store);
    throw problems.auditLogBroken(changed);
  }
  const keys = await publishedKeys(store);

  const built = buildRecordBody({
    exportedAt: now().toISOString(),
    exportedBy: actorOf(user),
    package: {
      id: pkg.id,
      modelKey: pkg.modelKey,
      modelName: pkg.modelName,
      versionLabel: pkg.versionLabel,
      riskTier: detail.riskTier,
      businessLine: pkg.businessLine,
      ownerTeam: pkg.ownerTeam,
      owner: toActor(users.get(pkg.ownerId), pkg.ownerId),
      template: detail.template,
      status: detail.status,
      createdAt: pkg.createdAt,
    },
    steps: detail.steps,
    versions,
    decisions: detail.decisions,
    threads,
    serverKeys: keys,
    auditEntries: entries,
    treeHead: head,
    inclusionPath: (leafIndex, treeSize) => tree.inclusionPath(leafIndex, treeSize),
  });
  // Signed as it will be sent: a JSON round trip drops what JSON cannot carry (an undefined
  // member), so the signature covers exactly the document the client receives.
  const body = JSON.parse(JSON.stringify(built)) as ApprovalRecordBody;
  const { key, privateKey } = await currentServerKey(store, now);
  const record = await signRecord(privateKey, key.keyId, body);
  return { status: 200, body: record, headers: [['content-disposition', `attachment; filename="${recordFileName(record)}"`]] };
});
