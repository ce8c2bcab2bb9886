import type { NotificationsStore } from '#api/store/notifications.ts';
import { workflowTemplateSchema } from '#domain/contracts/workflow-template.ts';
import type { Db } from './shared.ts';
import { toAuditEntry } from './audit.ts';
import { toPackage } from './packages.ts';

// The notifications part of the Kysely repository: how far each user has read.

export function notificationsQueries(db: Db): NotificationsStore {
  return {
    async findNotificationReadSeq(userId) {
      const row = await db.selectFrom('notification_reads').select('last_read_seq').where('user_id', '=', userId).executeTakeFirst();
      return row?.last_read_seq ?? 0;
    },
    async raiseNotificationReadSeq(userId, seq, at) {
      // One statement, so two tabs marking read at once cannot lower it.
      const result = await db
        .insertInto('notification_reads')
        .values({ user_id: userId, last_read_seq: seq, updated_at: at })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_read_seq: seq, updated_at: at }).where('notification_reads.last_read_seq', '<', seq))
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async listPackagesWithTemplates(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('packages')
        .innerJoin('workflow_templates as t', (j) => j.onRef('t.key', '=', 'packages.template_key').onRef('t.version', '=', 'packages.template_version'))
        .selectAll('packages')
        .select('t.definition as template_definition')
        .where('packages.id', 'in', [...ids])
        .orderBy('packages.id')
        .execute();
      return rows.map(({ template_definition: definition, ...row }) => ({ pkg: toPackage(row), template: workflowTemplateSchema.parse(JSON.parse(definition)) }));
    },
    async listPackageEntries(ids, actions) {
      if (ids.length === 0 || actions.length === 0) return [];
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject', 'in', [...ids])
        .where('action', 'in', [...actions])
        .orderBy('seq')
        .execute();
      return rows.map(toAuditEntry);
    },
  };
}
