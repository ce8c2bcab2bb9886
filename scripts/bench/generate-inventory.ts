// An inventory for load benchmarks: 1,000 packages of many models, owners and risk tiers,
// each with one to three versions, some decisions and threads, deterministic for a seed. Each
// package is approvable, as one in review would be (0188): assessed by model risk to its tier,
// its latest version meeting the blocking requirements of the policy that applies to it.
// planInventory works out every byte (contents, hashes, decisions, threads); writeInventory
// writes the plan through the store in one transaction, with the same store calls, audit
// events and countersignatures as demo/seed-demo.ts, after seedDemo has run (it needs
// the templates, the demo reviewers and the server key).
import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { decisionMeanings, type Actor, type Decision } from '#domain/contracts/decisions.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Policy, PolicyEvaluation } from '#domain/contracts/policies.ts';
import type { TieringMethod } from '#domain/contracts/risk-assessment.ts';
import type { ConcernAnswer } from '#domain/contracts/revisions.ts';
import { reviewerRoles, type Role } from '#domain/contracts/roles.ts';
import { signingPayloadType, type SignatureMaterial, type SigningPayload } from '#domain/contracts/signatures.ts';
import type { WorkflowStep } from '#domain/contracts/workflow-template.ts';
import { demoAccounts, tieringAnalyst } from '#demo/seed-demo.ts';
import { demoPolicies } from '#demo/demo-policies.ts';
import { applicablePolicy } from '#domain/policy/applicable-policy.ts';
import { standardTieringMethod } from '#server/db/migrations/031-risk-assessments.ts';
import { prepareVersion, type PreparedVersion } from '#api/packages/prepare-version.ts';
import { currentServerKey } from '#api/signing/server-key.ts';
import type { AuditAppend, Store, StoredMessage, StoredThread, StoredUser } from '#api/store/store.ts';
import { countersign } from '#domain/signing/countersign.ts';
import { defaultTemplates, selectTemplate } from '#domain/workflow/default-templates.ts';
import { businessLineKey } from '#domain/text/business-line.ts';
import { describeCheck } from '#domain/policy/check-wording.ts';
import { generatePackage, reviseSections, rng } from './generate-package.ts';
import { answersForTier, fitToPolicy, plannedGovernance, type PlannedAssessment } from './inventory-governance.ts';

export interface InventoryOptions {
  packages: number;
  seed?: number;
  /** Timestamps are days before this; fixed in tests so the plan is byte-for-byte the same. */
  now?: Date;
  /** Owners the packages are spread over. */
  owners?: number;
  /** Extra reviewers holding every reviewer role: the signers of the decision load. */
  signers?: number;
  /** Bytes of a version's content, lowest and highest (default 20,000 to 80,000). */
  versionBytes?: readonly [number, number];
  /** The tiering method the assessments are scored by: the one in effect where the plan is written (the schema's first, by default). */
  tieringMethod?: TieringMethod;
  /** The policy catalogue the versions are checked against (the demo's, which seedDemo publishes, by default). */
  policies?: readonly Policy[];
}

export interface PlannedVersion {
  content: PackageContent;
  prepared: PreparedVersion;
  submittedAt: string;
  answers: ConcernAnswer[];
  /** Its check at submission against the policy that applies to the package; null where none applies. */
  evaluation: PolicyEvaluation | null;
}

export interface PlannedPackage {
  id: string;
  modelKey: string;
  modelName: string;
  versionLabel: string;
  riskTier: number;
  businessLine: string;
  ownerTeam: string;
  ownerId: string;
  templateKey: string;
  templateVersion: number;
  steps: readonly WorkflowStep[];
  versions: PlannedVersion[];
  decisions: Decision[];
  threads: { thread: StoredThread; messages: StoredMessage[] }[];
  /** Model risk's assessment, number 1, an hour after version 1 came in: its computed tier is `riskTier`. */
  assessment: PlannedAssessment;
  /** Steps approved on the latest version: the next one is active unless all are. */
  approvedSteps: number;
}

export interface InventoryPlan {
  owners: Omit<StoredUser, 'passwordHash'>[];
  signers: Omit<StoredUser, 'passwordHash'>[];
  packages: PlannedPackage[];
}

const day = 86_400_000;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const pad = (n: number, width = 4) => String(n).padStart(width, '0');

