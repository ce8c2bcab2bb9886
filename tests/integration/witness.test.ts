import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { forgetVerifiedLog } from '#api/audit/verified-log.ts';
import { requestCosignature, type Witness } from '#api/audit/witnesses.ts';
import { addCheckpointBody, verifyCosignature, type WitnessState } from '#domain/audit/witness.ts';
import { auditEntryHashSync } from '#domain/audit/entry-hash-sync.ts';
import { fromBase64 } from '#domain/audit/checkpoint.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { toBase64Url } from '#domain/signing/base64url.ts';
import type { AuditLogTable } from '#server/db/schema/schema.ts';
import { Client, origin } from '../contract/support/client.ts';
import { cleanUpAfterEach, type Defer } from '../support/cleanups.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { startWitnessing } from '#server/timers/witnesses.ts';

// Issue 17, item 2 (docs/decisions/0105): the log's checkpoints cosigned by a witness that
// implements C2SP tlog-witness from the spec (scripts/witness.ts, a separate process on
// localhost with its own state and key). It cosigns only what extends what it saw; an operator
// who rewrites history (with the database and the signing key) cannot get a cosignature.

const defer = cleanUpAfterEach();
const root = resolve(import.meta.dirname, '../..');
const send = (url: string, init: RequestInit) => fetch(url, init);

