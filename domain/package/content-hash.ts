import { canonicalSha256Hex } from '../crypto/canonical-sha256.ts';
import type { PackageContent } from '../contracts/package-content.ts';

/** SHA-256 (lowercase hex) of the RFC 8785 canonical form: what reviewers sign. */
export async function contentHash(content: PackageContent): Promise<string> {
  return canonicalSha256Hex(content);
}

/** Per-section digests, so workflow rules can tell which sections a new version changed. */
export async function sectionDigests(content: PackageContent): Promise<Record<string, string>> {
  const entries = await Promise.all(content.sections.map(async (section) => [section.key, await canonicalSha256Hex(section)] as const));
  return Object.fromEntries(entries);
}
