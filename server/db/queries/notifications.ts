import type { NotificationsStore } from '#api/store/notifications.ts';
import type { Db } from './shared.ts';

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
  };
}
