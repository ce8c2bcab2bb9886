import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Section } from '#domain/contracts/sections.ts';
import type { RequestContext } from '../kernel/context.ts';
import { problems } from '../kernel/problems.ts';
import type { StoredPackage, StoredUser, StoreTx } from '../store/store.ts';
import { canSeePackage, loadWorkflowFacts, workflowStateOf } from './views.ts';
import { auditDenied } from '../denials/denials.ts';
import { conversationLock, versionLock, type LockFacts } from '#domain/workflow/version-lock.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// Who may see a package and whether it still takes changes: the checks every capability that
// touches a package starts with (the 404 for a package the caller may not see is audited).

export function signedIn(ctx: RequestContext): StoredUser {
  if (!ctx.user) throw problems.unauthenticated();
  return ctx.user;
}

/** The package if the caller may see it; a denied look is audited and answered 404. */
export async function seePackage(ctx: RequestContext, id: string): Promise<StoredPackage> {
  const pkg = await ctx.deps.store.findPackage(id);
  if (pkg && ctx.user && canSeePackage(ctx.user, pkg)) return pkg;
  if (pkg) await auditDenied(ctx, 'package belongs to another owner');
  throw problems.notFound(`No package ${id} that you can see.`);
}

/** The package's owner team: its owner and whoever submitted one of its versions (findings and obligations are owed by them). */
export async function ownerTeamOf(tx: StoreTx, pkg: StoredPackage): Promise<Set<string>> {
  return new Set([pkg.ownerId, ...(await tx.listVersionFacts([pkg.id])).map((v) => v.submittedBy)]);
}

/**
 * A version is decided once its review round ended: rejected, or approved through the whole
 * chain. Its annotations and review marks are then part of the record and can no longer change.
 */
export async function assertNotDecided(tx: StoreTx, pkg: StoredPackage, versionNumber: number, now: Date): Promise<void> {
  const lock = versionLock(await lockFacts(tx, pkg, now), versionNumber);
  if (lock) throw problems.conflict(lock);
}

/** Threads carry over to the latest version: their conversations close when it is decided. */
export async function assertConversationOpen(tx: StoreTx, pkg: StoredPackage, now: Date): Promise<void> {
  const lock = conversationLock(await lockFacts(tx, pkg, now));
  if (lock) throw problems.conflict(lock);
}

async function lockFacts(tx: StoreTx, pkg: StoredPackage, now: Date): Promise<LockFacts> {
  const [facts] = await loadWorkflowFacts(tx, [pkg]);
  if (!facts) throw problems.notFound(`No package ${pkg.id}.`);
  const { state } = workflowStateOf(facts, now);
  return { status: state.status, latestVersion: facts.versions.at(-1)?.number ?? 0, decisions: facts.decisions };
}

export async function sectionOf(tx: StoreTx, packageId: string, versionNumber: number, sectionKey: string, pointer: string): Promise<Section> {
  const version = await tx.findVersion(packageId, versionNumber);
  if (!version) throw problems.validation([{ pointer: '/versionNumber', message: `Package ${packageId} has no version ${versionNumber}` }]);
  // Stored content was validated when it was submitted; it is read back, not re-validated.
  const content = parseJson(version.canonicalContent) as PackageContent;
  const section = content.sections.find((s) => s.key === sectionKey);
  if (!section) throw problems.validation([{ pointer, message: `Version ${versionNumber} has no section "${sectionKey}"` }]);
  return section;
}

export function actorOf(user: StoredUser) {
  return { id: user.id, displayName: user.displayName, title: user.title };
}
