import { describe, expect, it } from 'vitest';
import { Kysely, sql } from 'kysely';
import { openSqlite } from '../node-sqlite-dialect.ts';
import { up } from './064-account-history.ts';

// Migration 064 fills the history of accounts from before it from the audit log (docs/decisions/0186):
// the creator is who chose the address (a creation request's requester before the approver who made
// it take effect), the password's date the last entry that set it (a holder's own change keeps it).

describe('migration 064', () => {
  it('fills each account’s creator and the date of its current credential from the audit log', async () => {
    const { dialect, raw } = openSqlite(':memory:');
    const db = new Kysely<unknown>({ dialect });
    try {
      raw.exec(`create table users (id text primary key, password_hash text not null, created_at text not null);
        create table account_requests (id text, kind text, user_id text, requested_by text, decision text, decided_at text);
        create table audit_log (seq integer primary key, at text, actor_id text, action text, subject text)`);
      const user = raw.prepare('insert into users values (?, ?, ?)');
      user.run('usr_requested', 'h', '2026-01-01T00:00:00.000Z');
      user.run('usr_direct', 'h', '2026-01-02T00:00:00.000Z');
      user.run('usr_setup', 'h', '2026-01-03T00:00:00.000Z');
      user.run('usr_seeded', 'h', '2026-01-04T00:00:00.000Z');
      user.run('usr_sso', '', '2026-01-05T00:00:00.000Z');
      raw.prepare('insert into account_requests values (?, ?, ?, ?, ?, ?)').run('acr_1', 'create_account', 'usr_requested', 'usr_a', 'approved', '2026-01-01T00:00:00.000Z');
      const entry = raw.prepare('insert into audit_log (at, actor_id, action, subject) values (?, ?, ?, ?)');
      entry.run('2026-01-01T00:00:00.000Z', 'usr_b', 'user.created', 'usr_requested');
      entry.run('2026-01-02T00:00:00.000Z', 'usr_a', 'user.created', 'usr_direct');
      entry.run('2026-02-01T00:00:00.000Z', 'usr_b', 'user.password_reset', 'usr_direct');
      // The holder's change with the administrator's password does not date a new credential.
      entry.run('2026-02-02T00:00:00.000Z', 'usr_direct', 'user.password_changed', 'usr_direct');
      entry.run('2026-01-03T00:00:00.000Z', 'usr_setup', 'system.setup_completed', 'usr_setup');
      entry.run('2026-03-01T00:00:00.000Z', 'usr_setup', 'user.password_set_by_link', 'usr_setup');
      await up(db);
      const rows = await sql<{ id: string; created_by: string | null; password_set_at: string | null }>`select id, created_by, password_set_at from users order by id`.execute(db);
      expect(rows.rows).toEqual([
        { id: 'usr_direct', created_by: 'usr_a', password_set_at: '2026-02-01T00:00:00.000Z' },
        { id: 'usr_requested', created_by: 'usr_a', password_set_at: '2026-01-01T00:00:00.000Z' },
        { id: 'usr_seeded', created_by: null, password_set_at: '2026-01-04T00:00:00.000Z' },
        { id: 'usr_setup', created_by: 'usr_setup', password_set_at: '2026-03-01T00:00:00.000Z' },
        { id: 'usr_sso', created_by: null, password_set_at: null },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
