// What the load generator sends: reviewers reading package versions (autocannon), and signers
// deciding, each decision as the sign dialog makes it (a nonce, then the payload signed by password).
import { decisionMeanings } from '#domain/contracts/decisions.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { signingPayloadType, type SignedGovernance, type SigningPayload } from '#domain/contracts/signatures.ts';
import { runLoad, type LoadResult } from './autocannon.ts';
import type { InventoryPlan } from './generate-inventory.ts';
import { plannedGovernance } from './inventory-governance.ts';

export interface Session {
  cookie: string;
  user: { id: string; displayName: string; title: string };
}

export async function signIn(origin: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`${email} could not sign in: HTTP ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const body = (await response.json()) as { user: Session['user'] };
  return { cookie, user: body.user };
}

/** Every version of every package in the inventory, as GET paths. */
export function versionPaths(plan: InventoryPlan): string[] {
  return plan.packages.flatMap((pkg) => pkg.versions.map((_, index) => `/api/packages/${pkg.id}/versions/${index + 1}`));
}

/** Reads versions round-robin over `paths`, as one reviewer's session on many connections. */
export function readLoad(options: { origin: string; cookie: string; paths: readonly string[]; connections: number; seconds: number }): Promise<LoadResult> {
  let next = 0;
  const { paths } = options;
  return runLoad({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    headers: { cookie: options.cookie },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }],
  });
}

/** A package still waiting on a step, with the steps left to decide, in order. */
export interface DecisionTarget {
  packageId: string;
  versionNumber: number;
  contentHash: string;
  steps: { key: string; role: Role }[];
  /** What the decision is signed under (decision record 0107): the latest version's policy check and the package's assessment, as the server stored them. */
  governance: SignedGovernance;
}

/** The inventory's packages that still wait on a step: every step left is one decision. */
export async function decisionTargets(plan: InventoryPlan): Promise<DecisionTarget[]> {
  const targets = await Promise.all(
    plan.packages.map(async (pkg) => {
      const latest = pkg.versions.at(-1);
      const steps = pkg.steps.slice(pkg.approvedSteps).map((step) => ({ key: step.key, role: step.role }));
      if (!latest || steps.length === 0) return [];
      return [{ packageId: pkg.id, versionNumber: pkg.versions.length, contentHash: latest.prepared.contentHash, steps, governance: await plannedGovernance(latest.evaluation, pkg.assessment) }];
    }),
  );
  return targets.flat();
}

/** The approval of `step` a signer sends: the version, the step, the nonce, and what it is signed under. */
export function approvalPayload(target: DecisionTarget, step: DecisionTarget['steps'][number], signer: Session['user'], nonce: { nonce: string; issuedAt: string }): SigningPayload {
  return {
    type: signingPayloadType,
    packageId: target.packageId,
    versionNumber: target.versionNumber,
    contentHash: target.contentHash,
    stepKey: step.key,
    role: step.role,
    decision: 'approve',
    meaning: decisionMeanings.approve,
    reason: 'Reviewed under load; no findings.',
    conditions: null,
    concerns: [],
    signer,
    nonce: nonce.nonce,
    issuedAt: nonce.issuedAt,
    governance: target.governance,
  };
}

export interface DecisionRun {
  /** From the start until the last decision started in the run was answered, seconds. */
  seconds: number;
  /** Decisions signed (201) during the run. */
  decisions: number;
  /** From asking for the nonce to the signed decision, per decision, ms. */
  latencies: number[];
  /** Refusals by status (0: no answer, the request failed), with one example each. */
  refused: Map<number, { count: number; example: string }>;
  /** True when the queue ran dry: then the run measured less than it could. */
  exhausted: boolean;
}

type QueueItem = { target: DecisionTarget; step: number; signerOffset?: number };

/**
 * Signers approve the active step of packages taken from `queue`; a package goes back to
 * the end of it once its step is signed, so no two connections ever decide on the same
 * package at once (that would be a conflict, not load). Shared across runs and instances.
 *
 * Each connection is a closed loop (nonce, then decision, then the next package) that starts
 * no new decision after `seconds` but waits for the one it started: a decision costs a scrypt
 * re-authentication and a transaction, seconds apart at 20 connections on two cores, and a
 * load generator stopped on the clock (as autocannon is) left them unanswered, neither signed
 * nor refused, and still running on the server into the next run (0188).
 */
export async function decisionLoad(options: { origins: readonly string[]; signers: readonly Session[]; queue: QueueItem[]; connections: number; seconds: number; password: string }): Promise<DecisionRun> {
  const { queue, signers } = options;
  const latencies: number[] = [];
  const refused = new Map<number, { count: number; example: string }>();
  const refuse = (status: number, body: string) => {
    const seen = refused.get(status);
    if (seen) seen.count += 1;
    else refused.set(status, { count: 1, example: body.slice(0, 300) });
  };
  let decisions = 0;
  let exhausted = false;
  let signerTurn = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const post = async (origin: string, path: string, cookie: string, body: unknown) => {
    const response = await fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, cookie }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.text() };
  };
  const decide = async (origin: string, item: QueueItem): Promise<void> => {
    // Segregation of duties: one person decides one step of a package, so a package's
    // steps go to consecutive signers from the one its first step got.
    item.signerOffset ??= signerTurn++;
    const signer = signers[(item.signerOffset + item.step) % signers.length];
    const step = item.target.steps[item.step];
    if (!signer || !step) throw new Error('No signers, or no step left');
    const startedAt = performance.now();
    const nonce = await post(origin, '/api/signing/nonces', signer.cookie, { packageId: item.target.packageId });
    if (nonce.status !== 201) {
      refuse(nonce.status, nonce.body);
      queue.push(item);
      return;
    }
    const payload = approvalPayload(item.target, step, signer.user, JSON.parse(nonce.body) as { nonce: string; issuedAt: string });
    const decided = await post(origin, `/api/packages/${item.target.packageId}/decisions`, signer.cookie, { payload, authentication: { method: 'password', password: options.password } });
    if (decided.status !== 201) return refuse(decided.status, decided.body);
    decisions += 1;
    latencies.push(performance.now() - startedAt);
    if (item.step + 1 < item.target.steps.length) queue.push({ target: item.target, step: item.step + 1, signerOffset: item.signerOffset });
  };
  const connection = async (origin: string) => {
    while (performance.now() < deadline) {
      const item = queue.shift();
      if (!item) {
        exhausted = true;
        return;
      }
      await decide(origin, item).catch((error: unknown) => refuse(0, String(error)));
    }
  };

  // The connections spread over the instances, all running side by side.
  await Promise.all(Array.from({ length: options.connections }, (_, i) => connection(options.origins[i % options.origins.length] ?? '')));
  return { seconds: (performance.now() - started) / 1000, decisions, latencies, refused, exhausted };
}
