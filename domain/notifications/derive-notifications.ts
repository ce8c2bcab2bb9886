import type { AuditEvent } from '../contracts/audit-events.ts';
import { requiredSections } from '../contracts/package-content.ts';
import type { Decision } from '../contracts/decisions.ts';
import type { NotificationKind } from '../contracts/notifications.ts';
import { packageStatusLabels, type PackageStatus } from '../contracts/packages.ts';
import type { Role } from '../contracts/roles.ts';
import type { ThreadKind } from '../contracts/threads.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { deriveWorkflowState, type VersionFacts } from '../workflow/derive-state.ts';
import type { ChainMove } from '../workflow/kept-decisions.ts';

// Notifications are a pure function of the audit log and the packages' workflow facts: the
// server and the mocks call this one function, so they cannot disagree about who is told what.

export interface NotificationPackage {
  id: string;
  modelName: string;
  versionLabel: string;
  ownerId: string;
  template: WorkflowTemplate;
  versions: readonly VersionFacts[];
  decisions: readonly Decision[];
  threads: readonly { id: string; kind: ThreadKind; sectionKey: string; versionNumber: number; createdBy: { id: string } }[];
  /** The chain's moves after a decision (0193): a step a kept approval no longer satisfies is active again. */
  chainMoves?: readonly ChainMove[];
}

/** An audit entry, parsed. */
export interface LoggedEvent {
  seq: number;
  at: string;
  actorId: string | null;
  event: AuditEvent;
}

export interface DerivedNotification {
  id: string;
  seq: number;
  kind: NotificationKind;
  packageId: string;
  modelName: string;
  text: string;
  at: string;
  link: string;
}

export interface NotificationInputs {
  user: { id: string; roles: readonly Role[] };
  /** Only the packages the user may see: nothing is derived about the others. */
  packages: readonly NotificationPackage[];
  /** Audit entries in any order; those about other packages are ignored. */
  events: readonly LoggedEvent[];
  /** Display names, for "Dana Whitfield rejected…". */
  names: ReadonlyMap<string, string>;
}

/** The audit actions a notification can come from; the server reads only these. */
export const notificationSources = ['package.submitted', 'package.version_submitted', 'decision.signed', 'thread.opened', 'thread.message_added', 'package.re_review_due', 'finding.raised', 'finding.due_reminder', 'monitoring.alert_received', 'obligation.opened', 'obligation.transitioned', 'obligation.lapsed', 'policy.rechecked', 'package.chain_changed'] as const satisfies readonly AuditEvent['action'][];

/** Every notification for the user, newest first. A user is never notified of their own acts. */
export function deriveNotifications({ user, packages, events, names }: NotificationInputs): DerivedNotification[] {
  const byPackage = new Map<string, LoggedEvent[]>();
  for (const entry of [...events].sort((a, b) => a.seq - b.seq)) {
    const list = byPackage.get(entry.event.subject);
    if (list) list.push(entry);
    else byPackage.set(entry.event.subject, [entry]);
  }
  const out: DerivedNotification[] = [];
  for (const pkg of packages) {
    const entries = byPackage.get(pkg.id) ?? [];
    // The replay needs every entry; what the user did themselves is then left out.
    const own = new Set(entries.filter((e) => e.actorId === user.id).map((e) => e.seq));
    out.push(...stepActivations(pkg, entries, user).filter((n) => !own.has(n.seq)));
    const context: EntryContext = { user, names, obligationOwners: obligationOwners(entries) };
    for (const entry of entries) {
      if (own.has(entry.seq)) continue;
      const found = fromEntry(pkg, entry, context);
      if (found) out.push(found);
    }
  }
  return out.sort((a, b) => b.seq - a.seq || a.kind.localeCompare(b.kind));
}

function notification(pkg: NotificationPackage, entry: LoggedEvent, kind: NotificationKind, text: string, link: string): DerivedNotification {
  return { id: `${entry.seq}-${kind}`, seq: entry.seq, kind, packageId: pkg.id, modelName: pkg.modelName, text, at: entry.at, link };
}

const approvedStatuses: ReadonlySet<PackageStatus> = new Set(['approved', 'approved_with_conditions', 'emergency_approved']);

const packageLink = (pkg: NotificationPackage) => `/packages/${encodeURIComponent(pkg.id)}`;
const threadLink = (pkg: NotificationPackage, thread: { id: string; versionNumber: number }) => `${packageLink(pkg)}?version=${thread.versionNumber}#thread-${encodeURIComponent(thread.id)}`;
const title = (pkg: NotificationPackage) => `${pkg.modelName} ${pkg.versionLabel}`;
const findingLink = (pkg: NotificationPackage, findingId: string) => `${packageLink(pkg)}/findings#finding-${encodeURIComponent(findingId)}`;

const requiredTitles: ReadonlyMap<string, string> = new Map(requiredSections.map((section) => [section.key, section.title]));

