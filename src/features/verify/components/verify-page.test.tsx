// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { getResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockApi } from '#mocks/handlers.ts';
import { approvalRecordSchema } from '#domain/contracts/record.ts';
import { keyFingerprint } from '#domain/evidence/key-pin.ts';
import { toBase64Url } from '#domain/signing/base64url.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { server, setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import { signedCardFraudApproval } from '#tests/support/signed-approval.ts';

setupMockServer();

const cardFraud = 'pkg_card_fraud_detection';

/**
 * A record exported by a mock API, exactly as the record page's download saves it: of a
 * package approved there through the real signing path, or of the seeded demo package.
 */
async function exportedRecord(of: 'signed' | 'demo' = 'signed'): Promise<string> {
  const api = createMockApi({ signedInAs: 'committee@example.com' });
  await api.ready;
  const id = of === 'demo' ? cardFraud : (await signedCardFraudApproval(api)).id;
  const response = await getResponse(api.handlers, new Request(`http://localhost/api/packages/${id}/record`));
  if (response?.status !== 200) throw new Error(`export failed with ${String(response?.status)}`);
  return response.text();
}

/** The public key a record says it is signed with: a test stands for the reader who obtained it from the server. */
function signerKey(text: string): string {
  const record = approvalRecordSchema.parse(JSON.parse(text));
  return record.serverKeys.find((key) => key.keyId === record.signature.keyId)?.publicKey ?? '';
}

const jsonFile = (text: string, name = 'approval-record.json') => new File([text], name, { type: 'application/json' });

/** Every request the page makes from now on: the verifier must make none. */
function watchRequests(): string[] {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => seen.push(`${request.method} ${request.url}`);
  server.events.on('request:start', listener);
  stopWatching.push(() => server.events.removeListener('request:start', listener));
  return seen;
}
const stopWatching: (() => void)[] = [];
afterEach(() => {
  for (const stop of stopWatching.splice(0)) stop();
});

async function openVerifyPage() {
  const view = await renderApp('/verify');
  expect(await screen.findByRole('heading', { level: 1, name: 'Verify an approval record' })).toBeInTheDocument();
  return view;
}

function checks(): { ok: boolean; text: string }[] {
  return within(screen.getByRole('list', { name: 'Checks' }))
    .getAllByRole('listitem')
    .map((item) => ({ ok: !item.textContent.includes('Failed: '), text: item.textContent }));
}

