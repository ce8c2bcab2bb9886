import type { BusinessLinesStore } from '#api/store/business-lines.ts';
import type { Db } from './shared.ts';

// The business lines part of the Kysely repository (docs/decisions/0168).

export function businessLinesQueries(db: Db): BusinessLinesStore {
  return {
    async listBusinessLines() {
      const rows = await db.selectFrom('business_lines').selectAll().orderBy('label').orderBy('key').execute();
      return rows.map((r) => ({ key: r.key, label: r.label, retiredAt: r.retired_at, createdAt: r.created_at }));
    },
    async insertBusinessLine(line) {
      // Two administrators adding one line at once: the primary key lets one through.
      const result = await db
        .insertInto('business_lines')
        .values({ key: line.key, label: line.label, retired_at: line.retiredAt, created_at: line.createdAt })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async retireBusinessLine(key, at) {
      const result = await db.updateTable('business_lines').set({ retired_at: at }).where('key', '=', key).where('retired_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
