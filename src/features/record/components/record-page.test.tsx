// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { getResponse, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockApi } from '#mocks/handlers.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';
import type { ApprovalRecord } from '#domain/contracts/record.ts';
import { signedCardFraudApproval } from '#tests/support/signed-approval.ts';

setupMockServer();

const cardFraud = 'pkg_card_fraud_detection';
const retail = 'pkg_retail_credit_pd';
const utc = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/;

/** A record exported by a mock API of its own, as text, with the server's file name. */
async function exported(id: string): Promise<{ text: string; disposition: string }> {
  const api = createMockApi({ signedInAs: 'committee@example.com' });
  await api.ready;
  return exportedFrom(api, id);
}

/** The record of a package approved through that API's real signing path, every decision signed. */
async function exportedSigned(): Promise<{ id: string; text: string; disposition: string; keys: string }> {
  const api = createMockApi({ signedInAs: 'committee@example.com' });
  await api.ready;
  const { id } = await signedCardFraudApproval(api);
  const keys = await getResponse(api.handlers, new Request('http://localhost/api/keys'));
  return { id, ...(await exportedFrom(api, id)), keys: (await keys?.text()) ?? '' };
}

async function exportedFrom(api: ReturnType<typeof createMockApi>, id: string): Promise<{ text: string; disposition: string }> {
  const response = await getResponse(api.handlers, new Request(`http://localhost/api/packages/${id}/record`));
  if (response?.status !== 200) throw new Error(`export of ${id} failed with ${String(response?.status)}`);
  return { text: await response.text(), disposition: response.headers.get('content-disposition') ?? '' };
}

/** The page pins the record's signer to the keys its own server publishes: serve the exporting server's. */
const serveKeys = (keys: string) => http.get('*/api/keys', () => new HttpResponse(keys, { headers: { 'content-type': 'application/json' } }));

const serve = (id: string, text: string, disposition = '') =>
  http.get(`*/api/packages/${id}/record`, () => new HttpResponse(text, { headers: { 'content-type': 'application/json', ...(disposition ? { 'content-disposition': disposition } : {}) } }));

