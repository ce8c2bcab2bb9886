import type { Selectable } from 'kysely';
import { catalogueChangeKindSchema } from '#domain/contracts/catalogue-changes.ts';
import type { CatalogueProposalsStore, StoredCatalogueProposal } from '#api/store/catalogue-proposals.ts';
import type { CatalogueProposalsTable } from '../schema/schema.ts';
import { awaitingColumns, awaitingFromRow, type Db } from './shared.ts';

// The catalogue proposals part of the Kysely repository (decision record 0182). As for account
// requests (0175), a decision is a conditional update: of two approvals racing, the second finds
// the decision written and changes nothing.

function fromRow(r: Selectable<CatalogueProposalsTable>): StoredCatalogueProposal {
  return {
    id: r.id,
    kind: catalogueChangeKindSchema.parse(r.kind),
    subject: r.subject,
    contentJson: r.content_json,
    contentSha256: r.content_sha256,
    ...awaitingFromRow(r),
  };
}

export function catalogueProposalsQueries(db: Db): CatalogueProposalsStore {
  return {
    async insertCatalogueProposal(p) {
      await db
        .insertInto('catalogue_proposals')
        .values({ id: p.id, kind: p.kind, subject: p.subject, content_json: p.contentJson, content_sha256: p.contentSha256, ...awaitingColumns(p) })
        .execute();
    },
    async findCatalogueProposal(id) {
      const row = await db.selectFrom('catalogue_proposals').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async listPendingCatalogueProposals(now) {
      const rows = await db.selectFrom('catalogue_proposals').selectAll().where('decision', 'is', null).where('expires_at', '>', now).orderBy('requested_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(fromRow);
    },
    async decideCatalogueProposal(id, decision, by, at) {
      const result = await db.updateTable('catalogue_proposals').set({ decision, decided_by: by, decided_at: at }).where('id', '=', id).where('decision', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