const businessLines = ['Consumer lending', 'Card payments', 'Healthcare', 'Customer support', 'Marketing', 'Operations', 'Treasury'] as const;
const subjects = ['churn', 'credit limit', 'fraud', 'collections', 'propensity', 'triage', 'pricing', 'forecast', 'anomaly', 'routing', 'liquidity', 'claims'] as const;
const teams = ['Decision Science', 'Risk Analytics', 'Clinical AI', 'Customer Intelligence', 'Payments ML', 'Treasury Quant'] as const;
// The tiering analyst assesses; whoever set a package's tier does not approve it (0174).
const reviewerByRole = new Map<Role, (typeof demoAccounts)[number]>(demoAccounts.filter((account) => account.id !== tieringAnalyst).flatMap((account) => account.roles.map((role) => [role, account] as const)));
/** Chance that a version fails an advisory requirement of its policy, each on its own roll. */
const advisoryFailShare = 0.15;
/** Chance that a rejected version of a package whose policy flags (not refuses) failed a blocking bar: the reason it was rejected. */
const flaggedShare = 0.5;

function actorOf(user: { id: string; displayName: string; title: string }): Actor {
  return { id: user.id, displayName: user.displayName, title: user.title };
}

/** Works out the whole inventory; the same options give the same plan, byte for byte. */
export async function planInventory(options: InventoryOptions): Promise<InventoryPlan> {
  const random = rng(options.seed ?? 1);
  const now = (options.now ?? new Date()).getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * day).toISOString();
  const owners = Array.from({ length: options.owners ?? 25 }, (_, i) => ({ id: `usr_bench_owner_${pad(i + 1, 2)}`, email: `bench-owner-${pad(i + 1, 2)}@example.com`, displayName: `Bench Owner ${i + 1}`, title: `Model owner, ${pick(random, teams)}`, roles: ['model_owner'] as Role[] }));
  const signers = Array.from({ length: options.signers ?? 20 }, (_, i) => ({ id: `usr_bench_signer_${pad(i + 1, 2)}`, email: `bench-signer-${pad(i + 1, 2)}@example.com`, displayName: `Bench Reviewer ${i + 1}`, title: 'Reviewer, all review roles', roles: [...reviewerRoles] }));
  // About three packages per model: model versions submitted over time.
  const modelCount = Math.max(1, Math.ceil(options.packages / 3));
  const labelsUsed = new Map<number, number>();
  const packages: PlannedPackage[] = [];
  const [fewestBytes, mostBytes] = options.versionBytes ?? [20_000, 80_000];
  const method = options.tieringMethod ?? standardTieringMethod;
  const policies = options.policies ?? demoPolicies;

  for (let i = 0; i < options.packages; i++) {
    const model = Math.floor(random() * modelCount);
    const release = (labelsUsed.get(model) ?? 0) + 1;
    labelsUsed.set(model, release);
    const owner = owners[model % owners.length] ?? owners[0];
    if (!owner) throw new Error('An inventory needs at least one owner');
    const tierRoll = random();
    const riskTier = tierRoll < 0.1 ? 1 : tierRoll < 0.45 ? 2 : tierRoll < 0.85 ? 3 : 4;
    const businessLine = pick(random, businessLines);
    const template = selectTemplate(defaultTemplates, riskTier, businessLine);
    if (!template) throw new Error(`No template for tier ${riskTier}, ${businessLine}`);
    const modelKey = `bench-${pick(random, subjects).replace(' ', '-')}-${pad(model)}`;
    const versionLabel = `${release}.${Math.floor(random() * 4)}.0`;
    const ownerTeam = owner.title.replace('Model owner, ', '');
    const modelName = `${modelKey.replace(/-/g, ' ')} model`;

    const first = generatePackage({ bytes: fewestBytes + Math.floor(random() * (mostBytes - fewestBytes)), sectionCount: 11 + Math.floor(random() * 10), seed: (options.seed ?? 1) * 100_003 + i });
    first.sections[0] = { key: 'identification', title: 'Identification', kind: 'identification', modelKey, modelName, versionLabel, ownerTeam, ownerContact: owner.email, riskTier, businessLine, changeSummary: `Release ${release} of ${modelName}.` };
    const versionRoll = random();
    const versionCount = versionRoll < 0.6 ? 1 : versionRoll < 0.85 ? 2 : 3;
    const contents = [first];
    for (let v = 1; v < versionCount; v++) contents.push(reviseSections(contents[v - 1] ?? first, 0.2, { seed: i * 7 + v }));
    // Its own sequence, so the governance drawn does not move the rest of the plan.
    const governanceRandom = rng((options.seed ?? 1) * 7_919 + i);
    const policy = applicablePolicy(policies, { riskTier, businessLine, modelType: undefined });
    // A version rejected for a blocking failure was let into review flagged; a policy that refuses would not have let it in.
    const mayFlag = policy?.onBlockingFailure === 'enter_review_flagged' && [...policy.metrics, ...policy.subgroupMetrics].some((r) => r.enforcement === 'blocking');
    const checked = contents.map((content, index) => (policy ? fitToPolicy(content, policy, { advisoryFailShare, failBlocking: mayFlag && index < versionCount - 1 && governanceRandom() < flaggedShare }, governanceRandom) : { content, evaluation: null }));

    // Versions a few days apart, the newest up to a month ago.
    const newest = 1 + Math.floor(random() * 30);
    const spacing = 3 + Math.floor(random() * 10);
    const submittedDaysAgo = (number: number) => newest + (versionCount - number) * spacing;
    const id = `pkg_bench_${pad(i + 1)}`;
    const steps = template.steps;
    const decisions: Decision[] = [];
    const versions: PlannedVersion[] = [];
    let decisionIndex = 0;
    const decide = (number: number, step: WorkflowStep, kind: 'approve' | 'reject', daysAgo: number, hash: string, concerns: Decision['concerns'] = []): Decision => {
      const reviewer = reviewerByRole.get(step.role);
      if (!reviewer) throw new Error(`No demo reviewer holds ${step.role}`);
      const decision: Decision = { id: `dec_bench_${pad(i + 1)}_${++decisionIndex}`, packageId: id, versionNumber: number, stepKey: step.key, role: step.role, decision: kind, meaning: decisionMeanings[kind], reason: kind === 'approve' ? `${step.name}: reviewed, no open findings.` : `${step.name}: the package needs revision before approval.`, conditions: null, concerns, actor: actorOf(reviewer), contentHash: hash, decidedAt: at(daysAgo) };
      decisions.push(decision);
      return decision;
    };
    for (const [index, { content, evaluation }] of checked.entries()) {
      const number = index + 1;
      const prepared = await prepareVersion(content);
      const rejection = decisions.at(-1);
      const answers: ConcernAnswer[] = rejection?.decision === 'reject' ? [{ target: { kind: 'concern', decisionId: rejection.id, index: 0 }, answer: 'Revised the sections concerned; see the diff.', sectionKeys: [] }] : [];
      versions.push({ content, prepared, submittedAt: at(submittedDaysAgo(number)), answers, evaluation });
      // Every version but the last was rejected by the first step, with one concern: the
      // blocking requirement it failed, where it failed one.
      const firstStep = steps[0];
      if (number < versionCount && firstStep) {
        decide(number, firstStep, 'reject', submittedDaysAgo(number) - 1, prepared.contentHash, [rejectionConcern(evaluation)]);
      }
    }
    const latest = versions.at(-1);
    if (!latest) throw new Error('A package has at least one version');
    // On the latest version, the first steps approved: none, some, or all of them.
    const approvedSteps = Math.floor(random() * (steps.length + 1));
    for (let s = 0; s < approvedSteps; s++) {
      const step = steps[s];
      if (step) decide(versionCount, step, 'approve', Math.max(0, newest - 1 - s * 0.25), latest.prepared.contentHash);
    }

    const threads: PlannedPackage['threads'] = [];
    if (random() < 0.3) {
      const reviewer = reviewerByRole.get(steps[Math.min(approvedSteps, steps.length - 1)]?.role ?? 'model_risk') ?? demoAccounts[2];
      const narrative = latest.content.sections.filter((section) => section.kind === 'narrative');
      const section = pick(random, narrative);
      const kind = random() < 0.5 ? 'comment' : 'finding';
      const resolved = random() < 0.4;
      const createdAt = at(Math.max(0, newest - 0.5));
      const threadId = `thr_bench_${pad(i + 1)}`;
      const thread: StoredThread = { id: threadId, packageId: id, versionNumber: versionCount, sectionKey: section.key, kind, severity: kind === 'finding' ? 'medium' : null, status: resolved ? 'resolved' : 'open', anchor: null, createdBy: actorOf(reviewer), createdAt, resolvedBy: resolved ? actorOf(reviewer) : null, resolvedAt: resolved ? at(Math.max(0, newest - 0.75)) : null };
      const messages: StoredMessage[] = [{ id: `msg_bench_${pad(i + 1)}_1`, threadId, author: actorOf(reviewer), authorRole: reviewer.roles[0], body: `Please say how ${section.title.toLowerCase()} was checked for this release.`, createdAt, position: 0 }];
      if (random() < 0.6) messages.push({ id: `msg_bench_${pad(i + 1)}_2`, threadId, author: actorOf(owner), authorRole: 'model_owner', body: 'Checked against the holdout and the monitoring plan; details added to the section.', createdAt: at(Math.max(0, newest - 0.6)), position: 1 });
      threads.push({ thread, messages });
    }

    // Model risk assesses an hour after version 1 came in, before anyone decides on it.
    const assessment: PlannedAssessment = { ...answersForTier(riskTier, method, governanceRandom), assessedBy: tieringAnalyst, assessedAt: at(submittedDaysAgo(1) - 1 / 24) };
    packages.push({ id, modelKey, modelName, versionLabel, riskTier, businessLine, ownerTeam, ownerId: owner.id, templateKey: template.key, templateVersion: template.version, steps, versions, decisions, threads, approvedSteps, assessment });
  }
  return { owners, signers, packages };
}

