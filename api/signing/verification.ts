import { sha256Hex } from '#domain/crypto/sha256.ts';
import { verifyDecisionSignature } from '#domain/signing/verify-decision.ts';
import { signingRoutes as routes } from './routes.ts';
import { currentServerKey, publishedKeyHistory, publishedKeys } from './server-key.ts';
import { signedDecisions } from '../package-access/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { seePackage } from '../package-access/package-access.ts';

export const serverKeys = defineHandler(routes.serverKeys, async (ctx) => {
  // From the signed key history the server loaded from its key file, never from the database;
  // with the PDF record's document certificate, which a key of that history issued (0119).
  const published = await publishedKeyHistory(ctx.deps.store, ctx.deps.now);
  const { recordPdf } = ctx.deps;
  if (!recordPdf) return { status: 200, body: published };
  const certificate = await recordPdf.certificates(await currentServerKey(ctx.deps.store, ctx.deps.now));
  return { status: 200, body: { ...published, documentCertificates: [certificate] } };
});

/**
 * The server's verdict on every decision of a package, computed as the browser computes
 * it: the content hash again from the stored canonical bytes, the passkey assertion
 * against the recomputed challenge, and the countersignature against the published keys.
 */
export const verifyPackage = defineHandler(routes.verifyPackage, async (ctx, { params }) => {
  const pkg = await seePackage(ctx, params.id);
  const { store } = ctx.deps;
  const decisions = await signedDecisions(store, await store.listDecisions([pkg.id]));
  const keys = await publishedKeys(store, ctx.deps.now);
  const hashes = new Map<number, string | null>();
  for (const n of new Set(decisions.map((d) => d.versionNumber))) {
    const version = await store.findVersion(pkg.id, n);
    hashes.set(n, version ? await sha256Hex(version.canonicalContent) : null);
  }
  const verdicts = await Promise.all(
    decisions.map((decision) =>
      verifyDecisionSignature({ decision, signature: decision.signature, recomputedContentHash: hashes.get(decision.versionNumber) ?? null, serverKeys: keys, expectedOrigin: ctx.origin, expectedRpId: new URL(ctx.origin).hostname }),
    ),
  );
  return { status: 200, body: { packageId: pkg.id, checkedAt: ctx.deps.now().toISOString(), decisions: verdicts } };
});