/** A section as people name it: its title (“Subgroup fairness”), never its key (subgroup_fairness). */
function sectionName(key: string): string {
  const words = key.replaceAll('_', ' ');
  return `“${requiredTitles.get(key) ?? words.charAt(0).toUpperCase() + words.slice(1)}”`;
}

/**
 * "Your step is now active": replays the package's submissions and signed decisions in log
 * order through the workflow rules, and notes each entry after which a different step (or
 * the same step, in a new round) became the active one.
 */
function stepActivations(pkg: NotificationPackage, entries: readonly LoggedEvent[], user: NotificationInputs['user']): DerivedNotification[] {
  const out: DerivedNotification[] = [];
  let versionsKnown = 0;
  const decided = new Set<string>();
  // Whom each delegate's decision stands for, as its entry says: the kept approvals' segregation (0193 amendment).
  const delegators = new Map<string, string>();
  let activeBefore: string | null = null;
  let statusBefore: string | null = null;
  for (const entry of entries) {
    const { event } = entry;
    if (event.action === 'package.submitted') versionsKnown = Math.max(versionsKnown, event.after.version);
    else if (event.action === 'package.version_submitted') versionsKnown = Math.max(versionsKnown, event.after.version);
    else if (event.action === 'decision.signed') {
      decided.add(event.after.decision);
      if (event.after.onBehalfOf) delegators.set(event.after.decision, event.after.onBehalfOf.delegator);
    }
    // A stricter tier moved the package to its chain (0167): a step it adds may be active now.
    else if (event.action !== 'package.chain_changed') continue;
    const versions = pkg.versions.filter((v) => v.number <= versionsKnown);
    if (versions.length === 0) continue;
    // The chain in force at the entry: the one the next move left, else the package's (0193).
    const moves = [...(pkg.chainMoves ?? [])].sort((a, b) => a.seq - b.seq);
    const template = moves.find((m) => m.seq > entry.seq)?.from ?? pkg.template;
    const state = deriveWorkflowState(template, versions, pkg.decisions.filter((d) => decided.has(d.id)), new Date(entry.at), moves.filter((m) => m.seq <= entry.seq), delegators);
    const active = state.steps.find((s) => s.status === 'active') ?? null;
    if (active && active.key !== activeBefore && user.roles.includes(active.role)) {
      out.push(notification(pkg, entry, 'step_active', `Your step, ${active.name}, is now active on ${title(pkg)}: your decision is needed.`, packageLink(pkg)));
    }
    activeBefore = active?.key ?? null;
    // "Your package was decided": the owner hears when it is approved (a rejection is its own notification).
    if (approvedStatuses.has(state.status) && state.status !== statusBefore && pkg.ownerId === user.id) {
      out.push(notification(pkg, entry, 'package_approved', `${title(pkg)} was decided: ${packageStatusLabels[state.status]}.`, packageLink(pkg)));
    }
    statusBefore = state.status;
  }
  return out;
}

interface EntryContext {
  user: NotificationInputs['user'];
  names: ReadonlyMap<string, string>;
  /** Who owes each obligation of the package, from its `obligation.opened` entry. */
  obligationOwners: ReadonlyMap<string, { owner: string; position: number }>;
}

function obligationOwners(entries: readonly LoggedEvent[]): Map<string, { owner: string; position: number }> {
  const out = new Map<string, { owner: string; position: number }>();
  for (const { event } of entries) if (event.action === 'obligation.opened') out.set(event.after.obligation, { owner: event.after.owner, position: event.after.position });
  return out;
}

const obligationLink = (pkg: NotificationPackage, obligationId: string) => `${packageLink(pkg)}#obligation-${encodeURIComponent(obligationId)}`;

/** An obligation's owner hears when it is assigned to them, when their fulfilment is sent back, and when it lapses. */
function fromObligationEntry(pkg: NotificationPackage, entry: LoggedEvent, { user, names, obligationOwners: owners }: EntryContext): DerivedNotification | null {
  const { event } = entry;
  const actor = (entry.actorId !== null ? names.get(entry.actorId) : undefined) ?? 'Someone';
  if (event.action === 'obligation.opened' && event.after.owner === user.id) {
    return notification(pkg, entry, 'obligation_assigned', `${actor} approved ${title(pkg)} with conditions and named you the owner of condition ${event.after.position + 1}, due ${event.after.dueOn}.`, obligationLink(pkg, event.after.obligation));
  }
  if (event.action === 'obligation.transitioned' && event.before.status === 'fulfilment_recorded' && event.after.status === 'open') {
    const owed = owners.get(event.after.obligation);
    if (owed?.owner !== user.id) return null;
    return notification(pkg, entry, 'obligation_sent_back', `${actor} sent back your fulfilment of condition ${owed.position + 1} of ${title(pkg)}: “${event.after.note}”`, obligationLink(pkg, event.after.obligation));
  }
  if (event.action === 'obligation.lapsed' && event.after.owner === user.id) {
    const position = owners.get(event.after.obligation)?.position;
    return notification(pkg, entry, 'obligation_lapsed', `${position === undefined ? 'A condition' : `Condition ${position + 1}`} of the approval of ${title(pkg)}, which you owe, lapsed: it was due ${event.after.dueOn}, and the approval is under re-review.`, obligationLink(pkg, event.after.obligation));
  }
  return null;
}