function rejectionConcern(evaluation: PolicyEvaluation | null): Decision['concerns'][number] {
  const failed = evaluation?.checks.find((c) => c.enforcement === 'blocking' && c.status !== 'pass');
  if (!evaluation || !failed) return { sectionKey: 'intended_use', concern: 'The intended use is too broad.', requiredChange: 'Narrow the scope and name the excluded uses.' };
  return { sectionKey: failed.kind === 'subgroup_metric' ? 'subgroup_fairness' : 'evaluation', concern: `${describeCheck(failed)} (policy ${evaluation.policy.key} version ${evaluation.policy.version}).`, requiredChange: 'Meet the policy bar, then resubmit.' };
}

/** A digest of everything the plan says (contents, hashes, decisions, threads): equal plans, equal digests. */
export async function inventoryDigest(plan: InventoryPlan): Promise<string> {
  return sha256Hex(canonicalize({ owners: plan.owners, signers: plan.signers, packages: plan.packages.map(({ versions, ...rest }) => ({ ...rest, versions: versions.map((version) => ({ contentHash: version.prepared.contentHash, submittedAt: version.submittedAt, answers: version.answers, evaluation: version.evaluation })) })) }));
}

/**
 * Writes the plan into a store seeded with the demo data, in one transaction; the owners'
 * and signers' password is `passwordHash`'s. Models are inserted once, on their first package.
 */
