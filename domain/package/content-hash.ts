import { canonicalBytes } from '../json/canonicalize.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import type { PackageContent } from '../contracts/package-content.ts';

/** SHA-256 (lowercase hex) of the RFC 8785 canonical form: what reviewers sign. */
export async function contentHash(content: PackageContent): Promise<string> {
  return sha256Hex(canonicalBytes(content));
}

/** Per-section digests, so workflow rules can tell which sections a new version changed. */
export async function sectionDigests(content: PackageContent): Promise<Record<string, string>> {
  const entries = await Promise.all(content.sections.map(async (section) => [section.key, await sha256Hex(canonicalBytes(section))] as const));
  return Object.fromEntries(entries);
}
