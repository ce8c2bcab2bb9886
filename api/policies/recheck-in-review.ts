import type { AuditEvent } from '#domain/contracts/audit-events.ts';
import { identificationOf, type PackageContent } from '#domain/contracts/package-content.ts';
import type { Policy, PolicyEvaluation } from '#domain/contracts/policies.ts';
import { recheckUnderNewVersion } from '#domain/policy/approval-governance.ts';
import { applicablePolicy } from '#domain/policy/applicable-policy.ts';
import { namesBusinessLine } from '#domain/text/business-line.ts';
import { failedChecks } from '#domain/policy/evaluate-against-policy.ts';
import { evaluationDigest } from '#domain/policy/signed-governance.ts';
import { loadPackageFacts, workflowStateOf } from '../package-access/views.ts';
import { appliedAssessment } from '../package-access/applied-assessment.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// A policy version published "to apply to packages in review" takes effect at publication
// (docs/decisions/0150): in the publication's transaction, the latest version of each package
// still in review under an earlier version of the key, or never checked and falling under the
// key (0158), is checked again, stored as a re-check (0142) and audited, so the approval gate reads it at once and the owner hears of a change.
// The publication holds the policy catalogue exclusively; every other check holds it shared
// until its commit, so none is in flight unseen here.

const inReview: ReadonlySet<string> = new Set(['in_review', 'clarification_requested']);

async function result(evaluation: PolicyEvaluation) {
  const { key, version } = evaluation.policy;
  const blocking = failedChecks(evaluation).filter((c) => c.enforcement === 'blocking').length;
  // The digest ties the entry to the check a record carries (0171).
  return { key, version, outcome: evaluation.outcome === 'pass' ? ('pass' as const) : ('flagged' as const), blocking, evaluationDigest: await evaluationDigest(evaluation) };
}

type RecheckEvent = Extract<AuditEvent, { action: 'policy.rechecked' }>;

/**
 * Whether a package whose latest version was never checked falls under `policy`: the policy
 * resolved as a submission resolves it (the tier an assessment decided, else the declared one,
 * and the package's business line), among the current versions, this one included (0158).
 */
async function resolvesTo(tx: StoreTx, policies: readonly Policy[], pkg: StoredPackage, policy: Policy): Promise<boolean> {
  const riskTier = (await appliedAssessment(tx, pkg.id))?.tier ?? pkg.riskTier;
  const lines = policy.scope.businessLines ?? [];
  // Only a package the policy's tier and line could hold has its content read, for its model type (0157).
  if (!policy.scope.riskTiers.includes(riskTier) || (lines.length > 0 && !namesBusinessLine(lines, pkg.businessLine))) return false;
  const latest = Math.max(0, ...(await tx.listVersionFacts([pkg.id])).map((v) => v.number));
  const version = await tx.findVersion(pkg.id, latest);
  if (!version) return false;
  const modelType = identificationOf(parseJson(version.canonicalContent) as PackageContent).modelType;
  return applicablePolicy(policies, { riskTier, businessLine: pkg.businessLine, modelType })?.key === policy.key;
}

/**
 * Checks the latest version of every package in review under an earlier version of
 * `policy.key`, or never checked and falling under `policy.key`, against `policy` and stores
 * each check; returns the audit events to append. Every package lock is taken before any audit
 * entry is appended (the audit lock comes after package locks, never before), and in id order.
 */
export async function recheckInReview(tx: StoreTx, policy: Policy, by: { at: string; now: Date }): Promise<RecheckEvent[]> {
  const packages = await tx.listPackages();
  const policies = (await tx.listPolicyVersions()).map((row) => row.policy);
  const latest = new Map<string, { version: number; evaluation: PolicyEvaluation }>();
  for (const row of await tx.listPolicyEvaluations(packages.map((p) => p.id))) {
    const seen = latest.get(row.packageId);
    if (!seen || row.version > seen.version) latest.set(row.packageId, row);
  }
  const under = (evaluation: PolicyEvaluation | undefined): evaluation is PolicyEvaluation => !!evaluation && evaluation.policy.key === policy.key && evaluation.policy.version < policy.version;
  // Never checked: entered review before any policy applied to it. The scope cannot move
  // meanwhile: an assessment re-resolving it holds the catalogue lock shared.
  const unchecked = new Set<string>();
  for (const pkg of packages) if (!latest.has(pkg.id) && (await resolvesTo(tx, policies, pkg, policy))) unchecked.add(pkg.id);
  const candidates = packages.filter((p) => unchecked.has(p.id) || under(latest.get(p.id)?.evaluation)).sort((a, b) => a.id.localeCompare(b.id));
  // Serialised with signing and resubmission: an approval signed before this stands, one after reads the re-check.
  for (const pkg of candidates) await tx.lockPackage(pkg.id);
  const events: RecheckEvent[] = [];
  for (const facts of await loadPackageFacts(tx, candidates)) {
    const { state, latestVersion } = workflowStateOf(facts, by.now);
    if (!inReview.has(state.status)) continue;
    // Read again under the lock: a resubmission committed meanwhile was checked against the earlier version too.
    const checks = await tx.listPolicyEvaluations([facts.pkg.id]);
    const current = checks.find((e) => e.version === latestVersion)?.evaluation;
    const neverChecked = checks.length === 0 && unchecked.has(facts.pkg.id);
    if (!neverChecked && !under(current)) continue;
    const version = await tx.findVersion(facts.pkg.id, latestVersion);
    if (!version) throw new Error(`Version ${latestVersion} of ${facts.pkg.id} is missing`);
    const evaluation = recheckUnderNewVersion(parseJson(version.canonicalContent) as PackageContent, policy, current?.policy ?? null);
    await tx.insertPolicyReevaluation({ packageId: facts.pkg.id, version: latestVersion, evaluation, evaluatedAt: by.at });
    events.push({ action: 'policy.rechecked', subject: facts.pkg.id, before: current ? await result(current) : null, after: { ...(await result(evaluation)), packageVersion: latestVersion } });
  }
  return events;
}
