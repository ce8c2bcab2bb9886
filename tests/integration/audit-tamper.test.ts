import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { auditEntryHashSync } from '#domain/audit/entry-hash-sync.ts';
import type { AuditVerification, SignedTreeHead } from '#domain/contracts/audit.ts';
import { publishTreeHead } from '#api/audit/tree-heads.ts';
import type { AuditLogTable } from '#server/db/schema/schema.ts';
import { Client } from '../contract/support/client.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { seededDatabase } from '../support/seeded-database.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';

// An attacker with the SQLite file: the append-only triggers are dropped and the audit table
// is changed directly, the way only someone with the database itself could. Each change must
// be caught by GET /api/audit/verify, with the entry (or the published tree head) named.

const defer = cleanUpAfterEach();

type Row = AuditLogTable;

/** The real server app in-process on a fresh, seeded SQLite file, and the committee signed in. */
async function server() {
  const { target, openFile } = await seededSqliteApp(defer);
  const committee = new Client(target);
  expect((await committee.login('committee@example.com')).status).toBe(200);

  const verify = async (): Promise<AuditVerification> => {
    const reply = await committee.get('/api/audit/verify');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body as AuditVerification;
  };
  const treeHead = async (): Promise<SignedTreeHead> => (await committee.get('/api/audit/tree-head')).body as SignedTreeHead;
  const treeHeadReply = () => committee.get('/api/audit/tree-head');

  /** A second connection to the same file, with the audit log's protection removed. */
  const attacker = () => {
    const db = openFile();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.exec('DROP TRIGGER audit_log_no_delete');
    const rows = () => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as unknown as Row[];
    const row = (seq: number) => {
      const found = rows().find((r) => r.seq === seq);
      if (!found) throw new Error(`no row ${seq}`);
      return found;
    };
    const put = (seq: number, r: Omit<Row, 'seq'>) =>
      db
        .prepare('UPDATE audit_log SET at = ?, actor_id = ?, action = ?, subject = ?, before = ?, after = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?')
        .run(r.at, r.actor_id, r.action, r.subject, r.before, r.after, r.prev_hash, r.entry_hash, seq);
    return { db, rows, row, put };
  };

  const baseline = await verify();
  expect(baseline).toMatchObject({ valid: true, breaks: [] });
  return { verify, treeHead, treeHeadReply, attacker, size: baseline.size };
}

/** What the hash of a row would be if it were genuine. */
const honestHash = (r: Row) =>
  auditEntryHashSync({ seq: r.seq, at: r.at, actorId: r.actor_id, prevHash: r.prev_hash, action: r.action, subject: r.subject, subjectPrev: r.subject_prev, before: JSON.parse(r.before) as unknown, after: JSON.parse(r.after) as unknown });

const seqs = (verdict: AuditVerification) => verdict.breaks.map((b) => b.seq);