function fromEntry(pkg: NotificationPackage, entry: LoggedEvent, context: EntryContext): DerivedNotification | null {
  const { user, names } = context;
  const { event } = entry;
  if (event.action.startsWith('obligation.')) return fromObligationEntry(pkg, entry, context);
  const actor = (entry.actorId !== null ? names.get(entry.actorId) : undefined) ?? 'Someone';
  const owner = pkg.ownerId === user.id;
  if (event.action === 'decision.signed' && event.after.kind === 'reject' && owner) {
    const step = pkg.template.steps.find((s) => s.key === event.after.step)?.name ?? event.after.step;
    return notification(pkg, entry, 'package_rejected', `${actor} rejected version ${event.after.version} of ${title(pkg)} at ${step}.`, packageLink(pkg));
  }
  if (event.action === 'thread.opened' && event.after.kind === 'clarification' && owner) {
    const thread = pkg.threads.find((t) => t.id === event.after.thread);
    if (!thread) return null;
    return notification(pkg, entry, 'clarification_requested', `${actor} asked for a clarification on the ${sectionName(thread.sectionKey)} section of ${title(pkg)}.`, threadLink(pkg, thread));
  }
  if (event.action === 'thread.message_added' && entry.actorId === pkg.ownerId) {
    const thread = pkg.threads.find((t) => t.id === event.after.thread);
    if (!thread || thread.kind !== 'clarification' || thread.createdBy.id !== user.id) return null;
    return notification(pkg, entry, 'clarification_answered', `${actor} answered your clarification request on the ${sectionName(thread.sectionKey)} section of ${title(pkg)}.`, threadLink(pkg, thread));
  }
  // Written by the server's sweep (no actor): the owner and whoever holds the step's role are
  // told, whether or not they were the ones who approved.
  if (event.action === 'package.re_review_due' && (owner || user.roles.includes(event.after.role))) {
    const step = pkg.template.steps.find((s) => s.key === event.after.step)?.name ?? event.after.step;
    return notification(pkg, entry, 're_review_due', `Re-review of ${title(pkg)} is due: the ${step} approval with conditions of version ${event.after.version} reached its re-review date, ${event.after.reReviewOn}.`, packageLink(pkg));
  }
  // A monitoring alert (no actor): the owner and the approving roles hear that the approval is under re-review.
  if (event.action === 'monitoring.alert_received' && (owner || event.after.roles.some((role) => user.roles.includes(role)))) {
    const { metric, value, threshold, source } = event.after;
    return notification(pkg, entry, 'monitoring_alert', `${source} reported ${metric} ${value} against threshold ${threshold} on ${title(pkg)}: version ${event.after.version}'s approval is under re-review.`, findingLink(pkg, event.after.finding));
  }
  // A policy version published for packages in review changed the check of the owner's package (docs/decisions/0150).
  // A version never checked before (`before` null, 0158) went from no check to one: always a change.
  if (event.action === 'policy.rechecked' && owner && (!event.before || event.before.outcome !== event.after.outcome || event.before.blocking !== event.after.blocking)) {
    const { before } = event;
    const { key, version, outcome, blocking } = event.after;
    const now = outcome === 'pass' ? 'it now meets every blocking requirement' : `${blocking} blocking requirement${blocking === 1 ? ' is' : 's are'} not met, and approval is blocked until a resubmission meets ${blocking === 1 ? 'it' : 'them'}`;
    const was = before ? `before, against version ${before.version}: ${before.blocking} not met` : 'before, it had not been checked against a policy';
    return notification(pkg, entry, 'policy_rechecked', `Policy ${key} version ${version} checked version ${event.after.packageVersion} of ${title(pkg)} again: ${now} (${was}).`, packageLink(pkg));
  }
  // A finding's owner hears when it is assigned to them, and (from the server's sweep) when it falls due.
  if (event.action === 'finding.raised' && event.after.owner === user.id) {
    return notification(pkg, entry, 'finding_assigned', `${actor} raised a ${event.after.severity} finding on ${title(pkg)} and named you its owner: “${event.after.title}”, due ${event.after.dueDate}.`, findingLink(pkg, event.after.finding));
  }
  if (event.action === 'finding.due_reminder' && event.after.owner === user.id) {
    const when = event.after.stage === 'overdue' ? `is overdue: it was due ${event.after.dueDate}` : `is due ${event.after.dueDate}`;
    return notification(pkg, entry, 'finding_due', `Your finding on ${title(pkg)}, “${event.after.title}”, ${when}.`, findingLink(pkg, event.after.finding));
  }
  return null;
}
