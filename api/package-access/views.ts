import type { Actor, Decision } from '#domain/contracts/decisions.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageDetail, PackageSummary, VersionSummary } from '#domain/contracts/packages.ts';
import { decisionSignatureSchema, type SignedDecision } from '#domain/contracts/signatures.ts';
import type { User } from '#domain/contracts/users.ts';
import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import { deriveWorkflowState } from '#domain/workflow/derive-state.ts';
import type { ChainMove } from '#domain/workflow/kept-decisions.ts';
import { approvalBlockers, findingBlockers } from '#domain/workflow/approval-gates.ts';
import type { ApprovalBlocker, GovernanceBlocker } from '#domain/contracts/approval-gates.ts';
import { dayOf } from '#domain/findings/lifecycle.ts';
import { conditionsLapsed } from '#domain/obligations/lifecycle.ts';
import { clockPause, pauseClockForOwner, whoseTurn } from '#domain/workflow/whose-turn.ts';
import type { StoredFinding, StoredObligation, StoredChainMove, StoredPackage, StoredRevalidation, StoredThread, StoredUser, StoredVersionFacts, StoreTx } from '../store/store.ts';
import { tierSettersFrom } from './applied-assessment.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// How stored packages and users read through the API. Nearly every capability shows a package
// or an actor (threads, signing, audit, tokens, …) and api/packages uses several of them, so
// these views sit in a folder of their own below all of them, not in api/packages.

export function toUser(user: StoredUser): User {
  return { id: user.id, email: user.email, displayName: user.displayName, title: user.title, roles: user.roles, ...(user.passwordHash === '' ? { sso: true } : {}) };
}

export function toActor(user: StoredUser | undefined, id: string): Actor {
  return user ? { id: user.id, displayName: user.displayName, title: user.title } : { id, displayName: 'Unknown user', title: '' };
}

/** Owners see their own packages; reviewers, the committee and administrators see all. */
export function canSeePackage(user: StoredUser, pkg: StoredPackage): boolean {
  return pkg.ownerId === user.id || canSeeEveryPackage(user);
}

/** Any role besides model owner sees every package. */
export function canSeeEveryPackage(user: StoredUser): boolean {
  return user.roles.some((role) => role !== 'model_owner');
}

/**
 * What a package's workflow state is derived from (whose turn, the clock, the steps), and what
 * gates its approval (clarifications and findings): enough for a check before a write, the
 * record, notifications, and every capability that asks only where a package stands.
 */
export interface WorkflowFacts {
  pkg: StoredPackage;
  template: WorkflowTemplate;
  versions: StoredVersionFacts[];
  decisions: Decision[];
  threads: StoredThread[];
  findings: StoredFinding[];
  /** The chain's moves after a decision, oldest first (docs/decisions/0193): a kept approval counts only where its step covered the new one. */
  chainMoves: ChainMove[];
  /**
   * Decision id to the holder a delegate signed it for, read only for a package whose chain moved:
   * the chain in force's segregation of duties judges its kept approvals by whom they stand for (0193 amendment).
   */
  delegators: ReadonlyMap<string, string>;
}

/** Also the obligations and the revalidation: what a package's summary says of its conditions and due dates. */
export interface PackageFacts extends WorkflowFacts {
  obligations: StoredObligation[];
  /** The package's latest scheduled revalidation (decision record 0114), if loaded and any. */
  revalidation?: StoredRevalidation | null;
  /** Who set the tier in effect (docs/decisions/0174), if loaded: the inbox does not await their decision (0183). */
  tierSetBy?: string[];
}

/** The ids to read facts for: every package's, when there are many (an oversight role's inventory), rather than naming a thousand ids in the query. */
const idsOf = (packages: readonly StoredPackage[]): readonly string[] | 'all' => (packages.length >= manyPackages ? 'all' : packages.map((p) => p.id));

/** Loads the packages' workflow facts in a few queries, not a few per package. */
export async function loadWorkflowFacts(tx: StoreTx, packages: readonly StoredPackage[]): Promise<WorkflowFacts[]> {
  if (packages.length === 0) return [];
  const ids = idsOf(packages);
  const [versions, decisions, templates, threads, findings, moves] = await Promise.all([tx.listVersionFacts(ids), tx.listDecisions(ids), tx.listTemplates(), tx.listThreads(ids), tx.listFindings(ids), tx.listChainMoves(ids)]);
  const templateOf = new Map(templates.map((t) => [`${t.key}@${t.version}`, t]));
  const movesOf = groupBy(moves, (m) => m.packageId);
  // Grouped once: filtering every list per package was quadratic in the inventory's size.
  const versionsOf = groupBy(versions, (v) => v.packageId);
  const decisionsOf = groupBy(decisions, (d) => d.packageId);
  const threadsOf = groupBy(threads, (t) => t.packageId);
  const findingsOf = groupBy(findings, (f) => f.packageId);
  // One more read only when some package moved: its kept approvals are judged by whom they stand for.
  const kept = decisions.filter((d) => movesOf.has(d.packageId)).map((d) => d.id);
  const delegators = new Map(kept.length === 0 ? [] : (await tx.listDecisionDelegations(kept)).map((row) => [row.decisionId, row.delegatorId]));
  return packages.map((pkg) => {
    const template = templateOf.get(`${pkg.templateKey}@${pkg.templateVersion}`);
    if (!template) throw new Error(`Template ${pkg.templateKey}@${pkg.templateVersion} of package ${pkg.id} is missing`);
    return {
      pkg,
      template,
      versions: (versionsOf.get(pkg.id) ?? []).sort((a, b) => a.number - b.number),
      decisions: (decisionsOf.get(pkg.id) ?? []).sort((a, b) => a.decidedAt.localeCompare(b.decidedAt)),
      threads: threadsOf.get(pkg.id) ?? [],
      findings: findingsOf.get(pkg.id) ?? [],
      chainMoves: (movesOf.get(pkg.id) ?? []).map((move) => chainMoveOf(move, templateOf)),
      delegators,
    };
  });
}

