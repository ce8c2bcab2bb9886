import { sql, type Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';

// Triggers that make a table append-only in the database itself: UPDATE and DELETE (and on
// PostgreSQL TRUNCATE) are refused whoever asks. Shared by the migrations; its output must
// not change, as earlier migrations have already run with it. (refuse_change() is created
// by 001-initial on PostgreSQL.)

export async function refuseChanges(db: Kysely<unknown>, engine: Engine, table: string): Promise<void> {
  if (engine === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE'] as const) {
      await sql
        .raw(`CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${op} refused'); END`)
        .execute(db);
    }
    return;
  }
  await sql.raw(`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`).execute(db);
}
