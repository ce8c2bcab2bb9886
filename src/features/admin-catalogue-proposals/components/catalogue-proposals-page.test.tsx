// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import type { MockApi } from '#mocks/handlers.ts';
import { expectNoAxeViolations } from '#src/test/axe.ts';
import { setupMockServer } from '#src/test/mock-server.ts';
import { renderApp } from '#src/test/render-app.tsx';

setupMockServer();

const hour = 3_600_000;

/** A proposal to add a line, filed by `requestedBy` an hour ago, as the API stores it. */
async function fileProposal(api: MockApi, id: string, label: string, requestedBy: string, contentJson = canonicalize({ kind: 'add_business_line', change: { label } })): Promise<string> {
  const at = Date.now() - hour;
  const contentSha256 = await sha256Hex(contentJson);
  await api.deps.store.insertCatalogueProposal({ id, kind: 'add_business_line', subject: label.toLowerCase(), contentJson, contentSha256, requestedBy, requestedAt: new Date(at).toISOString(), expiresAt: new Date(at + 72 * hour).toISOString(), decision: null, decidedBy: null, decidedAt: null });
  return contentSha256;
}

/** A proposal of any content, filed by `requestedBy` an hour ago. */
async function fileContent(api: MockApi, id: string, content: { kind: 'publish_revalidation_schedule' | 'add_business_line'; change: unknown }, requestedBy: string): Promise<void> {
  const at = Date.now() - hour;
  const contentJson = canonicalize(content);
  await api.deps.store.insertCatalogueProposal({ id, kind: content.kind, subject: 'revalidation schedule', contentJson, contentSha256: await sha256Hex(contentJson), requestedBy, requestedAt: new Date(at).toISOString(), expiresAt: new Date(at + 72 * hour).toISOString(), decision: null, decidedBy: null, decidedAt: null });
}

/** The card of the proposal adding `label`, once the list has loaded. */
async function cardOf(label: string): Promise<HTMLElement> {
  const summary = await screen.findByText(`Add the business line "${label}"`);
  const card = summary.closest('li');
  if (!card) throw new Error(`No card for ${label}`);
  return card;
}

describe('catalogue proposals page', () => {
  it("shows each pending change with its content hash; the proposer may not decide their own; another administrator approves in a dialog and the line is added", async () => {
    let hash = '';
    const { user, api } = await renderApp('/admin/catalogue-proposals', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        hash = await fileProposal(mock, 'cpr_deputys', 'Auto loans', 'usr_admin_deputy');
        await fileProposal(mock, 'cpr_mine', 'Leasing', 'usr_admin');
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Catalogue proposals' });
    const deputys = await cardOf('Auto loans');
    const mine = await cardOf('Leasing');
    expect(deputys).toHaveTextContent(`Content SHA-256: ${hash}`);
    expect(deputys).toHaveTextContent('Proposed by Jordan Reyes');
    expect(within(mine).queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
    expect(mine).toHaveTextContent('You proposed this change; another administrator approves or rejects it.');
    await expectNoAxeViolations();

    await user.click(within(deputys).getByRole('button', { name: 'Approve: Add the business line "Auto loans"' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this catalogue change?' });
    expect(dialog).toHaveTextContent(hash);
    await user.click(within(dialog).getByRole('button', { name: 'Approve change' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Approved, and in force: Add the business line "Auto loans".'));
    expect((await api.deps.store.listBusinessLines()).map((l) => l.label)).toContain('Auto loans');
    expect((await api.deps.store.findCatalogueProposal('cpr_deputys'))?.decidedBy).toBe('usr_admin');
  });

  it('a proposal another administrator decided meanwhile is refused, the dialog says why, and nothing changes', async () => {
    const { user, api } = await renderApp('/admin/catalogue-proposals', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await fileProposal(mock, 'cpr_raced', 'Auto loans', 'usr_admin_deputy');
      },
    });
    const card = await cardOf('Auto loans');
    // A third administrator rejects it while the page is open.
    await api.deps.store.decideCatalogueProposal('cpr_raced', 'rejected', 'usr_admin_deputy', new Date().toISOString());
    await user.click(within(card).getByRole('button', { name: /^Approve/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this catalogue change?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve change' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/rejected already/);
    expect((await api.deps.store.listBusinessLines()).map((l) => l.label)).not.toContain('Auto loans');
  });

  it('names the version a change replaces, lists what it weakens and shows the diff on the card and in the dialog', async () => {
    const { user } = await renderApp('/admin/catalogue-proposals', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await fileContent(mock, 'cpr_schedule', { kind: 'publish_revalidation_schedule', change: { months: { '1': 18, '2': 24, '3': 36, '4': 48 }, replacesVersion: 1 } }, 'usr_admin_deputy');
      },
    });
    const summary = await screen.findByText(/^Publish a revalidation schedule/);
    const card = summary.closest('li');
    if (!card) throw new Error('No card');
    expect(card).toHaveTextContent('replacing version 1');
    expect(card).toHaveTextContent('Weakens a control compared with version 1:');
    expect(card).toHaveTextContent('Tier 1 is revalidated every 18 months instead of every 12');
    await user.click(within(card).getByText('Changes against version 1'));
    expect([...card.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['− Removed:     "1": 12,']);
    expect([...card.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['+ Added:     "1": 18,']);
    await expectNoAxeViolations();
    await user.click(within(card).getByRole('button', { name: /^Approve/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this catalogue change?' });
    expect(dialog).toHaveTextContent('Tier 1 is revalidated every 18 months instead of every 12');
  });

  it('a proposal whose proposer was disabled since reads as no longer approvable: no Approve, Reject still offered', async () => {
    const { api } = await renderApp('/admin/catalogue-proposals', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await fileProposal(mock, 'cpr_orphan', 'Auto loans', 'usr_admin_deputy');
        await mock.deps.store.setUserDisabled('usr_admin_deputy', new Date().toISOString());
      },
    });
    const card = await cardOf('Auto loans');
    expect(card).toHaveTextContent('No longer approvable: Jordan Reyes, who proposed it, has been disabled since.');
    expect(within(card).queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Reject: Add the business line "Auto loans"' })).toBeEnabled();
    expect((await api.deps.store.findCatalogueProposal('cpr_orphan'))?.decision).toBeNull();
  });
});
