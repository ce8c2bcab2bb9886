import { rollbackRoleSchema } from '#domain/contracts/rollbacks.ts';
import type { RollbacksStore } from '#api/store/rollbacks.ts';
import type { Db } from './shared.ts';

// The rollbacks part of the Kysely repository (spread into it by kysely-store.ts).

export function rollbacksQueries(db: Db): RollbacksStore {
  return {
    async insertPackageRollback(r) {
      // Two rollbacks of one package at once: the primary key lets one through.
      const result = await db
        .insertInto('package_rollbacks')
        .values({ package_id: r.packageId, model_key: r.modelKey, rolled_back_by: r.rolledBackBy, role: r.role, reason: r.reason, restored_package_id: r.restoredPackageId, rolled_back_at: r.at })
        .onConflict((oc) => oc.column('package_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async listPackageRollbacks(modelKeys) {
      if (modelKeys !== 'all' && modelKeys.length === 0) return [];
      let query = db.selectFrom('package_rollbacks').selectAll();
      if (modelKeys !== 'all') query = query.where('model_key', 'in', [...modelKeys]);
      const rows = await query.orderBy('rolled_back_at').orderBy('package_id').execute();
      return rows.map((r) => ({ packageId: r.package_id, modelKey: r.model_key, rolledBackBy: r.rolled_back_by, role: rollbackRoleSchema.parse(r.role), reason: r.reason, restoredPackageId: r.restored_package_id, at: r.rolled_back_at }));
    },
  };
}
