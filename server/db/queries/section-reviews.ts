import { actorSchema } from '#domain/contracts/decisions.ts';
import type { SectionReviewsStore, StoredSectionReview } from '#api/store/section-reviews.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The section reviews part of the Kysely repository.

export function sectionReviewsQueries(db: Db): SectionReviewsStore {
  return {
    async listSectionReviews(packageId) {
      const rows = await db.selectFrom('section_reviews').selectAll().where('package_id', '=', packageId).orderBy('reviewed_at').execute();
      return rows.map((r): StoredSectionReview => ({ packageId: r.package_id, versionNumber: r.version_number, sectionKey: r.section_key, reviewer: actorSchema.parse(parseJson(r.reviewer)), reviewedAt: r.reviewed_at, carriedFrom: r.carried_from }));
    },
    async insertSectionReview(r) {
      const result = await db
        .insertInto('section_reviews')
        .values({ package_id: r.packageId, version_number: r.versionNumber, section_key: r.sectionKey, reviewer_id: r.reviewer.id, reviewer: JSON.stringify(r.reviewer), reviewed_at: r.reviewedAt, carried_from: r.carriedFrom ?? null })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async deleteSectionReview(packageId, versionNumber, sectionKey, reviewerId) {
      const result = await db.deleteFrom('section_reviews').where('package_id', '=', packageId).where('version_number', '=', versionNumber).where('section_key', '=', sectionKey).where('reviewer_id', '=', reviewerId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
