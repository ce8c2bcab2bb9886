import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { generateServerKey } from '#domain/signing/countersign.ts';
import { cardFraudV1 } from '#demo/index.ts';
import { handleApiRequest } from '#api/index.ts';
import { submitPackageResponseSchema } from '#api/routes.ts';
import { createMockApi, demoPassword } from '#mocks/handlers.ts';
import { signDecision, signInActor, type SendRequest } from '#scripts/lib/api-actor.ts';
import { approveCardFraudCopy, signedCardFraudApproval, signedScope } from '../support/signed-approval.ts';
import { runScript } from '../support/run-script.ts';

// `npm run gate`, run as a pipeline runs it: a separate process on an exported record, judged
// by its exit code and its one line. The records are made through the real API (mocks on
// SQLite in memory), every decision signed: an approval with conditions (scope card-not-present,
// re-review in a year), and a rejection.

const dir = mkdtempSync(join(tmpdir(), 'gate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

let approved: string;
let rejected: string;
let keys: string;
let reReviewOn: string;
let withObligations: string;
const dueIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const psiDue = dueIn(20);

/** The record's bytes exactly as the server sends them (a parse and re-serialization could change numbers). */
async function exportRecord(send: SendRequest, packageId: string): Promise<string> {
  const login = await send('http://localhost/api/session', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ email: 'committee@example.com', password: demoPassword }) });
  const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const response = await send(`http://localhost/api/packages/${packageId}/record`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  const api = createMockApi({ seed: true });
  await api.ready;
  const send: SendRequest = (url, init) => handleApiRequest(new Request(url, init), api.deps);
  const { id } = await signedCardFraudApproval(api, '7.3.0');
  const approvedText = await exportRecord(send, id);
  reReviewOn = (JSON.parse(approvedText) as { decisions: { conditions: { reReviewOn: string } | null }[] }).decisions.find((d) => d.conditions)?.conditions?.reReviewOn ?? '';
  approved = file('approved.json', approvedText);

  const owner = await signInActor('http://localhost', 'owner@example.com', demoPassword, send);
  const content = { ...cardFraudV1, sections: cardFraudV1.sections.map((s) => (s.kind === 'identification' ? { ...s, versionLabel: '7.4.0' } : s)) };
  const { package: pkg } = submitPackageResponseSchema.parse(await owner.post('/api/packages', { modelKey: 'card-fraud-detection', versionLabel: '7.4.0', content }));
  const reviewer = await signInActor('http://localhost', 'data-governance@example.com', demoPassword, send);
  await signDecision(reviewer, { packageId: pkg.id, stepKey: 'data_governance', decision: 'reject', reason: 'Retention basis missing.', concerns: [{ sectionKey: 'training_data', concern: 'No retention basis.', requiredChange: 'State it.' }], password: demoPassword });
  rejected = file('rejected.json', await exportRecord(send, pkg.id));

  // The conditions signed as obligations (decision record 0111): an exact scope statement and a report due in 20 days.
  const obligations = [
    { text: 'Card-not-present transactions only', ownerId: 'usr_owner', dueOn: dueIn(300), scope: { dimension: 'channel', allow: ['card_not_present'] } },
    { text: 'Monthly PSI report to model risk', ownerId: 'usr_owner', dueOn: psiDue, scope: null },
  ];
  const bound = await approveCardFraudCopy({ origin: 'http://localhost', send, password: demoPassword, versionLabel: '7.5.0', obligations });
  withObligations = file('obligations.json', await exportRecord(send, bound.id));

  const published = (await (await send('http://localhost/api/keys', {})).json()) as { keys: ServerKey[] };
  keys = file('keys.json', JSON.stringify(published));
});

const gate = (...args: string[]) => runScript('scripts/gate.ts', args);
const pass = ['--model', 'card-fraud-detection', '--version', '7.3.0'];