export async function writeInventory(store: Store, plan: InventoryPlan, options: { passwordHash: string; now?: Date }): Promise<{ auditEntries: number }> {
  const now = options.now ?? new Date();
  const { key, privateKey } = await currentServerKey(store, () => now);
  return store.transaction(async (tx) => {
    await assertPlannedFor(tx, plan);
    for (const user of [...plan.owners, ...plan.signers]) await tx.insertUser({ ...user, passwordHash: options.passwordHash });
    // The organisation lists the lines its inventory is filed under; an unlisted line blocks
    // every approval (0176), and the bench signs decisions on these packages.
    for (const label of new Set(plan.packages.map((pkg) => pkg.businessLine))) {
      await tx.insertBusinessLine({ key: businessLineKey(label), label, retiredAt: null, createdAt: now.toISOString() });
    }
    const audit: AuditAppend[] = [];
    const models = new Set<string>();
    for (const pkg of plan.packages) {
      if (!models.has(pkg.modelKey)) {
        models.add(pkg.modelKey);
        await tx.insertModel({ key: pkg.modelKey, name: pkg.modelName, ownerId: pkg.ownerId });
      }
      const createdAt = pkg.versions[0]?.submittedAt ?? now.toISOString();
      const updatedAt = [pkg.versions.at(-1)?.submittedAt ?? createdAt, ...pkg.decisions.map((d) => d.decidedAt)].sort().at(-1) ?? createdAt;
      await tx.insertPackage({ id: pkg.id, modelKey: pkg.modelKey, modelName: pkg.modelName, versionLabel: pkg.versionLabel, riskTier: pkg.riskTier, businessLine: pkg.businessLine, ownerTeam: pkg.ownerTeam, ownerId: pkg.ownerId, templateKey: pkg.templateKey, templateVersion: pkg.templateVersion, createdAt, updatedAt });
      for (const [index, version] of pkg.versions.entries()) {
        const number = index + 1;
        await tx.insertVersion({ packageId: pkg.id, number, ...version.prepared, submittedBy: pkg.ownerId, submittedAt: version.submittedAt });
        await tx.insertVersionAnswers(pkg.id, number, version.answers);
        const { evaluation } = version;
        if (evaluation) await tx.insertPolicyEvaluation({ packageId: pkg.id, version: number, evaluation, evaluatedAt: version.submittedAt });
        const checked = evaluation && evaluation.outcome !== 'refused' ? { policy: { key: evaluation.policy.key, version: evaluation.policy.version, outcome: evaluation.outcome } } : {};
        const previous = pkg.versions[index - 1];
        audit.push(
          previous
            ? { event: { action: 'package.version_submitted', subject: pkg.id, before: { version: index, contentHash: previous.prepared.contentHash }, after: { version: number, contentHash: version.prepared.contentHash, answers: version.answers.length, ...checked } }, actorId: pkg.ownerId, at: version.submittedAt }
            : { event: { action: 'package.submitted', subject: pkg.id, before: null, after: { modelKey: pkg.modelKey, versionLabel: pkg.versionLabel, version: 1, contentHash: version.prepared.contentHash, ...checked } }, actorId: pkg.ownerId, at: version.submittedAt },
        );
      }
      const { answers, result, assessedBy, assessedAt } = pkg.assessment;
      await tx.insertRiskAssessment({ packageId: pkg.id, number: 1, answers, result, assessedBy, assessedAt });
      audit.push({ event: { action: 'risk.assessed', subject: pkg.id, before: null, after: { number: 1, method: result.method, score: result.score, computedTier: result.computedTier } }, actorId: assessedBy, at: assessedAt });
      for (const decision of pkg.decisions) {
        await tx.insertDecision(decision);
        // Generated, not signed: marked "demo" under the countersignature, as seedDemo does.
        // Signed under what the sign dialog showed (0107): the version's check and the assessment.
        const governance = await plannedGovernance(pkg.versions[decision.versionNumber - 1]?.evaluation ?? null, pkg.assessment);
        const payload: SigningPayload = { type: signingPayloadType, packageId: pkg.id, versionNumber: decision.versionNumber, contentHash: decision.contentHash, stepKey: decision.stepKey, role: decision.role, decision: decision.decision, meaning: decision.meaning, reason: decision.reason, conditions: null, concerns: decision.concerns, signer: decision.actor, nonce: `bench-${decision.id}`, issuedAt: decision.decidedAt, governance };
        const material: SignatureMaterial = { method: 'demo' };
        const countersignature = await countersign(privateKey, key.keyId, { type: 'model-approval-countersignature/1', decisionId: decision.id, decidedAt: decision.decidedAt, payload, signature: material });
        await tx.insertDecisionSignature(decision.id, canonicalize({ payload, signature: material, countersignature }));
        audit.push({ event: { action: 'decision.signed', subject: pkg.id, before: null, after: { decision: decision.id, step: decision.stepKey, role: decision.role, kind: decision.decision, version: decision.versionNumber, contentHash: decision.contentHash, method: material.method, countersignedWith: key.keyId } }, actorId: decision.actor.id, at: decision.decidedAt });
      }
      for (const { thread, messages } of pkg.threads) {
        await tx.insertThread(thread);
        for (const message of messages) await tx.insertMessage(message);
        audit.push({ event: { action: 'thread.opened', subject: pkg.id, before: null, after: { section: thread.sectionKey, kind: thread.kind, version: thread.versionNumber, thread: thread.id } }, actorId: thread.createdBy.id, at: thread.createdAt });
      }
    }
    // The log in time order, as the events would have been appended, after the demo's own.
    audit.sort((a, b) => a.at.localeCompare(b.at));
    for (const entry of audit) await tx.appendAudit(entry);
    return { auditEntries: audit.length };
  });
}