/** Loads what a package's summary needs (the workflow facts, the obligations and the revalidation) in a few queries. */
export async function loadPackageFacts(tx: StoreTx, packages: readonly StoredPackage[]): Promise<PackageFacts[]> {
  if (packages.length === 0) return [];
  const ids = idsOf(packages);
  const [workflow, obligations, revalidations, tier] = await Promise.all([loadWorkflowFacts(tx, packages), tx.listObligations(ids), tx.listRevalidations(ids), tx.listTierFacts(ids)]);
  const obligationsOf = groupBy(obligations, (o) => o.packageId);
  const assessmentsOf = groupBy(tier.assessments, (a) => a.packageId);
  const overridesOf = groupBy(tier.overrides, (o) => o.packageId);
  // Scheduled oldest first, so the last of each package's rows is its latest.
  const revalidationOf = new Map(revalidations.map((r) => [r.packageId, r]));
  return workflow.map((facts) => ({
    ...facts,
    obligations: obligationsOf.get(facts.pkg.id) ?? [],
    revalidation: revalidationOf.get(facts.pkg.id) ?? null,
    tierSetBy: tierSettersFrom(assessmentsOf.get(facts.pkg.id) ?? [], overridesOf.get(facts.pkg.id) ?? [], facts.pkg.ownerId),
  }));
}

/** A stored chain move with the definition it left (template versions are never deleted). */
function chainMoveOf(move: StoredChainMove, templateOf: ReadonlyMap<string, WorkflowTemplate>): ChainMove {
  const from = templateOf.get(`${move.from.key}@${move.from.version}`);
  if (!from) throw new Error(`Template ${move.from.key}@${move.from.version}, which package ${move.packageId} moved from, is missing`);
  return { seq: move.seq, at: move.at, from, ...(move.decided ? { decided: move.decided } : {}) };
}

/** From this many packages on, their facts are read for all packages and the others dropped. */
const manyPackages = 200;

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const approvedStatuses = new Set(['approved', 'approved_with_conditions']);

/** A standing approval's periodic revalidation has reached its due date (decision record 0114). */
function revalidationDue(revalidation: StoredRevalidation | null | undefined, status: string, now: Date): boolean {
  return !!revalidation && approvedStatuses.has(status) && revalidation.dueOn <= now.toISOString().slice(0, 10);
}

type WorkflowState = ReturnType<typeof deriveWorkflowState>;

/** Where a package stands now: its workflow state (the clock paused while the owner has the turn), whose turn it is, its latest version. */
export function workflowStateOf(facts: WorkflowFacts, now: Date): { state: WorkflowState; turn: ReturnType<typeof whoseTurn>; latestVersion: number } {
  const { template, versions, decisions } = facts;
  const latestVersion = versions.at(-1)?.number ?? 1;
  const derived = deriveWorkflowState(template, versions, decisions, now, facts.chainMoves, facts.delegators);
  const turn = whoseTurn(derived, facts.threads, latestVersion);
  const pause = turn.stepKey ? clockPause(decisions, facts.threads, turn.stepKey, latestVersion) : null;
  return { state: pauseClockForOwner(derived, turn, pause, now), turn, latestVersion };
}

export function summarize(facts: PackageFacts, now: Date): { summary: PackageSummary; state: WorkflowState } {
  const { pkg } = facts;
  const { state, turn, latestVersion } = workflowStateOf(facts, now);
  const current = state.currentStep;
  const summary: PackageSummary = {
    id: pkg.id,
    modelKey: pkg.modelKey,
    modelName: pkg.modelName,
    versionLabel: pkg.versionLabel,
    riskTier: pkg.riskTier,
    businessLine: pkg.businessLine,
    ownerTeam: pkg.ownerTeam,
    status: state.status,
    latestVersion,
    currentStep: current ? { key: current.key, name: current.name, role: current.role, dueAt: current.dueAt, overdue: current.overdue } : null,
    turn,
    openThreads: facts.threads.filter((t) => t.status !== 'resolved').length,
    openClarifications: facts.threads.filter((t) => t.kind === 'clarification' && t.status === 'open').length,
    reReviewDue: state.reReviewDue || revalidationDue(facts.revalidation, state.status, now),
    conditionsLapsed: conditionsLapsed(facts.obligations.filter((o) => o.versionNumber === latestVersion), now.toISOString().slice(0, 10)),
    ...(facts.revalidation && approvedStatuses.has(state.status) ? { revalidationDueOn: facts.revalidation.dueOn } : {}),
    submittedAt: pkg.createdAt,
    updatedAt: pkg.updatedAt,
    tierSetBy: facts.tierSetBy ?? [],
  };
  return { summary, state };
}

