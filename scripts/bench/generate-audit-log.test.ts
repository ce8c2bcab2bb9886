import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEntryHashSync } from '#domain/audit/entry-hash-sync.ts';
import { verifyAuditChain } from '#domain/audit/verify-chain.ts';
import { auditEventSchema } from '#domain/contracts/audit-events.ts';
import { openStore, sqliteFile } from '#server/db/open-store.ts';
import { generateAuditLog } from './generate-audit-log.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function generated(count: number, seed: number, rebuildIndexes?: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'audit-gen-'));
  folders.push(dataDir);
  await (await openStore({ dataDir })).close();
  const indexesBefore = indexesOf(sqliteFile(dataDir));
  const written = generateAuditLog({ file: sqliteFile(dataDir), count, seed, start: new Date('2025-02-01T00:00:00.000Z'), ...(rebuildIndexes === undefined ? {} : { rebuildIndexes }) });
  expect(indexesOf(sqliteFile(dataDir))).toEqual(indexesBefore);
  const store = await openStore({ dataDir });
  try {
    return { written, rows: await store.listAuditEntries({}, 0, 10_000) };
  } finally {
    await store.close();
  }
}

/** The audit log's indexes as the schema declares them. */
function indexesOf(file: string): { name: string; sql: string | null }[] {
  const db = new DatabaseSync(file);
  try {
    return db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' ORDER BY name").all() as { name: string; sql: string | null }[];
  } finally {
    db.close();
  }
}

describe('the audit log generator', () => {
  it('writes a chain the verifier accepts, of events the closed union accepts, and the same one for the same seed', async () => {
    const first = await generated(600, 3);
    expect(first.written).toEqual({ firstSeq: 1, lastSeq: 600 });
    expect(first.rows).toHaveLength(600);
    const entries = first.rows.map((row) => ({ ...row, before: JSON.parse(row.beforeJson) as unknown, after: JSON.parse(row.afterJson) as unknown }));
    for (const entry of entries) auditEventSchema.parse(entry);
    expect(verifyAuditChain(entries).breaks).toEqual([]);
    expect(new Set(entries.map((entry) => entry.action)).size).toBeGreaterThan(5);

    const again = await generated(600, 3);
    expect(again.rows.at(-1)?.entryHash).toBe(first.rows.at(-1)?.entryHash);
    const other = await generated(600, 4);
    expect(other.rows.at(-1)?.entryHash).not.toBe(first.rows.at(-1)?.entryHash);
  });

  it('writes the same entries when it rebuilds the indexes after the inserts (as for a large log), with a last batch that is not full', async () => {
    const plain = await generated(651, 5, false);
    const rebuilt = await generated(651, 5, true);
    expect(rebuilt.rows).toEqual(plain.rows);
    expect(rebuilt.rows).toHaveLength(651);
    const entries = rebuilt.rows.map((row) => ({ ...row, before: JSON.parse(row.beforeJson) as unknown, after: JSON.parse(row.afterJson) as unknown }));
    expect(verifyAuditChain(entries).breaks).toEqual([]);
    // Each hash is the domain's own (auditEntryHashSync, as the integrity check recomputes it).
    for (const entry of entries.slice(0, 50)) expect(auditEntryHashSync(entry)).toBe(entry.entryHash);
  });
});
