import { describe, expect, it } from 'vitest';
import { Kysely, sql } from 'kysely';
import { openSqlite } from '../node-sqlite-dialect.ts';
import { up } from './054-business-lines.ts';

// Migration 054 starts the organisation's list with the lines administrators named in policies
// and templates (first spelling per key), never the lines only packages named (docs/decisions/0168).

describe('migration 054', () => {
  it('lists the lines of stored policies and templates, once per key, and none of the packages’ own', async () => {
    const { dialect, raw } = openSqlite(':memory:');
    const db = new Kysely<unknown>({ dialect });
    try {
      raw.exec('create table policies (definition text not null); create table workflow_templates (definition text not null); create table packages (business_line text not null)');
      const policy = (lines?: string[]) => JSON.stringify({ key: 'p', scope: { riskTiers: [1], ...(lines ? { businessLines: lines } : {}) } });
      const template = (lines?: string[]) => JSON.stringify({ key: 't', ...(lines ? { businessLines: lines } : {}) });
      for (const definition of [policy(['Consumer lending']), policy(['consumer lending ', 'Mortgages']), policy()]) raw.prepare('insert into policies values (?)').run(definition);
      for (const definition of [template(['Card payments']), template()]) raw.prepare('insert into workflow_templates values (?)').run(definition);
      raw.prepare('insert into packages values (?)').run('Consumer credit');
      await up(db, 'sqlite');
      const rows = await sql<{ key: string; label: string; retired_at: string | null }>`select key, label, retired_at from business_lines order by key`.execute(db);
      expect(rows.rows).toEqual([
        { key: 'card payments', label: 'Card payments', retired_at: null },
        { key: 'consumer lending', label: 'Consumer lending', retired_at: null },
        { key: 'mortgages', label: 'Mortgages', retired_at: null },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
