import type { AuditEntryView } from '#domain/contracts/audit.ts';
import type { EncodedRecord, RecordJob } from '#domain/evidence/encode-record.ts';
import { auditPages, toAuditEntryView } from '../audit/entry-views.ts';
import { changedSinceVerified, forgetVerifiedLog } from '../audit/verified-log.ts';
import { publishTreeHead } from '../audit/tree-heads.ts';
import { checkpointOf } from '../audit/checkpoints.ts';
import { problems } from '../kernel/problems.ts';
import { ComputeRefused, inlineCompute, type ComputePort } from '../kernel/compute.ts';
import { SerializedJson } from '../kernel/serialized-json.ts';
import { BinaryBody } from '../kernel/binary-body.ts';
import type { ApprovalRecord, RecordEarlierPolicyCheck } from '#domain/contracts/record.ts';
import type { Policy, PolicyEvaluation } from '#domain/contracts/policies.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import type { StoredPolicyCheck } from '../store/policies.ts';
import { recordRoutes as routes } from './routes.ts';
import { currentServerKey, historyKeys } from '../signing/server-key.ts';
import type { StoredPackage, StoredUser, StoreTx } from '../store/store.ts';
import type { RequestContext } from '../kernel/context.ts';
import { threadViews } from '../threads/thread-views.ts';
import { findingViews } from '../findings/finding-views.ts';
import { loadWorkflowFacts, signedDecisions, templateView, toActor, usersById, versionSummary, workflowStateOf } from '../package-access/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { limitRecordBuilds } from '../throttle/rate-limits.ts';
import { actorOf, seePackage, signedIn } from '../package-access/package-access.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// GET /api/packages/{id}/record: the approval record as one signed document. Read order
// matters: the package's facts first, then its audit entries (a decision and its audit entry
// are written in one transaction, so every decision read has its entry), then a tree head
// signed after both, which therefore covers every entry read. What is read goes to a compute
// job (domain/evidence/encode-record.ts) that diffs, signs and encodes: on the server a worker
// thread, so a large package never holds the event loop (issue 16, finding 9).

const auditPage = 1_000;

async function packageEntries(store: StoreTx, packageId: string, users: ReadonlyMap<string, StoredUser>): Promise<AuditEntryView[]> {
  const entries: AuditEntryView[] = [];
  for await (const page of auditPages(store, { subject: packageId }, 0, auditPage)) entries.push(...page.map((entry) => toAuditEntryView(entry, users)));
  return entries;
}

export const exportRecord = defineHandler(routes.exportRecord, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const record = await buildRecord(ctx, pkg, user);
  return { status: 200, body: new SerializedJson(record.bytes), headers: [['content-disposition', `attachment; filename="${record.fileName}"`]] };
});

export const exportRecordPdf = defineHandler(routes.exportRecordPdf, async (ctx, { params }) => {
  const user = signedIn(ctx);
  const pkg = await seePackage(ctx, params.id);
  const { recordPdf, store, now } = ctx.deps;
  if (!recordPdf) throw problems.notFound('This deployment does not make PDF records; download the JSON record instead.');
  const record = await buildRecord(ctx, pkg, user);
  // The record's own bytes are attached as they are; the parsed form only feeds the print.
  const parsed = parseJson(new TextDecoder().decode(record.bytes)) as ApprovalRecord;
  const serverKey = await currentServerKey(store, now);
  // Drawn and signed on the server's compute pool, within its limits and time budget, like the record.
  const pdf = await refusedAsBusy(() => recordPdf.render({ record: parsed, recordBytes: record.bytes, verifyUrl: `${ctx.origin}/verify`, serverKey }));
  const fileName = record.fileName.replace(/\.json$/, '') + '.pdf';
  return { status: 200, body: new BinaryBody(pdf, 'application/pdf'), headers: [['content-disposition', `attachment; filename="${fileName}"`]] };
});

/** The package's approval record, signed now for `user` (the export, and the deployment gate's record); each build counts against the caller's record limit. */
export async function buildRecord(ctx: RequestContext, pkg: StoredPackage, user: StoredUser): Promise<EncodedRecord> {
  await limitRecordBuilds(ctx, user.id);
  for (let attempt = 1; attempt <= readAttempts; attempt++) {
    const job = await readRecordJob(ctx, pkg, user);
    if (job) return encoded(ctx.deps.compute ?? inlineCompute, job);
  }
  throw problems.busy(`The package's audit log grew while its record was read, ${readAttempts} times in a row; try again shortly.`, 1);
}

/** Reads of a record that entries appended meanwhile made incomplete, before the export gives up. */
const readAttempts = 3;

/**
 * What the record is made of, read in order; null when entries about the package were appended
 * after its entries were read but before the head was signed. The head's tree holds them, so a
 * record without them would fail against the log (docs/decisions/0180): it is read again.
 */
