import { reviewDraftKindSchema } from '#domain/contracts/drafts.ts';
import { textQuoteSelectorSchema } from '#domain/contracts/threads.ts';
import type { DraftsStore, StoredReviewDraft } from '#api/store/drafts.ts';
import type { ReviewDraftsTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The drafts part of the Kysely repository: review drafts and resubmit drafts, each row
// keyed to its author so no query can reach another author's draft.

function toReviewDraft(r: ReviewDraftsTable): StoredReviewDraft {
  return {
    id: r.id,
    packageId: r.package_id,
    author: { id: r.author_id },
    versionNumber: r.version_number,
    sectionKey: r.section_key,
    kind: reviewDraftKindSchema.parse(r.kind),
    anchor: r.anchor === null ? null : textQuoteSelectorSchema.parse(parseJson(r.anchor)),
    body: r.body,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function draftsQueries(db: Db): DraftsStore {
  return {
    async listReviewDrafts(packageId, authorId) {
      const rows = await db.selectFrom('review_drafts').selectAll().where('package_id', '=', packageId).where('author_id', '=', authorId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toReviewDraft);
    },
    async findReviewDraft(id) {
      const row = await db.selectFrom('review_drafts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toReviewDraft(row) : null;
    },
    async insertReviewDraft(d) {
      await db
        .insertInto('review_drafts')
        .values({ id: d.id, package_id: d.packageId, author_id: d.author.id, version_number: d.versionNumber, section_key: d.sectionKey, kind: d.kind, anchor: d.anchor === null ? null : JSON.stringify(d.anchor), body: d.body, created_at: d.createdAt, updated_at: d.updatedAt })
        .execute();
    },
    async updateReviewDraft(id, authorId, body, updatedAt) {
      const result = await db.updateTable('review_drafts').set({ body, updated_at: updatedAt }).where('id', '=', id).where('author_id', '=', authorId).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async deleteReviewDrafts(ids, authorId) {
      if (ids.length === 0) return 0;
      const result = await db.deleteFrom('review_drafts').where('id', 'in', ids).where('author_id', '=', authorId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async findResubmitDraft(packageId, authorId) {
      const r = await db.selectFrom('resubmit_drafts').selectAll().where('package_id', '=', packageId).where('author_id', '=', authorId).executeTakeFirst();
      return r ? { packageId: r.package_id, authorId: r.author_id, baseVersion: r.base_version, baseHash: r.base_hash, draft: r.draft, savedAt: r.saved_at } : null;
    },
    async saveResubmitDraft(d) {
      const values = { package_id: d.packageId, author_id: d.authorId, base_version: d.baseVersion, base_hash: d.baseHash, draft: d.draft, saved_at: d.savedAt };
      await db
        .insertInto('resubmit_drafts')
        .values(values)
        .onConflict((oc) => oc.columns(['package_id', 'author_id']).doUpdateSet({ base_version: d.baseVersion, base_hash: d.baseHash, draft: d.draft, saved_at: d.savedAt }))
        .execute();
    },
    async deleteResubmitDraft(packageId, authorId) {
      const result = await db.deleteFrom('resubmit_drafts').where('package_id', '=', packageId).where('author_id', '=', authorId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
