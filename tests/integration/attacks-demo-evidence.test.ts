import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import type { ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { demonstrationReason } from '#domain/signing/verify-decision.ts';
import { Client, origin } from '../contract/support/client.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { runScript } from '../support/run-script.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';

// Issue 16, finding 1: a demo start seeds signed, countersigned decisions dated up to 40 days
// before the server's key existed, with nonces never issued, and every verifier called them
// VALID. Replayed: the demo's approved package, exported and checked as an auditor would,
// against the published keys. Its decisions must be named demonstration data everywhere,
// never VALID, and `npm run verify` must not exit 0 on them.

const defer = cleanUpAfterEach();
const cardFraud = 'pkg_card_fraud_detection';

async function demoServer() {
  const { app, target } = await seededSqliteApp(defer);
  const committee = new Client(target);
  expect((await committee.login('committee@example.com')).status).toBe(200);
  const exportText = async () => {
    const response = await app.fetch(new Request(`${origin}/api/packages/${cardFraud}/record`, { headers: { cookie: `${sessionCookieName}=${committee.cookie ?? ''}` } }));
    expect(response.status).toBe(200);
    return response.text();
  };
  const keys = ((await committee.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  return { committee, exportText, keys };
}

describe('seeded demo decisions are not evidence', () => {
  it('the record verifier names each seeded decision demonstration data, pinned key or not', async () => {
    const { exportText, keys } = await demoServer();
    const text = await exportText();
    const record = JSON.parse(text) as ApprovalRecord;
    expect(record.decisions.map((decision) => decision.signature?.signature.method)).toEqual(['demo', 'demo', 'demo']);

    for (const options of [{}, { trustedKeys: keys }]) {
      const verdict = await verifyRecordText(text, options);
      expect(verdict.valid).toBe(false);
      expect(verdict.demonstration).toBe(true);
      const failed = verdict.checks.filter((check) => !check.ok);
      expect(failed).toHaveLength(3);
      for (const check of failed) expect(check.detail).toContain(demonstrationReason);
    }
  });

  it('relabelling a seeded decision as a password signature breaks the countersignature', async () => {
    const { exportText } = await demoServer();
    const record = JSON.parse(await exportText()) as ApprovalRecord;
    const [first] = record.decisions;
    if (!first?.signature) throw new Error('the demo package has a signed decision');
    first.signature.signature = { method: 'password' };
    const verdict = await verifyRecordText(JSON.stringify(record));
    expect(verdict.valid).toBe(false);
    const decisionCheck = verdict.checks.find((check) => check.label.startsWith(`Decision ${first.id}:`));
    expect(decisionCheck?.detail).toContain('The server countersignature does not verify.');
  });

  it('the server’s verdict on the package says so for each seeded decision', async () => {
    const { committee } = await demoServer();
    const verification = (await committee.get(`/api/packages/${cardFraud}/verification`)).body as { decisions: { valid: boolean; demonstration: boolean; reasons: string[] }[] };
    expect(verification.decisions).toHaveLength(3);
    for (const verdict of verification.decisions) expect(verdict).toMatchObject({ valid: false, demonstration: true, reasons: [demonstrationReason] });
  });

  it('npm run verify exits 3, not 0, and says DEMONSTRATION DATA', async () => {
    const { exportText, keys } = await demoServer();
    const dir = mkdtempSync(join(tmpdir(), 'demo-record-'));
    defer(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'record.json');
    writeFileSync(file, await exportText());
    const run = await runScript('scripts/verify.ts', [file, '--key', keys[0]?.publicKey ?? '']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(3);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^DEMONSTRATION DATA, not evidence: /);
  });
});
