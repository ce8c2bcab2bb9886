import { canonicalize } from '../json/canonicalize.ts';
import { sha256Hex } from '../crypto/sha256.ts';

// A reviewed mark is about a section's content, not its version number: as code-review tools
// keep a file "viewed" until it changes, a new version takes over the marks of the version
// before on every section whose canonical hash is unchanged, and drops them where it changed.

export interface ReviewMark {
  versionNumber: number;
  sectionKey: string;
  reviewer: { id: string };
  /** The version the mark was first made on, when it was carried over; null when made on this one. */
  carriedFrom?: number | null;
}

/** A version's sections by key, with the SHA-256 of each section's RFC 8785 canonical JSON. */
export async function sectionHashes(sections: readonly { key: string }[]): Promise<Map<string, string>> {
  return new Map(await Promise.all(sections.map(async (section): Promise<[string, string]> => [section.key, await sha256Hex(canonicalize(section))])));
}

/** The marks of the version before that stand on `nextVersion`: those on sections with the same hash. */
export function carriedMarks<M extends ReviewMark>(previous: readonly M[], before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, nextVersion: number): M[] {
  return previous
    .filter((mark) => {
      const hash = before.get(mark.sectionKey);
      return hash !== undefined && hash === after.get(mark.sectionKey);
    })
    .map((mark) => ({ ...mark, versionNumber: nextVersion, carriedFrom: mark.carriedFrom ?? mark.versionNumber }));
}
