import { z } from 'zod';
import type { RegistriesStore, StoredRegistryIntake, StoredRegistryWriteBack } from '#api/store/registries.ts';
import type { RegistryIntakesTable, RegistryWritebacksTable } from '../schema/schema.ts';
import type { Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The registries part of the Kysely repository (spread into it by kysely-store.ts).

const outcomeSchema = z.enum(['approved', 'rejected', 'lapsed']);
const statusSchema = z.enum(['pending', 'done', 'failed', 'superseded']);
const detailsSchema = z.object({ packageId: z.string(), version: z.number(), contentHash: z.string(), recordUrl: z.string(), decidedAt: z.string(), reason: z.string().optional() });

function toIntake(r: RegistryIntakesTable): StoredRegistryIntake {
  return {
    id: r.id,
    connectorId: r.connector_id,
    registryModel: r.registry_model,
    registryVersion: r.registry_version,
    modelKey: r.model_key,
    versionLabel: r.version_label,
    ownerId: r.owner_id,
    template: r.template,
    runId: r.run_id,
    deliveryId: r.delivery_id,
    receivedAt: r.received_at,
  };
}

function toWriteBack(r: RegistryWritebacksTable): StoredRegistryWriteBack {
  return {
    id: r.id,
    connectorId: r.connector_id,
    registryModel: r.registry_model,
    registryVersion: r.registry_version,
    packageId: r.package_id,
    outcome: outcomeSchema.parse(r.outcome),
    details: detailsSchema.parse(parseJson(r.details)),
    status: statusSchema.parse(r.status),
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    doneAt: r.done_at,
    createdAt: r.created_at,
  };
}

export function registriesQueries(db: Db): RegistriesStore {
  return {
    async insertRegistryIntake(i) {
      // Insert or skip on the primary key. On PostgreSQL a second transaction inserting the same
      // version waits for the first to commit, then skips: exactly one draft, however many deliveries.
      const result = await db
        .insertInto('registry_intakes')
        .values({
          connector_id: i.connectorId,
          registry_model: i.registryModel,
          registry_version: i.registryVersion,
          id: i.id,
          model_key: i.modelKey,
          version_label: i.versionLabel,
          owner_id: i.ownerId,
          template: i.template,
          run_id: i.runId,
          delivery_id: i.deliveryId,
          received_at: i.receivedAt,
        })
        .onConflict((oc) => oc.columns(['connector_id', 'registry_model', 'registry_version']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async findRegistryIntake(connectorId, registryModel, registryVersion) {
      const row = await db.selectFrom('registry_intakes').selectAll().where('connector_id', '=', connectorId).where('registry_model', '=', registryModel).where('registry_version', '=', registryVersion).executeTakeFirst();
      return row ? toIntake(row) : null;
    },
    async findRegistryIntakeById(id) {
      const row = await db.selectFrom('registry_intakes').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toIntake(row) : null;
    },
    async findRegistryIntakeForPackage(modelKey, versionLabel) {
      const row = await db.selectFrom('registry_intakes').selectAll().where('model_key', '=', modelKey).where('version_label', '=', versionLabel).orderBy('received_at').orderBy('id').executeTakeFirst();
      return row ? toIntake(row) : null;
    },
    async listRegistryIntakes() {
      return (await db.selectFrom('registry_intakes').selectAll().orderBy('received_at', 'desc').orderBy('id').execute()).map(toIntake);
    },

    async insertRegistryWriteBack(w) {
      await db
        .updateTable('registry_writebacks')
        .set({ status: 'superseded', next_attempt_at: null })
        .where('connector_id', '=', w.connectorId)
        .where('registry_model', '=', w.registryModel)
        .where('registry_version', '=', w.registryVersion)
        .where('status', '=', 'pending')
        .execute();
      await db
        .insertInto('registry_writebacks')
        .values({
          id: w.id,
          connector_id: w.connectorId,
          registry_model: w.registryModel,
          registry_version: w.registryVersion,
          package_id: w.packageId,
          outcome: w.outcome,
          details: JSON.stringify(w.details),
          status: w.status,
          attempts: w.attempts,
          next_attempt_at: w.nextAttemptAt,
          last_error: w.lastError,
          done_at: w.doneAt,
          created_at: w.createdAt,
        })
        .execute();
    },
    async listRegistryWriteBacks(packageId) {
      return (await db.selectFrom('registry_writebacks').selectAll().where('package_id', '=', packageId).orderBy('created_at').orderBy('id').execute()).map(toWriteBack);
    },
    async listRecentRegistryWriteBacks(limit) {
      return (await db.selectFrom('registry_writebacks').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(toWriteBack);
    },
    async listDueRegistryWriteBacks(at, limit) {
      const rows = await db.selectFrom('registry_writebacks').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', at).orderBy('next_attempt_at').orderBy('id').limit(limit).execute();
      return rows.map(toWriteBack);
    },
    async claimRegistryWriteBack(id, expectedNextAttemptAt, leaseUntil) {
      const result = await db.updateTable('registry_writebacks').set({ next_attempt_at: leaseUntil }).where('id', '=', id).where('status', '=', 'pending').where('next_attempt_at', '=', expectedNextAttemptAt).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async updateRegistryWriteBack(id, u) {
      const result = await db
        .updateTable('registry_writebacks')
        .set({ attempts: u.attempts, status: u.status, next_attempt_at: u.nextAttemptAt, last_error: u.lastError, done_at: u.doneAt })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async insertRegistryWriteBackAttempt(a) {
      await db
        .insertInto('registry_writeback_attempts')
        .values({ writeback_id: a.writeBackId, attempt: a.attempt, at: a.at, calls: JSON.stringify(a.calls), error: a.error, duration_ms: a.durationMs })
        .execute();
    },
    async listRegistryWriteBackAttempts(ids) {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('registry_writeback_attempts').selectAll().where('writeback_id', 'in', ids).orderBy('writeback_id').orderBy('attempt').execute();
      return rows.map((r) => ({ writeBackId: r.writeback_id, attempt: r.attempt, at: r.at, calls: z.array(z.string()).parse(parseJson(r.calls)), error: r.error, durationMs: r.duration_ms }));
    },
  };
}