function region(name: RegExp | string): HTMLElement {
  return screen.getByRole('region', { name });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('approval record page', () => {
  it('verifies the record in the browser and shows every signature with name, role, UTC time, meaning, conditions and validity', async () => {
    await renderApp('/', { signedInAs: 'committee@example.com', prepare: async (api) => `/packages/${(await signedCardFraudApproval(api)).id}/record` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Approval record: Card Fraud Detection (real-time authorization score) 7.2.0' })).toBeInTheDocument();
    expect(region(/^VALID/)).toHaveTextContent(/^✓ VALID — all \d+ checks passed in this browser/);
    // The key came from the server that made the record: said plainly, so no one takes it for an independent check.
    expect(region(/^VALID/)).toHaveTextContent('Checked against the public keys this server publishes (/api/keys): the same server that made the record.');
    expect(screen.queryByText(/INVALID/)).not.toBeInTheDocument();

    const summary = region('Package');
    expect(summary).toHaveTextContent('Approved with conditions');
    expect(summary).toHaveTextContent('Version 1 of 1');
    expect(within(summary).getByRole('button', { name: 'Copy the full content hash' })).toBeInTheDocument();

    const blocks = within(region(/^Decisions and signatures \(3\)/)).getAllByRole('article');
    expect(blocks.map((block) => within(block).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Approved — Data governance, version 1',
      'Approved with conditions — Model risk management, version 1',
      'Approved — Security, version 1',
    ]);
    const conditional = blocks[1];
    if (!conditional) throw new Error('no conditional approval');
    const facts = (block: HTMLElement) => Object.fromEntries(within(block).getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent ?? '']));
    const shown = facts(conditional);
    expect(shown).toMatchObject({
      'Signed by': 'Elena Vasquez, Head of Model Risk Management',
      Role: 'Model risk management',
      Meaning: 'Approved with conditions',
      Scope: 'Card-not-present transactions only',
      Signature: '✓ VALID',
    });
    expect(shown['Date and time']).toMatch(utc);
    expect(shown['Re-review by']).toMatch(/^\d{4}-\d\d-\d\d$/);
    for (const block of blocks) expect(facts(block).Signature).toBe('✓ VALID');

    expect(region(/^Version history \(1\)/)).toHaveTextContent('First version.');
    expect(region(/^Threads \(0\)/)).toHaveTextContent('No threads were opened on this package.');
    const audit = region(/^Audit entries/);
    const rows = within(audit).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row).toHaveTextContent(/Included in tree head of size \d+ ✓ verified$/);
    expect(within(audit).getByText('Merkle root').nextElementSibling?.textContent).toMatch(/^[0-9a-f]{64}$/);
    await expectNoAxeViolations();
  });

  it('calls the seeded demo decisions demonstration data, not evidence, beside each and over the whole record', async () => {
    await renderApp(`/packages/${cardFraud}/record`, { signedInAs: 'committee@example.com' });
    const verdict = await screen.findByRole('region', { name: /^DEMONSTRATION DATA, not evidence/ });
    expect(verdict).toHaveTextContent(/— 3 of \d+ checks failed/);
    expect(screen.queryByText(/✓ VALID/)).not.toBeInTheDocument();
    const blocks = within(region(/^Decisions and signatures \(3\)/)).getAllByRole('article');
    for (const block of blocks) {
      expect(block).toHaveTextContent('Signed withNothing: demonstration data seeded with the demo, not signed by anyone');
      expect(block).toHaveTextContent(/Demonstration data: seeded when the demo started, not signed by anyone\. It is not evidence\./);
    }
    await expectNoAxeViolations();
  });

  it('shows each revision with what changed and a link to its diff, and a rejection with its concerns', async () => {
    await renderApp(`/packages/${retail}/record`, { signedInAs: 'fair-lending@example.com' });
    const history = await screen.findByRole('region', { name: /^Version history \(2\)/ });
    const versions = within(history).getAllByRole('listitem').filter((item) => item.parentElement?.parentElement === history);
    expect(versions).toHaveLength(2);
    expect(versions[1]).toHaveTextContent(/Changes from version 1: 6 sections modified, 5 unchanged; 1 threshold now passing/);
    expect(within(history).getByRole('link', { name: 'Compare version 1 with 2' })).toHaveAttribute('href', `/packages/${retail}/diff?from=1&to=2`);
    expect(versions[1]).toHaveTextContent('Subgroup fairness: modified (11 changes), 1 threshold now passing');
    expect(versions[0]).toHaveTextContent('First version.');
    // The policy version's own terms, from the definition the record carries (0166).
    for (const version of versions) expect(version).toHaveTextContent('Policy terms: Applies to risk tiers 1, 2 in Consumer lending; a blocking failure enters review flagged; approval-ratio required for subgroups age-18-24, age-62-plus');

    const rejection = within(region(/^Decisions and signatures/)).getByRole('article', { name: /^Rejected — Fair lending, version 1/ });
    expect(rejection).toHaveTextContent(/Concerns.*Subgroup fairness: Disparate impact ratio of 0\.78.*Required change: Mitigate/);
    expect(within(history).queryByText('Approved version')).not.toBeInTheDocument();
    expect(region('Package')).toHaveTextContent('None: not approved');
  });

  it('lists a version\'s earlier policy checks under the check in effect, each with its number, time, policy version and outcome (0169)', async () => {
    const { text } = await exported(retail);
    const record = JSON.parse(text) as ApprovalRecord;
    const first = record.versions[0];
    if (!first?.policy || !first.policyDefinition) throw new Error('version 1 of the retail package is checked');
    first.earlierPolicyChecks = [{ seq: 0, evaluatedAt: '2026-12-01T09:30:00.000Z', policy: { ...first.policy, outcome: 'pass', checks: first.policy.checks.map((c) => ({ ...c, status: 'pass' as const })) }, policyDefinition: first.policyDefinition }];
    await renderApp(`/packages/${retail}/record`, { signedInAs: 'fair-lending@example.com', overrides: [serve(retail, JSON.stringify(record))] });
    const history = await screen.findByRole('region', { name: /^Version history \(2\)/ });
    const versions = within(history).getAllByRole('listitem').filter((item) => item.parentElement?.parentElement === history);
    expect(versions[0]).toHaveTextContent('Earlier checks of version 1, superseded by a re-check; decisions signed before it are bound to them:');
    expect(versions[0]).toHaveTextContent(`At submission (2026-12-01 09:30:00 UTC): ${first.policy.policy.name} (${first.policy.policy.key} version ${first.policy.policy.version}), every blocking requirement met; 0 of ${first.policy.checks.length} requirement result(s) not met`);
    expect(versions[1]).not.toHaveTextContent('Earlier checks');
    await expectNoAxeViolations();
  });

  it('says INVALID, with the failed check, when one character of the record was changed', async () => {
    const { id, text, keys } = await exportedSigned();
    const tampered = text.replace('Card-not-present transactions only', 'Card-not-present transactions onlY');
    expect(tampered).not.toBe(text);
    await renderApp(`/packages/${id}/record`, { signedInAs: 'committee@example.com', overrides: [serve(id, tampered), serveKeys(keys)] });
    const verdict = await screen.findByRole('region', { name: /^INVALID/ });
    expect(verdict).toHaveTextContent(/INVALID — \d+ of \d+ checks failed/);
    expect(within(verdict).getAllByRole('listitem')[0]).toHaveTextContent('Server signature over the record: /signature/value does not verify');
    // The tampered decision's own signature fails too, and says so beside it.
    const block = within(region(/^Decisions and signatures/)).getByRole('article', { name: /^Approved with conditions/ });
    expect(block).toHaveTextContent(/Signature✕ INVALID\/decisions\/1: The decision record differs from what was signed: conditions\./);
  });

  it('says INVALID for an untouched record signed by a key this server does not publish', async () => {
    // Exported by another server: consistent in itself, but not signed by the server in use.
    const { id, text } = await exportedSigned();
    await renderApp(`/packages/${id}/record`, { signedInAs: 'committee@example.com', overrides: [serve(id, text)] });
    const verdict = await screen.findByRole('region', { name: /^INVALID/ });
    expect(verdict).toHaveTextContent(/INVALID — 1 of \d+ checks failed/);
    expect(within(verdict).getAllByRole('listitem')[0]).toHaveTextContent(/^Server signature over the record: Signed with server key \w+ .*which is not one of the 1 trusted key given, nor linked to one by the record's signed key history\.$/);
  });

  it('downloads exactly the bytes the server sent, under the server’s file name, and prints', async () => {
    const { text, disposition } = await exported(cardFraud);
    expect(disposition).toMatch(/filename="approval-record-card-fraud-detection-7\.1\.0-v1\.json"/);
    const blobs: Blob[] = [];
    const create = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:record';
    });
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: create });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);

    const { user } = await renderApp(`/packages/${cardFraud}/record`, { signedInAs: 'committee@example.com', overrides: [serve(cardFraud, text, disposition)] });
    await user.click(await screen.findByRole('button', { name: 'Download record (JSON)' }));
    expect(clicked.map((link) => [link.download, link.getAttribute('href')])).toEqual([['approval-record-card-fraud-detection-7.1.0-v1.json', 'blob:record']]);
    expect(blobs).toHaveLength(1);
    expect(await blobs[0]?.text()).toBe(text);
    expect(blobs[0]?.type).toBe('application/json');
    // The signed PDF is the server's to make: a plain download link to its route.
    expect(screen.getByRole('link', { name: 'Download signed PDF' })).toHaveAttribute('href', `/api/packages/${cardFraud}/record.pdf`);

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('names the file after the package when the server suggests no name', async () => {
    const { text } = await exported(cardFraud);
    const clicked: HTMLAnchorElement[] = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: () => 'blob:record' });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { user } = await renderApp(`/packages/${cardFraud}/record`, { signedInAs: 'committee@example.com', overrides: [serve(cardFraud, text)] });
    await user.click(await screen.findByRole('button', { name: 'Download record (JSON)' }));
    expect(clicked[0]?.download).toBe(`approval-record-${cardFraud}.json`);
  });

  it('says there is no such package for an unknown id', async () => {
    await renderApp('/packages/pkg_nope/record', { signedInAs: 'committee@example.com' });
    expect(await screen.findByRole('heading', { level: 1, name: 'No such package' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download record (JSON)' })).not.toBeInTheDocument();
  });
});
