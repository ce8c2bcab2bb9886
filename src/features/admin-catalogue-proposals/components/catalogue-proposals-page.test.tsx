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

type Kind = 'publish_revalidation_schedule' | 'add_business_line' | 'retire_business_line';

/** A proposal filed by `requestedBy` an hour ago as the API stores it: the row and its `catalogue.change_proposed` entry. */
async function store(api: MockApi, id: string, kind: Kind, subject: string, contentJson: string, requestedBy: string): Promise<string> {
  const at = new Date(Date.now() - hour).toISOString();
  const expiresAt = new Date(Date.now() + 71 * hour).toISOString();
  const contentSha256 = await sha256Hex(contentJson);
  await api.deps.store.insertCatalogueProposal({ id, kind, subject, contentJson, contentSha256, requestedBy, requestedAt: at, expiresAt, decision: null, decidedBy: null, decidedAt: null });
  await api.deps.store.appendAudit({ event: { action: 'catalogue.change_proposed', subject, before: null, after: { proposal: id, kind, contentSha256, expiresAt } }, actorId: requestedBy, at });
  return contentSha256;
}

/** A proposal to add a line. */
async function fileProposal(api: MockApi, id: string, label: string, requestedBy: string, contentJson = canonicalize({ kind: 'add_business_line', change: { label } })): Promise<string> {
  return store(api, id, 'add_business_line', label.toLowerCase(), contentJson, requestedBy);
}

/** A proposal of any content. */
async function fileContent(api: MockApi, id: string, content: { kind: Kind; change: unknown }, requestedBy: string): Promise<void> {
  await store(api, id, content.kind, 'revalidation schedule', canonicalize(content), requestedBy);
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

  it('an approval whose comparison changed since the page loaded is refused: the dialog says so (axe clean), shows the new list, and approving that applies it', async () => {
    let line = { key: '', label: '' };
    const { user, api } = await renderApp('/admin/catalogue-proposals', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        const found = (await mock.deps.store.listBusinessLines()).find((l) => l.retiredAt === null);
        if (!found) throw new Error('The demo lists a line');
        line = found;
        await store(mock, 'cpr_retire', 'retire_business_line', found.key, canonicalize({ kind: 'retire_business_line', change: { key: found.key } }), 'usr_admin_deputy');
      },
    });
    const card = (await screen.findByText(`Retire the business line "${line.key}"`)).closest('li');
    if (!card) throw new Error('No card');
    const named = 'Template racing-line v1 names this line; its packages would no longer reach it';
    expect(card).not.toHaveTextContent(named);
    // Another template naming the line is published while the page is open: the retirement now cuts it off.
    const [template] = await api.deps.store.listTemplates();
    if (!template) throw new Error('The demo has templates');
    await api.deps.store.insertTemplate({ ...template, key: 'racing-line', version: 1, businessLines: [line.label] });
    await user.click(within(card).getByRole('button', { name: /^Approve/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve this catalogue change?' });
    expect(dialog).not.toHaveTextContent(named);
    await user.click(within(dialog).getByRole('button', { name: 'Approve change' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Not approved: what this change replaces or loosens changed since you opened it');
    await waitFor(() => expect(dialog).toHaveTextContent(named));
    expect(card).toHaveTextContent(named);
    expect((await api.deps.store.findCatalogueProposal('cpr_retire'))?.decision).toBeNull();
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Approve change' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(`Approved, and in force: Retire the business line "${line.key}".`));
    expect((await api.deps.store.findCatalogueProposal('cpr_retire'))?.decision).toBe('approved');
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

  it('a proposal whose proposer was disabled after filing and enabled again reads as void: no Approve, Reject offered', async () => {
    await renderApp('/admin/catalogue-proposals', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await fileProposal(mock, 'cpr_revived', 'Auto loans', 'usr_admin_deputy');
        // Disabled and enabled again since filing: the account reads enabled, the audit log says otherwise.
        await mock.deps.store.appendAudit({ event: { action: 'user.disabled', subject: 'usr_admin_deputy', before: { disabledAt: null }, after: { disabledAt: new Date().toISOString(), sessionsEnded: 0 } }, actorId: 'usr_admin', at: new Date().toISOString() });
      },
    });
    const card = await cardOf('Auto loans');
    expect(card).toHaveTextContent('No longer approvable: Jordan Reyes, who proposed it, was disabled after filing it; enabling the account again does not revive it.');
    expect(within(card).queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: /^Reject/ })).toBeEnabled();
  });

  it('a proposal whose stored content was edited shows none of it, says so, and offers only Reject, which works', async () => {
    const { user, api } = await renderApp('/admin/catalogue-proposals', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await fileProposal(mock, 'cpr_edited', 'Auto loans', 'usr_admin_deputy');
        const edited = canonicalize({ kind: 'add_business_line', change: { label: 'Payday loans' } });
        const row = await mock.deps.store.findCatalogueProposal('cpr_edited');
        if (!row) throw new Error('not filed');
        await mock.deps.store.insertCatalogueProposal({ ...row, id: 'cpr_forged', contentJson: edited, contentSha256: await sha256Hex(edited) });
        await mock.deps.store.insertCatalogueProposal({ ...row, id: 'cpr_broken', contentJson: 'not json' });
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Catalogue proposals' });
    await cardOf('Auto loans');
    const tampered = await screen.findAllByText('Stored content not as filed: it was changed in the database');
    expect(tampered).toHaveLength(2);
    const card = tampered[0]?.closest('li');
    if (!card) throw new Error('no card');
    expect(card).toHaveTextContent('Not approvable: its stored content is not what was proposed');
    expect(card).not.toHaveTextContent('Payday loans');
    expect(within(card).queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
    await expectNoAxeViolations();
    await user.click(within(card).getByRole('button', { name: /^Reject/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /^Reject/ }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Rejected; nothing changed'));
    const decisions = await Promise.all(['cpr_forged', 'cpr_broken'].map(async (id) => (await api.deps.store.findCatalogueProposal(id))?.decision));
    expect(decisions.filter((d) => d === 'rejected')).toHaveLength(1);
  });

  it('a proposal as filed whose content no longer reads says so, without calling it tampered, and offers only Reject', async () => {
    await renderApp('/admin/catalogue-proposals', {
      signedInAs: 'admin@example.com',
      prepare: async (mock) => {
        await fileProposal(mock, 'cpr_current', 'Auto loans', 'usr_admin_deputy');
        // Row and filing entry agree; only today's contract refuses the body (an earlier form: `name`, not `label`).
        await fileProposal(mock, 'cpr_old_form', 'Old form', 'usr_admin_deputy', canonicalize({ kind: 'add_business_line', change: { name: 'Old form' } }));
      },
    });
    await cardOf('Auto loans');
    const card = (await screen.findByText('Stored content no longer readable: it was filed under an earlier form of this change')).closest('li');
    if (!card) throw new Error('no card');
    expect(card).toHaveTextContent('Not approvable: it was filed in an earlier form of this change that no longer reads today.');
    expect(card).not.toHaveTextContent('changed in the database');
    expect(within(card).queryByRole('button', { name: /^Approve/ })).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: /^Reject/ })).toBeEnabled();
    await expectNoAxeViolations();
  });
});
