import type { PackageDetail } from '#domain/contracts/packages.ts';

/** The package's owner submitted its first version (only the owner submits): their assessment is a proposal (0165). */
export function isPackageOwner(pkg: Pick<PackageDetail, 'versions'>, userId: string): boolean {
  return pkg.versions[0]?.submittedBy.id === userId;
}
