import type { PackageContent } from '#domain/contracts/package-content.ts';
import { demoPackages } from '#demo/index.ts';

/** The demo clinical model's content under a new version label (and model key, if given), as a pipeline would submit it. */
export function clinicalRelease(versionLabel: string, modelKey?: string): PackageContent {
  const content = structuredClone(demoPackages[1]?.versions[0]);
  const [id] = content?.sections ?? [];
  if (!content || id?.kind !== 'identification') throw new Error('demo clinical package missing');
  if (modelKey !== undefined) id.modelKey = modelKey;
  id.versionLabel = versionLabel;
  return content;
}

/** A demo package's content under a new model key, so each submission is a new package. */
export const freshContent = (modelKey: string): PackageContent => clinicalRelease('1.0.0', modelKey);