describe('the audit log on SQLite, changed behind the server’s back', () => {
  it('names the entry whose after value was changed', async () => {
    const { verify, attacker } = await server();
    const { row, put } = attacker();
    const target = row(5);
    put(5, { ...target, after: JSON.stringify({ tampered: true }) });

    const verdict = await verify();
    expect(verdict.valid).toBe(false);
    expect(seqs(verdict)[0]).toBe(5);
    expect(verdict.breaks[0]?.reason).toMatch(/#5\b/);
  });

  it('names the entry after a deleted one', async () => {
    const { verify, attacker, size } = await server();
    attacker().db.prepare('DELETE FROM audit_log WHERE seq = 7').run();

    const verdict = await verify();
    expect(verdict).toMatchObject({ valid: false, size: size - 1 });
    expect(seqs(verdict)[0]).toBe(8);
    expect(verdict.breaks[0]?.reason).toMatch(/#8\b/);
  });

  it('names the place where two entries were swapped', async () => {
    const { verify, attacker } = await server();
    const { row, put, db } = attacker();
    const [four, five] = [row(4), row(5)];
    // The hashes are UNIQUE columns: park one row on placeholders while the other moves.
    put(4, { ...four, prev_hash: 'parked-prev', entry_hash: 'parked-entry' });
    put(5, four);
    put(4, five);
    expect((db.prepare('SELECT action FROM audit_log WHERE seq IN (4, 5) ORDER BY seq').all() as { action: string }[]).map((r) => r.action)).toEqual([five.action, four.action]);

    const verdict = await verify();
    expect(verdict.valid).toBe(false);
    expect(seqs(verdict)[0]).toBe(4);
  });

  it('names the place where a forged entry was inserted and the rest renumbered', async () => {
    const { verify, attacker, size } = await server();
    const { row, db } = attacker();
    const ten = row(10);
    const eleven = row(11);
    // Make room at #11: every later entry moves up one (in two steps, seq being the key).
    db.prepare('UPDATE audit_log SET seq = -(seq + 1) WHERE seq > 10').run();
    db.prepare('UPDATE audit_log SET seq = -seq WHERE seq < 0').run();
    // A forged entry, itself well formed and linked to #10; the old #11 re-linked to it.
    const forged: Row = { seq: 11, at: eleven.at, actor_id: 'usr_committee', action: 'session.logged_out', subject: 'usr_committee', before: 'null', after: 'null', prev_hash: ten.entry_hash, subject_prev: null, entry_hash: '' };
    forged.entry_hash = honestHash(forged);
    db.prepare('UPDATE audit_log SET prev_hash = ? WHERE seq = 12').run(forged.entry_hash);
    db.prepare('INSERT INTO audit_log (seq, at, actor_id, action, subject, before, after, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      forged.seq,
      forged.at,
      forged.actor_id,
      forged.action,
      forged.subject,
      forged.before,
      forged.after,
      forged.prev_hash,
      forged.entry_hash,
    );

    const verdict = await verify();
    expect(verdict).toMatchObject({ valid: false, size: size + 1 });
    // The forgery itself is consistent; the first entry it displaced no longer matches its hash.
    expect(seqs(verdict)[0]).toBe(12);
    expect(verdict.breaks[0]?.reason).toMatch(/#12\b/);
  });

  it('catches a chain rewritten consistently after a tree head was published', async () => {
    const { verify, treeHead, attacker } = await server();
    const head = await treeHead();
    const { rows, put } = attacker();
    // Change #3, then recompute every later link and hash so the chain alone looks whole.
    let prevHash: string | null = null;
    for (const r of rows()) {
      if (r.seq < 3) continue;
      const changed: Row = { ...r, after: r.seq === 3 ? JSON.stringify({ rewritten: true }) : r.after, prev_hash: prevHash ?? r.prev_hash };
      changed.entry_hash = honestHash(changed);
      put(r.seq, changed);
      prevHash = changed.entry_hash;
    }

    const verdict = await verify();
    expect(verdict.valid).toBe(false);
    expect(verdict.breaks).toHaveLength(1);
    expect(verdict.breaks[0]).toMatchObject({ seq: null, reason: expect.stringContaining(`tree head of size ${head.treeSize} (signed at ${head.timestamp}) is not a prefix`) as unknown });
    expect(verdict.treeHeadsChecked).toBe(1);
  });

  it('signs no new tree head over a log that fails its check, and says where it breaks', async () => {
    const { treeHeadReply, attacker } = await server();
    const { row, put } = attacker();
    put(4, { ...row(4), subject: 'someone-else' });

    const reply = await treeHeadReply();
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ type: 'https://model-approval.example/problems/audit-log-broken', detail: expect.stringMatching(/^Entry #4 does not match its recorded hash/) as unknown });
  });

  it('catches entries deleted from the end after a tree head was published', async () => {
    const { verify, treeHead, attacker } = await server();
    const head = await treeHead();
    attacker().db.prepare('DELETE FROM audit_log WHERE seq > ?').run(head.treeSize - 2);

    const verdict = await verify();
    expect(verdict).toMatchObject({ valid: false, size: head.treeSize - 2 });
    expect(verdict.breaks).toEqual([{ seq: null, reason: expect.stringMatching(new RegExp(`size ${head.treeSize} .*deleted from the end`)) as unknown }]);
  });
});

describe.each(['sqlite', 'postgres'] as const)('published tree heads on %s', (engine) => {
  it('refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL), and a second head for a size', async () => {
    const { db, store } = await seededDatabase(engine, defer);
    const { head } = await publishTreeHead({ store, now: () => new Date() });
    const before = await db.selectFrom('audit_tree_heads').selectAll().execute();
    expect(before).toEqual([{ tree_size: head.treeSize, root_hash: head.rootHash, timestamp: head.timestamp, key_id: head.keyId, signature: head.signature }]);

    await expect(db.updateTable('audit_tree_heads').set({ root_hash: '0'.repeat(64) }).execute()).rejects.toThrow(/audit_tree_heads is append-only: UPDATE refused/);
    await expect(db.deleteFrom('audit_tree_heads').execute()).rejects.toThrow(/audit_tree_heads is append-only: DELETE refused/);
    if (engine === 'postgres') await expect(sql`truncate audit_tree_heads`.execute(db)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await store.insertTreeHead({ treeSize: head.treeSize, rootHash: '1'.repeat(64), timestamp: head.timestamp, keyId: head.keyId, signature: head.signature })).toBe(false);
    // Asked again at the same size, the server hands back the head on record.
    expect((await publishTreeHead({ store, now: () => new Date(Date.now() + 60_000) })).head).toEqual(head);

    expect(await db.selectFrom('audit_tree_heads').selectAll().execute()).toEqual(before);
  });
});
