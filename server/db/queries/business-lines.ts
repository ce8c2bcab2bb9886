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
    async requireLineRefiles(packageIds, lineKey, at) {
      if (packageIds.length === 0) return;
      await db
        .insertInto('line_refiles_required')
        .values(packageIds.map((id) => ({ package_id: id, business_line_key: lineKey, since: at })))
        .onConflict((oc) => oc.column('package_id').doNothing())
        .execute();
    },
    async listLineRefilesRequired(packageIds) {
      if (packageIds.length === 0) return [];
      const rows = await db.selectFrom('line_refiles_required').select('package_id').where('package_id', 'in', [...packageIds]).execute();
      return rows.map((r) => r.package_id);
    },
  };
}
