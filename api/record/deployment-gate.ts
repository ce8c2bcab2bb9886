import { judgeDeployment } from '#domain/evidence/deployment-gate.ts';
import { recordOutcome, verifyRecordText } from '#domain/evidence/verify-record.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { GateVerdictView } from '#domain/contracts/registries.ts';
import type { RequestContext } from '../kernel/context.ts';
import { ApiError, problems } from '../kernel/problems.ts';
import { auditDenied } from '../denials/denials.ts';
import { seePackage, signedIn } from '../package-access/package-access.ts';
import { currentServerKey, historyKeys } from '../signing/server-key.ts';
import { buildRecord } from './handlers.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { recordRoutes } from './routes.ts';

// GET /api/gate: `npm run gate` as an HTTP endpoint for CI/CD. The server builds the model
// version's approval record exactly as GET /api/packages/{id}/record exports it, verifies those
// bytes with the verifier every reader uses, pinned to the server's own signing keys (read from
// its key file, never the database), and applies the same rule (judgeDeployment): approved, not
// lapsed, in scope. It reads no registry tag. A caller who cannot see the package learns only
// that there is no record for them.

export interface GateAsk {
  model: string;
  version: string;
  scope?: string | undefined;
}

function scopePairs(scope: string | undefined): { key: string; value: string }[] {
  if (!scope) return [];
  return scope.split(',').map((pair) => {
    const at = pair.indexOf('=');
    return { key: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
  });
}

export async function judgeGate(ctx: RequestContext, ask: GateAsk): Promise<GateVerdictView> {
  const user = signedIn(ctx);
  const { store, now } = ctx.deps;
  // A pipeline's token asks about its own model only.
  if (ctx.apiToken && ctx.apiToken.modelKey !== ask.model) {
    await auditDenied(ctx, `API token ${ctx.apiToken.id} is scoped to model ${ctx.apiToken.modelKey}`);
    throw problems.forbidden(`This token is scoped to model ${ctx.apiToken.modelKey}.`);
  }
  const noRecord: GateVerdictView = { pass: false, line: `NO RECORD: no package for ${ask.model} ${ask.version} that you can see`, packageId: null, recordSha256: null };
  const found = await store.findPackageByModelVersion(ask.model, ask.version);
  if (!found) return noRecord;
  let pkg;
  try {
    pkg = await seePackage(ctx, found.id);
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) return noRecord;
    throw error;
  }
  const record = await buildRecord(ctx, pkg, user);
  const pins = historyKeys((await currentServerKey(store, now)).history).map((key) => ({ publicKey: key.publicKey }));
  const verdict = await verifyRecordText(record.bytes, { trustedKeys: pins });
  const failed = verdict.checks.find((check) => !check.ok);
  const today = now().toISOString().slice(0, 10);
  const judged = judgeDeployment(recordOutcome(verdict), verdict, failed ? `${failed.label}: ${failed.detail}` : null, { modelKey: ask.model, versionLabel: ask.version, scope: scopePairs(ask.scope), today });
  return { pass: judged.pass, line: judged.line, packageId: pkg.id, recordSha256: await sha256Hex(record.bytes) };
}

export const deploymentGate = defineHandler(recordRoutes.deploymentGate, async (ctx, { query }) => ({ status: 200, body: await judgeGate(ctx, query) }));
