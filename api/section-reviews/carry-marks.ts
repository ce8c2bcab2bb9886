import type { PackageContent } from '#domain/contracts/package-content.ts';
import { carriedMarks, sectionHashes } from '#domain/annotations/review-marks.ts';
import type { StoreTx } from '../store/store.ts';
import { parseJson } from '#domain/json/parse-json.ts';

/**
 * Inside the resubmission's transaction: the new version takes over the review marks of the
 * version before on every section whose content is unchanged, so a reviewer is not asked to
 * review it again; a changed section starts unreviewed. Returns how many marks were carried.
 */
export async function carryReviewMarks(tx: StoreTx, packageId: string, previousNumber: number, next: { number: number; content: PackageContent }): Promise<number> {
  const previous = await tx.findVersion(packageId, previousNumber);
  if (!previous) return 0;
  const marks = (await tx.listSectionReviews(packageId)).filter((mark) => mark.versionNumber === previousNumber);
  if (marks.length === 0) return 0;
  const before = await sectionHashes((parseJson(previous.canonicalContent) as PackageContent).sections);
  const carried = carriedMarks(marks, before, await sectionHashes(next.content.sections), next.number);
  for (const mark of carried) await tx.insertSectionReview(mark);
  return carried.length;
}
