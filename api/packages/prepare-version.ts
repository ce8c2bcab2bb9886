import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { identificationOf, type PackageContent } from '#domain/contracts/package-content.ts';
import { sectionDigests } from '#domain/package/content-hash.ts';
import type { FieldProblem } from '#domain/contracts/problem.ts';

export interface PreparedVersion {
  canonicalContent: string;
  contentHash: string;
  sectionDigests: Record<string, string>;
}

/** The exact bytes we store and hash: RFC 8785 canonical text of the validated content. */
export async function prepareVersion(content: PackageContent): Promise<PreparedVersion> {
  const canonicalContent = canonicalize(content);
  const [hash, digests] = await Promise.all([sha256Hex(canonicalContent), sectionDigests(content)]);
  return { canonicalContent, contentHash: hash, sectionDigests: digests };
}

/** The identification section must name the model and version the request is about. */
export function identificationProblems(content: PackageContent, modelKey: string, versionLabel: string, root: string): FieldProblem[] {
  const id = identificationOf(content);
  const found: FieldProblem[] = [];
  if (id.modelKey !== modelKey) found.push({ pointer: `${root}/sections/0/modelKey`, message: `The identification section names model "${id.modelKey}", but this package is for "${modelKey}"`, code: 'mismatch' });
  if (id.versionLabel !== versionLabel) found.push({ pointer: `${root}/sections/0/versionLabel`, message: `The identification section names version "${id.versionLabel}", but this package is for "${versionLabel}"`, code: 'mismatch' });
  return found;
}
