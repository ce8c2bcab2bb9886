// The packages the Node and browser rows share: built once, on first use (deterministic).
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { generatePackage, reviseWords } from './generate-package.ts';

interface Fixtures {
  big: PackageContent;
  bigText: string;
  bigBytes: Uint8Array<ArrayBuffer>;
  diffBefore: PackageContent;
  diffAfter: PackageContent;
}

let fixtures: Fixtures | undefined;

export function benchFixtures(): Fixtures {
  if (fixtures) return fixtures;
  const big = generatePackage({ bytes: 5 * 1024 * 1024, sectionCount: 60 });
  const bigText = JSON.stringify(big);
  const diffBefore = generatePackage({ bytes: 2 * 1024 * 1024, sectionCount: 60, seed: 7 });
  fixtures = { big, bigText, bigBytes: new TextEncoder().encode(bigText), diffBefore, diffAfter: reviseWords(diffBefore, 0.05) };
  return fixtures;
}
