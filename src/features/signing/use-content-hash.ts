import { useQuery } from '@tanstack/react-query';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { contentHash } from '#domain/package/content-hash.ts';

const contentIds = new WeakMap<PackageContent, number>();
let lastContentId = 0;

/**
 * Which content object the hash is of. A version read again with the same content keeps its
 * object (the query client shares equal data), so its hash is not computed again; one read
 * again with other content under the same number is a new object and is hashed again. Keyed by
 * package and number alone, a server that changed a version's content after the first read
 * would have the dialog show the new content while the signature carried the old hash.
 */
function contentIdentity(content: PackageContent): number {
  let id = contentIds.get(content);
  if (id === undefined) {
    lastContentId += 1;
    id = lastContentId;
    contentIds.set(content, id);
  }
  return id;
}

/** The SHA-256 of exactly the content on screen, computed in this browser. */
export function useContentHash(packageId: string, versionNumber: number, content: PackageContent) {
  return useQuery({
    queryKey: ['signing', 'content-hash', packageId, versionNumber, contentIdentity(content)],
    queryFn: () => contentHash(content),
    staleTime: Infinity,
    gcTime: 60_000,
  });
}