export function versionSummary(version: StoredVersionFacts, users: ReadonlyMap<string, StoredUser>): VersionSummary {
  return { number: version.number, contentHash: version.contentHash, submittedBy: toActor(users.get(version.submittedBy), version.submittedBy), submittedAt: version.submittedAt };
}

export async function usersById(tx: Pick<StoreTx, 'listUsers'>): Promise<Map<string, StoredUser>> {
  return new Map((await tx.listUsers()).map((u) => [u.id, u]));
}

/** The users named by `ids`, by id: a package's few submitters, not every account (a list that grows with the inventory). */
export async function usersNamed(tx: Pick<StoreTx, 'findUserById'>, ids: Iterable<string>): Promise<Map<string, StoredUser>> {
  const found = await Promise.all([...new Set(ids)].map((id) => tx.findUserById(id)));
  return new Map(found.filter((u): u is StoredUser => u !== null).map((u) => [u.id, u]));
}

/**
 * `governanceBlockers`: what refuses any approval of the latest version (api/risk-assessments/governance-gate.ts,
 * docs/decisions/0141); `tierSetBy`: who set the tier in effect, whom no approval of theirs is taken from (0174).
 */
export async function packageDetail(tx: StoreTx, facts: PackageFacts, now: Date, governanceBlockers: GovernanceBlocker[], tierSetBy: string[] = []): Promise<PackageDetail> {
  const { summary, state } = summarize(facts, now);
  const users = await usersNamed(tx, facts.versions.map((v) => v.submittedBy));
  return {
    ...summary,
    template: templateView(facts.template),
    steps: state.steps,
    versions: facts.versions.map((v) => versionSummary(v, users)),
    decisions: await signedDecisions(tx, facts.decisions),
    emergencyRoles: facts.template.emergencyRoles ?? [],
    approvalBlockers: await blockersOf(tx, facts, summary.latestVersion, now),
    governanceBlockers,
    tierSetBy,
  };
}

/** A package's template as its detail and its record name it. */
export function templateView(template: WorkflowTemplate): PackageDetail['template'] {
  return { key: template.key, version: template.version, name: template.name, ...(template.allowSameDeciderAcrossSteps ? { allowSameDeciderAcrossSteps: true as const } : {}) };
}

/**
 * Everything that blocks an approval of `versionNumber` now (domain/workflow/approval-gates.ts):
 * unresolved clarification requests, then the findings the template's gate names.
 */
export async function blockersOf(tx: Pick<StoreTx, 'findVersion'>, facts: WorkflowFacts, versionNumber: number, now: Date): Promise<ApprovalBlocker[]> {
  const title = await sectionTitles(tx, facts.pkg.id, versionNumber);
  return [...approvalBlockers(facts.threads, versionNumber, title), ...findingBlockers(facts.findings, versionNumber, dayOf(now), facts.template.blockingFindingSeverities, title)];
}

/** Names a section of a version by its title, as the reader sees it (its key when unknown). */
export async function sectionTitles(tx: Pick<StoreTx, 'findVersion'>, packageId: string, versionNumber: number): Promise<(key: string) => string> {
  const version = await tx.findVersion(packageId, versionNumber);
  const content = version ? (parseJson(version.canonicalContent) as PackageContent) : null;
  const titles = new Map(content?.sections.map((section) => [section.key, section.title]));
  return (key) => titles.get(key) ?? key;
}

/** Decisions with their signed evidence; a decision without any shows `signature: null`. */
export async function signedDecisions(tx: StoreTx, decisions: readonly Decision[]): Promise<SignedDecision[]> {
  const rows = await tx.listDecisionSignatures(decisions.map((d) => d.id));
  const byId = new Map(rows.map((row) => [row.decisionId, decisionSignatureSchema.parse(parseJson(row.signature))]));
  // A decision signed by a delegate names whose role it was signed in.
  const delegated = await tx.listDecisionDelegations(decisions.map((d) => d.id));
  const users = delegated.length > 0 ? await usersById(tx) : new Map<string, StoredUser>();
  const onBehalfOf = new Map(delegated.map((row) => [row.decisionId, { delegationId: row.delegationId, delegator: toActor(users.get(row.delegatorId), row.delegatorId) }]));
  return decisions.map((decision) => ({ ...decision, signature: byId.get(decision.id) ?? null, onBehalfOf: onBehalfOf.get(decision.id) ?? null }));
}