describe('npm run gate', () => {
  it('exits 0 for an approved, pinned record within its scope and before its re-review date', async () => {
    const { code, stdout, stderr } = await gate(...pass, '--record', approved, '--key-file', keys, '--scope', 'channel=card_not_present');
    expect(stderr).toBe('');
    expect(stdout).toBe(`APPROVED: card-fraud-detection 7.3.0 (approved with conditions, version 1, re-review due ${reReviewOn}), record signed by a pinned key\n`);
    expect(code).toBe(0);
    expect(signedScope).toBe('Card-not-present transactions only');
  });

  it('exits 1 with one line for each reason to stop a deployment', async () => {
    const flipped = file('forged.json', readFileSync(approved, 'utf8').replace('"Card-not-present transactions only"', '"All transactions"'));
    const otherKey = await generateServerKey();
    const cases: [string, string[], RegExp][] = [
      ['forged', [...pass, '--record', flipped, '--key-file', keys, '--scope', 'channel=card_not_present'], /^INVALID: /],
      ['unpinned', [...pass, '--record', approved, '--key', otherKey.publicKey, '--scope', 'channel=card_not_present'], /^(UNPINNED|INVALID): /],
      ['lapsed', [...pass, '--record', approved, '--key-file', keys, '--scope', 'channel=card_not_present', '--at', reReviewOn], new RegExp(`^LAPSED: the approval's re-review was due on ${reReviewOn}$`)],
      ['rejected', ['--model', 'card-fraud-detection', '--version', '7.4.0', '--record', rejected, '--key-file', keys], /^NOT APPROVED: card-fraud-detection 7\.4\.0 is rejected$/],
      ['out of scope', [...pass, '--record', approved, '--key-file', keys, '--scope', 'channel=card_present'], /^OUT OF SCOPE: channel=card_present is not within "Card-not-present transactions only"$/],
      ['no scope asked', [...pass, '--record', approved, '--key-file', keys], /^OUT OF SCOPE: approved only for "Card-not-present transactions only"/],
      ['another version', ['--model', 'card-fraud-detection', '--version', '9.9.9', '--record', approved, '--key-file', keys, '--scope', 'channel=card_not_present'], /^WRONG RECORD: it is for card-fraud-detection 7\.3\.0, not card-fraud-detection 9\.9\.9$/],
    ];
    for (const [name, args, line] of cases) {
      const { code, stdout } = await gate(...args);
      expect({ name, code }).toEqual({ name, code: 1 });
      const lines = stdout.trimEnd().split('\n');
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toMatch(line);
    }
  });

  it('holds a record signed with obligations to their exact scope and their due dates', async () => {
    const obliged = ['--model', 'card-fraud-detection', '--version', '7.5.0', '--record', withObligations, '--key-file', keys];
    const ok = await gate(...obliged, '--scope', 'channel=card_not_present');
    expect({ code: ok.code, stdout: ok.stdout }).toMatchObject({ code: 0, stdout: expect.stringMatching(/^APPROVED: card-fraud-detection 7\.5\.0 /) as unknown });
    const cases: [string, string[], string | RegExp][] = [
      // Within the words of "Card-not-present transactions only", outside the signed statement.
      ['a value the statement does not allow', ['--scope', 'channel=present'], 'OUT OF SCOPE: channel=present is not within channel ∈ {card_not_present}'],
      ['another dimension only', ['--scope', 'region=card_not_present'], /^OUT OF SCOPE: approved only for channel ∈ \{card_not_present\}/],
      ['past the report’s due date', ['--scope', 'channel=card_not_present', '--at', dueIn(21)], `CONDITIONS LAPSED: "Monthly PSI report to model risk" was due on ${psiDue} and is not fulfilled`],
    ];
    for (const [name, args, line] of cases) {
      const { code, stdout } = await gate(...obliged, ...args);
      expect({ name, code }).toEqual({ name, code: 1 });
      expect(stdout.trimEnd(), name).toMatch(line);
    }
  });

  it('exits 2 without a pinned key or a record', async () => {
    expect((await gate(...pass, '--record', approved)).code).toBe(2);
    expect((await gate(...pass, '--key-file', keys)).code).toBe(2);
  });
});