/** Starts the witness process for the log; its first line names its verifier key and address. */
async function startWitness(cleanup: Defer, log: { origin: string; publicKey: string }): Promise<Witness & { stateFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'witness-'));
  const stateFile = join(dir, 'state.json');
  const child = spawn(process.execPath, ['scripts/witness.ts', '--log-origin', log.origin, '--log-key', log.publicKey, '--state', stateFile, '--key', join(dir, 'key.json'), '--name', 'witness.test'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanup(async () => {
    child.kill();
    if (child.exitCode === null) await once(child, 'exit');
    rmSync(dir, { recursive: true, force: true });
  });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  const match = /^witness (\S+)\+([0-9a-f]{8})\+(\S+) listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
  if (!match) throw new Error(`the witness said ${line}`);
  const [, name = '', , typedKey = '', address = ''] = match;
  const typed = fromBase64(typedKey);
  expect(typed[0]).toBe(0x04);
  return { name, url: `${address}/add-checkpoint`, publicKey: toBase64Url(typed.subarray(1)), stateFile };
}

async function logAndWitness() {
  const { store, target, openFile } = await seededSqliteApp(defer);
  const anonymous = new Client(target);
  const published = (await anonymous.get('/api/audit/checkpoint')).body as { checkpoint: string; origin: string };
  const [key] = ((await anonymous.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  if (!key) throw new Error('the server publishes its key');
  const witness = await startWitness(defer, { origin: published.origin, publicKey: key.publicKey });
  const deps = { store, now: () => new Date() };
  const checkpoint = async () => ((await anonymous.get('/api/audit/checkpoint')).body as { checkpoint: string }).checkpoint;
  const held = () => JSON.parse(readFileSync(witness.stateFile, 'utf8')) as WitnessState;
  /** Writes to the log: each sign-in is an audit entry. */
  const activity = async () => expect((await new Client(target).login('committee@example.com')).status).toBe(200);
  return { store, deps, witness, checkpoint, held, activity, openFile };
}

describe('a witness cosigning the audit log’s checkpoints (C2SP tlog-witness)', () => {
  it('cosigns the first checkpoint and each later one with a consistency proof; the checkpoint endpoint carries the cosignature', async () => {
    const { deps, witness, checkpoint, held, activity } = await logAndWitness();
    const first = await requestCosignature(deps, origin, witness, send);
    if (!first.ok) throw new Error(`refused: ${first.status} ${first.message}`);
    expect(held().treeSize).toBe(first.treeSize);
    const served = await checkpoint();
    expect(served).toContain(`\n${first.line}\n`);
    expect(await verifyCosignature(served, witness.name, witness.publicKey)).toBeGreaterThan(1_700_000_000);

    await activity();
    await activity();
    const second = await requestCosignature(deps, origin, witness, send);
    if (!second.ok) throw new Error(`refused: ${second.status} ${second.message}`);
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    expect(held()).toMatchObject({ treeSize: second.treeSize });
    await verifyCosignature(await checkpoint(), witness.name, witness.publicKey);

    // The protocol's conflict: a request from another size than the witness holds gets 409 and that size.
    const stale = await send(witness.url, { method: 'POST', body: addCheckpointBody(first.treeSize, [], served) });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toBe('text/x.tlog.size');
    expect(await stale.text()).toBe(`${second.treeSize}\n`);
    // A checkpoint signed by another key is not this log's.
    const forged = served.replace(/— (\S+) (\S+)\n/, (_, name: string, sig: string) => `— ${name} ${sig.slice(0, 8)}${sig[8] === 'A' ? 'B' : 'A'}${sig.slice(9)}\n`);
    expect((await send(witness.url, { method: 'POST', body: addCheckpointBody(second.treeSize, [], forged) })).status).toBe(403);
  });

  it('refuses a body too large to be a checkpoint and a proof before buffering it, and keeps serving', async () => {
    const { deps, witness } = await logAndWitness();
    const flood = await send(witness.url, { method: 'POST', body: 'x'.repeat(200 * 1024) }).catch((error: unknown) => error);
    // The witness answers 413 and closes the connection; fetch may see either.
    if (flood instanceof Response) expect(flood.status).toBe(413);
    else expect(flood).toBeInstanceOf(Error);
    const after = await requestCosignature(deps, origin, witness, send);
    if (!after.ok) throw new Error(`refused: ${after.status} ${after.message}`);
    expect(after.treeSize).toBeGreaterThan(0);
  });

  it('the server’s timer sends each checkpoint to the configured witnesses and logs a refusal as an alarm', async () => {
    const { store, witness, checkpoint, held } = await logAndWitness();
    const logged: string[] = [];
    const timer = startWitnessing({ store, witnesses: [witness, { ...witness, name: 'witness.other' }], publicOrigin: origin, intervalMs: 60_000, send, log: (message) => logged.push(message) });
    await expect.poll(async () => (await store.listCosignatures({ witness: witness.name, latest: true })).length, { timeout: 10_000 }).toBe(1);
    await timer.stop();
    expect(held().treeSize).toBeGreaterThan(0);
    await verifyCosignature(await checkpoint(), witness.name, witness.publicKey);
    // A witness configured under another name than the one it cosigns with: nothing of it is kept.
    expect(logged).toEqual(['[witness] witness.other REFUSED to cosign (502): the witness answered without a cosignature by witness.other']);
    expect(await store.listCosignatures({ witness: 'witness.other', latest: true })).toEqual([]);
  });

  it('refuses to cosign after the operator rewrote history with the database and the key, re-chained every entry and dropped the published heads', async () => {
    const { deps, store, witness, checkpoint, held, activity, openFile } = await logAndWitness();
    const before = await requestCosignature(deps, origin, witness, send);
    if (!before.ok) throw new Error(`refused: ${before.status} ${before.message}`);
    const witnessed = held();

    // The attack (issue 17): rewrite entry #3, re-chain every entry after it, remove the
    // published tree heads, so the server's own checks find a sound log, and let it sign.
    const db = openFile();
    for (const trigger of ['audit_log_no_update', 'audit_tree_heads_no_delete']) db.exec(`DROP TRIGGER ${trigger}`);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as unknown as AuditLogTable[];
    let prevHash = rows[1]?.entry_hash ?? '';
    for (const row of rows.slice(2)) {
      const after = row.seq === 3 ? JSON.stringify({ rewritten: true }) : row.after;
      const entryHash = auditEntryHashSync({ seq: row.seq, at: row.at, actorId: row.actor_id, prevHash, action: row.action, subject: row.subject, before: JSON.parse(row.before) as unknown, after: JSON.parse(after) as unknown });
      // The subject links dropped too (docs/decisions/0180): each entry then hashes as one written before them.
      db.prepare('UPDATE audit_log SET after = ?, prev_hash = ?, subject_prev = NULL, entry_hash = ? WHERE seq = ?').run(after, prevHash, `${entryHash}-moving`, row.seq);
      prevHash = entryHash;
    }
    db.exec("UPDATE audit_log SET entry_hash = replace(entry_hash, '-moving', '')");
    db.exec('DELETE FROM audit_tree_heads');
    forgetVerifiedLog(store);
    await activity();

    // The server, holding the key, signs a checkpoint of the rewritten log; the witness refuses it.
    const after = await requestCosignature(deps, origin, witness, send);
    expect(after).toMatchObject({ ok: false, status: 422 });
    if (after.ok) throw new Error('cosigned a rewritten history');
    expect(after.message).toMatch(/^the checkpoint of size \d+ is not consistent with the size \d+ this witness cosigned$/);
    expect(held()).toEqual(witnessed);
    // What the server publishes now carries no cosignature: a verifier requiring the witness refuses it.
    const served = await checkpoint();
    await expect(verifyCosignature(served, witness.name, witness.publicKey)).rejects.toThrow(/no cosignature line by witness\.test\+/);
  });
});
