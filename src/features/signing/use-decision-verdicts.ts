import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import type { DecisionVerdict } from '#domain/contracts/signatures.ts';
import { contentHash } from '#domain/package/content-hash.ts';
import { verifyDecisionSignature } from '#domain/signing/verify-decision.ts';
import { versionQueryOptions } from '../../lib/get-version.ts';
import { serverKeysQueryOptions } from './api/get-server-keys.ts';

/**
 * Every decision of a package verified here, in the browser, not taken from the server:
 * the content hash recomputed from the version as delivered, the passkey assertion against
 * the recomputed challenge, the countersignature against the published keys. One query per
 * package and set of decisions, shared by every badge on the page.
 */
export function useDecisionVerdicts(pkg: Pick<PackageDetail, 'id' | 'decisions'>) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['signing', 'verdicts', pkg.id, pkg.decisions.map((d) => d.id).join(',')] as const,
    queryFn: async (): Promise<Map<string, DecisionVerdict>> => {
      const keys = await queryClient.query(serverKeysQueryOptions());
      const hashes = new Map<number, Promise<string | null>>();
      const hashOf = (n: number) => {
        let pending = hashes.get(n);
        if (!pending) {
          pending = queryClient.query(versionQueryOptions(pkg.id, n)).then((version) => contentHash(version.content), () => null);
          hashes.set(n, pending);
        }
        return pending;
      };
      const verdicts = await Promise.all(
        pkg.decisions.map(async (decision) =>
          verifyDecisionSignature({ decision, signature: decision.signature, recomputedContentHash: await hashOf(decision.versionNumber), serverKeys: keys, expectedOrigin: window.location.origin, expectedRpId: window.location.hostname }),
        ),
      );
      return new Map(verdicts.map((verdict) => [verdict.decisionId, verdict]));
    },
    staleTime: Infinity,
  });
}