describe('verify page', () => {
  it('checks a downloaded record in the browser, without a single request, and says VALID with each check', async () => {
    const text = await exportedRecord();
    const { user } = await openVerifyPage();
    const requests = watchRequests();
    await user.type(screen.getByLabelText(/Trusted server key or fingerprint/), signerKey(text));
    await user.upload(screen.getByLabelText('Choose a record file'), jsonFile(text));

    const verdict = await screen.findByRole('heading', { level: 2, name: /^VALID — approval-record\.json: all \d+ checks passed$/ });
    expect(verdict).toHaveFocus();
    const report = screen.getByRole('region', { name: /^VALID/ });
    expect(report).toHaveTextContent('Card Fraud Detection (real-time authorization score) (card-fraud-detection)');
    expect(report).toHaveTextContent(/Version7\.2\.0/);
    expect(report).toHaveTextContent(/Exported\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC by Robert Castellano/);
    const shown = checks();
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.every((check) => check.ok)).toBe(true);
    expect(shown.map((check) => check.text)).toContainEqual(expect.stringMatching(/^✓Passed: Server signature over the record/));
    expect(requests).toEqual([]);
    await expectNoAxeViolations();
  });

  it('says INVALID, naming the failed checks, for a copy with one character changed', async () => {
    const text = await exportedRecord();
    const at = text.indexOf('Card-not-present transactions only');
    const tampered = `${text.slice(0, at)}X${text.slice(at + 1)}`;
    const { user } = await openVerifyPage();
    await user.upload(screen.getByLabelText('Choose a record file'), jsonFile(tampered, 'copy.json'));

    expect(await screen.findByRole('heading', { level: 2, name: /^INVALID — copy\.json: \d+ of \d+ checks failed$/ })).toBeInTheDocument();
    // Said first, then again in the list of every check.
    expect(within(screen.getByRole('list', { name: 'What failed' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Server signature over the record: \/signature\/value does not verify/),
      expect.stringMatching(/^Decision dec_[\w-]+: .*conditions\.$/),
      // The decision's in-toto attestation states the signed conditions, not the changed ones (docs/decisions/0104).
      expect.stringMatching(/^Attestation of decision dec_[\w-]+: \/attestations\/\d+: its statement is not the one the decision gives/),
    ]);
    const failed = checks().filter((check) => !check.ok);
    expect(failed.map((check) => check.text)).toEqual([
      expect.stringMatching(/^✗Failed: Server signature over the record\/signature\/value does not verify/),
      expect.stringMatching(/^✗Failed: Decision dec_[\w-]+: Approved with conditions by Elena Vasquez .*The decision record differs from what was signed: conditions\./),
      expect.stringMatching(/^✗Failed: Attestation of decision dec_[\w-]+/),
    ]);
    await expectNoAxeViolations();
  });

  it('says DEMONSTRATION DATA, not evidence, for the record of a seeded demo package', async () => {
    const text = await exportedRecord('demo');
    const { user } = await openVerifyPage();
    await user.upload(screen.getByLabelText('Choose a record file'), jsonFile(text));
    expect(await screen.findByRole('heading', { level: 2, name: /^DEMONSTRATION DATA, not evidence — approval-record\.json: 3 of \d+ checks failed$/ })).toBeInTheDocument();
    const failed = within(screen.getByRole('list', { name: 'What failed' })).getAllByRole('listitem');
    expect(failed).toHaveLength(3);
    for (const item of failed) expect(item).toHaveTextContent(/Demonstration data: seeded when the demo started, not signed by anyone\. It is not evidence\./);
    await expectNoAxeViolations();
  });

  it('says CONSISTENT BUT UNPINNED without a key, for a genuine record and for one forged under another key alike', async () => {
    const genuine = await exportedRecord();
    // Exported by another server: its own key signed everything in it.
    const forged = await exportedRecord();
    const { user } = await openVerifyPage();
    for (const [text, name] of [
      [genuine, 'genuine.json'],
      [forged, 'forged.json'],
    ] as const) {
      await user.upload(screen.getByLabelText('Choose a record file'), jsonFile(text, name));
      const heading = await screen.findByRole('heading', { level: 2, name: new RegExp(`^CONSISTENT BUT UNPINNED, not evidence of who signed — ${name.replace('.', '\\.')}: all \\d+ checks passed$`) });
      expect(heading).toHaveFocus();
      expect(screen.getByRole('region', { name: /^CONSISTENT BUT UNPINNED/ })).toHaveTextContent('it does not show who signed it');
      expect(checks().every((check) => check.ok)).toBe(true);
      expect(checks().find((check) => check.text.includes('Server signature over the record'))?.text).toContain('NOT PINNED');
    }
    await expectNoAxeViolations();

    // Pinned by the fingerprint of the genuine server's key, the forgery fails and the genuine record is VALID.
    const fingerprint = await keyFingerprint(signerKey(genuine));
    await user.type(screen.getByLabelText(/Trusted server key or fingerprint/), fingerprint);
    await user.upload(screen.getByLabelText('Choose a record file'), jsonFile(forged, 'forged.json'));
    expect(await screen.findByRole('heading', { level: 2, name: /^INVALID — forged\.json: 1 of \d+ checks failed$/ })).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Choose a record file'), jsonFile(genuine, 'genuine.json'));
    expect(await screen.findByRole('heading', { level: 2, name: /^VALID — genuine\.json/ })).toBeInTheDocument();
  });

  it('pins the signer with a trusted key: the right key passes, another fails, a malformed one is refused', async () => {
    const text = await exportedRecord();
    const serverKey = signerKey(text);
    const { user } = await openVerifyPage();
    const keyField = screen.getByLabelText(/Trusted server key or fingerprint/);

    await user.type(keyField, 'not a key');
    await user.upload(screen.getByLabelText('Choose a record file'), jsonFile(text));
    expect(await screen.findByText(/^Invalid base64url: unexpected character " " at position 3; give a base64url public key/)).toBeInTheDocument();
    expect(keyField).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();

    await user.clear(keyField);
    await user.type(keyField, toBase64Url(new Uint8Array(32).fill(9)));
    await user.upload(screen.getByLabelText('Choose a record file'), jsonFile(text));
    expect(await screen.findByRole('heading', { level: 2, name: /^INVALID/ })).toBeInTheDocument();
    expect(checks().find((check) => !check.ok)?.text).toMatch(/Server signature over the record.*not one of the 1 trusted key given/);

    await user.clear(keyField);
    await user.type(keyField, serverKey);
    await user.upload(screen.getByLabelText('Choose a record file'), jsonFile(text));
    expect(await screen.findByRole('heading', { level: 2, name: /^VALID/ })).toBeInTheDocument();
    expect(checks().find((check) => check.text.includes('Server signature over the record'))?.text).toMatch(/a trusted key\.$/);
  });

  it('refuses a file that is not JSON, or larger than 50 MB, with a clear message', async () => {
    const { user } = await openVerifyPage();
    await user.upload(screen.getByLabelText('Choose a record file'), new File(['%PDF-1.7 not a record'], 'record.pdf', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^This file cannot be checked\.record\.pdf is not a JSON file, so it cannot be an approval record \(.+\)\. Choose the \.json file/);
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();

    const huge = jsonFile('{}', 'huge.json');
    Object.defineProperty(huge, 'size', { value: 51 * 1024 * 1024 });
    await user.upload(screen.getByLabelText('Choose a record file'), huge);
    expect(await screen.findByRole('alert')).toHaveTextContent('huge.json is 51.0 MB; an approval record is at most 50 MB.');
  });
});
