import type { PackageContent } from '../../domain/contracts/package-content.ts';
import { demoPackages } from '../../domain/demo/index.ts';

/** A demo package's content under a new model key, so each submission is a new package. */
export function freshContent(modelKey: string): PackageContent {
  const content = structuredClone(demoPackages[1]?.versions[0]);
  const id = content?.sections[0];
  if (!content || id?.kind !== 'identification') throw new Error('demo content missing');
  id.modelKey = modelKey;
  id.versionLabel = '1.0.0';
  return content;
}