/**
 * The plan scored its assessments and checked its versions against what it was given; the store
 * must have them in effect, or the tiers and checks written would not be the ones the server
 * computes (a package assessed by a superseded method is blocked as outdated).
 */
async function assertPlannedFor(tx: Pick<Store, 'currentTieringMethod' | 'listPolicyVersions'>, plan: InventoryPlan): Promise<void> {
  const current = (await tx.currentTieringMethod())?.method;
  const scoredBy = plan.packages[0]?.assessment.result.method;
  if (scoredBy && (current?.key !== scoredBy.key || current.version !== scoredBy.version)) {
    throw new Error(`The inventory was assessed by ${scoredBy.key} version ${scoredBy.version}; the store's current tiering method is ${current ? `${current.key} version ${current.version}` : 'none'}: plan it with tieringMethod set to that one`);
  }
  const published = new Set((await tx.listPolicyVersions()).map((row) => `${row.policy.key}@${row.policy.version}`));
  const unpublished = plan.packages.flatMap((pkg) => pkg.versions.flatMap((v) => (v.evaluation && !published.has(`${v.evaluation.policy.key}@${v.evaluation.policy.version}`) ? [`${v.evaluation.policy.key}@${v.evaluation.policy.version}`] : [])));
  if (unpublished.length > 0) throw new Error(`The inventory was checked against policies the store has not published: ${[...new Set(unpublished)].join(', ')}`);
}
