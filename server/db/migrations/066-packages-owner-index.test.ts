import { describe, expect, it } from 'vitest';
import { Kysely } from 'kysely';
import { openSqlite } from '../node-sqlite-dialect.ts';
import { up } from './066-packages-owner-index.ts';

// Migration 066: an owner's packages are found through an index, not by reading every package
// (docs/decisions/0200; on PostgreSQL the same index, created by the same statement).

describe('migration 066', () => {
  it('lets an owner’s packages, in id order, be read from the owner index alone', async () => {
    const { dialect, raw } = openSqlite(':memory:');
    const db = new Kysely<unknown>({ dialect });
    try {
      raw.exec('create table packages (id text primary key, owner_id text not null, model_key text)');
      const plan = () => (raw.prepare('explain query plan select * from packages where owner_id = ? order by id').all('usr_owner') as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan()).toMatch(/SCAN packages/);
      await up(db);
      expect(plan()).toMatch(/SEARCH packages USING INDEX packages_owner_idx \(owner_id=\?\)/);
      expect(plan()).not.toMatch(/TEMP B-TREE/);
    } finally {
      await db.destroy();
    }
  });
});