async function readRecordJob(ctx: RequestContext, pkg: StoredPackage, user: StoredUser): Promise<RecordJob | null> {
  const { store, now } = ctx.deps;
  // Where the package stands and its signed decisions: what the record says of the workflow (not the summary's conditions and due dates).
  const [facts] = await loadWorkflowFacts(store, [pkg]);
  if (!facts) throw problems.notFound(`No package ${pkg.id}.`);
  const users = await usersById(store);
  const { state } = workflowStateOf(facts, now());
  const decisions = await signedDecisions(store, facts.decisions);

  const [evaluations, allChecks] = await Promise.all([store.listPolicyEvaluations([pkg.id]), store.listPolicyChecks(pkg.id)]);
  const versions = await Promise.all(
    facts.versions.map((v) => versionSummary(v, users)).map(async (summary) => {
      const stored = await store.findVersion(pkg.id, summary.number);
      if (!stored) throw new Error(`Version ${summary.number} of ${pkg.id} is listed but cannot be read`);
      // The policy check in effect as stored, each requirement's result: what the gate reads and a decision signing now is bound to (0144, 0152).
      const policy = evaluations.find((e) => e.version === summary.number)?.evaluation;
      const earlier = await earlierPolicyChecks(store, allChecks.filter((c) => c.version === summary.number), policy);
      // Stored canonical content was validated when it was submitted; the job parses it.
      return {
        ...summary,
        content: stored.canonicalContent,
        answers: await store.listVersionAnswers(pkg.id, summary.number),
        ...(policy ? { policy, policyDefinition: await policyDefinition(store, policy.policy) } : {}),
        ...(earlier.length > 0 ? { earlierPolicyChecks: earlier } : {}),
      };
    }),
  );
  const threads = await threadViews(store, facts.threads);
  const findings = await findingViews(store, new Map([[pkg.id, pkg]]), facts.findings, now());
  const entries = await packageEntries(store, pkg.id, users);
  const { head, tree, log } = await publishTreeHead(ctx.deps);
  // The head signs the entries as this process verified them; each entry the record carries
  // must still be that entry, or its inclusion proof would be for another one.
  const changed = changedSinceVerified(log, entries);
  if (changed) {
    forgetVerifiedLog(store);
    throw problems.auditLogBroken(changed);
  }
  const late = await store.listAuditEntries({ subject: pkg.id }, entries.at(-1)?.seq ?? 0, 1);
  if (late.some((entry) => entry.seq <= head.treeSize)) return null;
  const { key, privateKey, history } = await currentServerKey(store, now);
  // The paths are cheap (the verified log holds the tree); only data crosses to a worker.
  const inclusionPaths = new Map(entries.map((entry) => [entry.seq - 1, tree.inclusionPath(entry.seq - 1, head.treeSize)]));

  const sources: RecordJob['sources'] = {
    exportedAt: now().toISOString(),
    exportedBy: actorOf(user),
    package: {
      id: pkg.id,
      modelKey: pkg.modelKey,
      modelName: pkg.modelName,
      versionLabel: pkg.versionLabel,
      riskTier: pkg.riskTier,
      businessLine: pkg.businessLine,
      ownerTeam: pkg.ownerTeam,
      owner: toActor(users.get(pkg.ownerId), pkg.ownerId),
      template: templateView(facts.template),
      status: state.status,
      createdAt: pkg.createdAt,
    },
    steps: state.steps,
    versions,
    decisions,
    threads,
    findings,
    serverKeys: historyKeys(history),
    keyHistory: history,
    // As the passkey ceremonies set them (api/passkeys/handlers.ts): the public origin and its host name.
    relyingParty: { origin: ctx.origin, rpId: new URL(ctx.origin).hostname },
    templateDefinition: facts.template,
    // Once each, in the order the chain left them: the verifier finds each by the hash its entry states.
    earlierTemplateDefinitions: [...new Map(facts.chainMoves.map((move) => [`${move.from.key}@${move.from.version}`, move.from])).values()],
    auditEntries: entries,
    treeHead: head,
    checkpoint: (await checkpointOf(ctx.deps, ctx.origin, head)).checkpoint,
    inclusionPaths,
  };
  return { sources, signingKey: { keyId: key.keyId, privateKey } };
}

/** The published policy version a check names, copied whole so a verifier can check again (0166). */
async function policyDefinition(store: StoreTx, ref: { key: string; version: number }): Promise<Policy> {
  const row = await store.findPolicyVersion(ref.key, ref.version);
  // Versions are never deleted; a check naming one that is not there is a broken store, not a user error.
  if (!row) throw new Error(`The policy check names ${ref.key} version ${ref.version}, which is not stored`);
  return row.policy;
}

/**
 * The version's checks before the one in effect, each with its policy version (0169): a decision
 * signed before a re-check is bound to the check then in effect, so the record keeps every one.
 */
async function earlierPolicyChecks(store: StoreTx, checks: readonly StoredPolicyCheck[], inEffect: PolicyEvaluation | undefined): Promise<RecordEarlierPolicyCheck[]> {
  const last = checks.at(-1);
  if (!last) return [];
  // The view (0152) and the full list are two reads of one rule: the last check is the one in effect.
  if (!inEffect || canonicalize(last.evaluation) !== canonicalize(inEffect)) throw new Error(`The checks of version ${last.version} of ${last.packageId} do not end with the one in effect`);
  return Promise.all(checks.slice(0, -1).map(async (c) => ({ seq: c.seq, evaluatedAt: c.evaluatedAt, policy: c.evaluation, policyDefinition: await policyDefinition(store, c.evaluation.policy) })));
}

function encoded(compute: ComputePort, job: RecordJob): Promise<EncodedRecord> {
  return refusedAsBusy(() => compute.signedRecord(job));
}

/** A compute job's refusal (every thread busy, or past its time budget) as the 503 a client reads. */
async function refusedAsBusy<T>(job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (error) {
    if (!(error instanceof ComputeRefused)) throw error;
    if (error.reason === 'busy') throw problems.busy('The server is already building as many approval records as it takes at once; try again shortly.', error.retryAfterSeconds);
    throw problems.busy(`Building this approval record took longer than the server's time budget of ${error.budgetSeconds} s for one export, so it was stopped. The server may be busy; try again later.`, error.retryAfterSeconds);
  }
}
