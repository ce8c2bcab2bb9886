// What the load generator sends: reviewers reading package versions, and signers deciding,
// each decision as the sign dialog makes it (a nonce, then the payload signed by password).
import { decisionMeanings } from '#domain/contracts/decisions.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { signingPayloadType, type SignedGovernance, type SigningPayload } from '#domain/contracts/signatures.ts';
import { runLoad, type LoadRequest, type LoadResult } from './autocannon.ts';
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
  /** One per instance loaded. */
  results: LoadResult[];
  /** Decisions signed (201) during the run. */
  decisions: number;
  /** From asking for the nonce to the signed decision, per decision, ms. */
  latencies: number[];
  /** Refusals by status, with one example each. */
  refused: Map<number, { count: number; example: string }>;
  /** True when the queue ran dry: then the run measured less than it could. */
  exhausted: boolean;
}

/**
 * Signers approve the active step of packages taken from `queue`; a package goes back to
 * the end of it once its step is signed, so no two connections ever decide on the same
 * package at once (that would be a conflict, not load). Shared across runs and instances.
 */
export async function decisionLoad(options: { origins: readonly string[]; signers: readonly Session[]; queue: { target: DecisionTarget; step: number; signerOffset?: number }[]; connections: number; seconds: number; password: string }): Promise<DecisionRun> {
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

  const requestsFor = (origin: string): LoadRequest[] => {
    const headers = { 'content-type': 'application/json', origin };
    return [
      {
        method: 'POST',
        path: '/api/signing/nonces',
        setupRequest: (request, context) => {
          const item = queue.shift();
          if (!item) {
            // Autocannon cannot skip its first request: a harmless read stands in.
            exhausted = true;
            return { ...request, method: 'GET', path: '/api/session', headers: { ...request.headers, cookie: signers[0]?.cookie ?? '' }, body: '' };
          }
          // Segregation of duties: one person decides one step of a package, so a package's
          // steps go to consecutive signers from the one its first step got.
          item.signerOffset ??= signerTurn++;
          const signer = signers[(item.signerOffset + item.step) % signers.length];
          if (!signer) throw new Error('No signers');
          context.item = item;
          context.signer = signer;
          context.startedAt = performance.now();
          return { ...request, headers: { ...request.headers, ...headers, cookie: signer.cookie }, body: JSON.stringify({ packageId: item.target.packageId }) };
        },
        onResponse: (status, body, context) => {
          const item = context.item as (typeof queue)[number] | undefined;
          if (!item) return;
          if (status === 201) {
            context.nonce = JSON.parse(body) as { nonce: string; issuedAt: string };
            return;
          }
          refuse(status, body);
          queue.push(item);
        },
      },
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const item = context.item as (typeof queue)[number] | undefined;
          const nonce = context.nonce as { nonce: string; issuedAt: string } | undefined;
          const signer = context.signer as Session | undefined;
          const step = item?.target.steps[item.step];
          if (!item || !nonce || !signer || !step) return null;
          const payload = approvalPayload(item.target, step, signer.user, nonce);
          return { ...request, path: `/api/packages/${item.target.packageId}/decisions`, headers: { ...request.headers, ...headers, cookie: signer.cookie }, body: JSON.stringify({ payload, authentication: { method: 'password', password: options.password } }) };
        },
        onResponse: (status, body, context) => {
          const item = context.item as (typeof queue)[number] | undefined;
          if (!item) return;
          if (status !== 201) return refuse(status, body);
          decisions += 1;
          latencies.push(performance.now() - (context.startedAt as number));
          if (item.step + 1 < item.target.steps.length) queue.push({ target: item.target, step: item.step + 1, signerOffset: item.signerOffset });
        },
      },
    ];
  };

  // One load generator per instance, the connections split between them, run side by side.
  const share = Math.max(1, Math.round(options.connections / options.origins.length));
  const results = await Promise.all(options.origins.map((origin) => runLoad({ url: origin, connections: share, duration: options.seconds, requests: requestsFor(origin) })));
  return { results, decisions, latencies, refused, exhausted };
}
