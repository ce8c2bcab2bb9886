import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { recordOutcome, verifyRecordText } from '#domain/evidence/verify-record.ts';
import type { SendRequest } from '#scripts/lib/api-actor.ts';
import { Client, origin } from '../contract/support/client.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { runScript } from '../support/run-script.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { approveCardFraudCopy } from '../support/signed-approval.ts';

// Issue 17, item 4: a metric value written 1e16 is accepted at submission and exported, as
// RFC 8785 writes it, as 10000000000000000; the strict reader refused the untouched record.
// Replayed on the real server (SQLite, in-process): submitted with the value written 1e16
// (and one written 123456789012345680000), approved through the whole chain, exported,
// and verified with the server's key pinned, by the domain verifier and by `npm run verify`.

const defer = cleanUpAfterEach();

/** Two metrics beyond 2^53, each a double that RFC 8785 writes as a plain integer. */
function withBigMetrics(content: PackageContent): PackageContent {
  return {
    ...content,
    sections: content.sections.map((section) =>
      section.kind === 'metric_table'
        ? {
            ...section,
            metrics: [
              ...section.metrics,
              { key: 'authorizations-scored', name: 'Authorizations scored in the replay', value: 1e16, threshold: { operator: '>=', value: 1 } },
              { key: 'amount-scored', name: 'Amount scored in the replay, in cents', value: 123456789012345680000, threshold: { operator: '>=', value: 1 } },
            ],
          }
        : section,
    ),
  };
}

describe('a record with numbers beyond 2^53', () => {
  it('is accepted at submission written 1e16, exported as 10000000000000000, and verifies VALID with the key pinned', async () => {
    const { app, target } = await seededSqliteApp(defer);
    let submittedAsExponent = 0;
    const send: SendRequest = (url, init) => {
      let body = init.body;
      // JSON.stringify writes 1e16 as digits: the submission is re-written the way the pipeline wrote it.
      if (typeof body === 'string' && url.endsWith('/api/packages') && body.includes('"value":10000000000000000,')) {
        body = body.replace('"value":10000000000000000,', '"value":1e16,');
        submittedAsExponent++;
      }
      return Promise.resolve(app.fetch(new Request(url, { ...init, body: body ?? null })));
    };
    const { id } = await approveCardFraudCopy({ origin, send, password: 'demo-password', versionLabel: '7.2.0-big', adapt: withBigMetrics });
    expect(submittedAsExponent).toBe(1);

    const reader = new Client(target);
    expect((await reader.login('model-risk@example.com')).status).toBe(200);
    const response = await app.fetch(new Request(`${origin}/api/packages/${id}/record`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
    const text = await response.text();
    expect(response.status, text.slice(0, 500)).toBe(200);
    // RFC 8785 sorts members, so a metric's value comes last.
    expect(text.includes('"value":10000000000000000}'), 'exported as RFC 8785 writes 1e16').toBe(true);
    expect(text.includes('"value":123456789012345680000}'), 'exported as RFC 8785 writes it').toBe(true);

    const keys = ((await reader.get('/api/keys')).body as { keys: ServerKey[] }).keys;
    const verdict = await verifyRecordText(text, { trustedKeys: keys });
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
    expect(recordOutcome(verdict)).toBe('valid');

    const dir = mkdtempSync(join(tmpdir(), 'record-big-numbers-'));
    defer(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'record.json'), text);
    writeFileSync(join(dir, 'keys.json'), JSON.stringify({ keys }));
    const run = await runScript('scripts/verify.ts', [join(dir, 'record.json'), '--key-file', join(dir, 'keys.json')]);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^VALID: /);
    expect(run.code).toBe(0);
  });

  it('refuses an integer beyond 2^53 that is not how RFC 8785 writes any double, saying so', async () => {
    const { target } = await seededSqliteApp(defer);
    const owner = new Client(target);
    expect((await owner.login('owner@example.com')).status).toBe(200);
    const response = await target.fetch(
      new Request(`${origin}/api/packages`, { method: 'POST', headers: { 'content-type': 'application/json', origin, cookie: `${sessionCookieName}=${owner.cookie ?? ''}` }, body: '{"modelKey":"card-fraud-detection","versionLabel":"7.2.1","content":{"n":9007199254740993}}' }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Integer 9007199254740993 is beyond ±9007199254740991 and is not how RFC 8785 writes any 64-bit float: it would read as 9007199254740992 and lose precision (send it as a string)');
  });
});
