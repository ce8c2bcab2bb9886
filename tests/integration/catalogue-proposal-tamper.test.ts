import { describe, expect, it } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { Client } from '../contract/support/client.ts';
import { propose } from '../contract/support/catalogue-proposals.ts';
import { catalogueProposalListSchema } from '#api/catalogue-proposals/contract.ts';
import { mortgagePolicy } from '../contract/support/policy-scenarios.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';

// An adversary's LOW finding (0182's amendment, docs/decisions/0192): `catalogue_proposals` is an
// ordinary table, outside the audit log's chain. Someone with the database edits a proposal's
// content between filing and approval (a threshold lowered); before, the approval applied the
// edited content. Now the stored text is hashed again at approval: refused 409, nothing applied,
// and the refusal is audited as a tamper signal. The approval that does go through names the
// canonical content it applied.

const defer = cleanUpAfterEach();
const strict = mortgagePolicy({ key: 'mortgage-tampered', scope: { riskTiers: [2], businessLines: ['Mortgages'] } });

async function setUp() {
  const { target, store, openFile } = await seededSqliteApp(defer);
  const admin = new Client(target);
  expect((await admin.login('admin@example.com')).status).toBe(200);
  const deputy = new Client(target);
  expect((await deputy.login('admin-deputy@example.com')).status).toBe(200);
  const filed = await propose(admin, { kind: 'publish_policy', change: strict });
  const db = openFile();
  const edit = (contentJson: string, contentSha256?: string) =>
    contentSha256 === undefined
      ? db.prepare('UPDATE catalogue_proposals SET content_json = ? WHERE id = ?').run(contentJson, filed.id)
      : db.prepare('UPDATE catalogue_proposals SET content_json = ?, content_sha256 = ? WHERE id = ?').run(contentJson, contentSha256, filed.id);
  if (filed.content === null) throw new Error('filed as tampered');
  const lax = canonicalize({ ...filed.content, change: { ...filed.content.change, name: 'Mortgage credit, lax', metrics: [] , requiredSections: [{ section: 'evaluation', enforcement: 'advisory' }] } });
  const actions = async () => auditPageSchema.parse((await deputy.get('/api/audit?limit=200')).body).items.filter((e) => e.subject === 'mortgage-tampered');
  const listed = async () => {
    const reply = await deputy.get('/api/catalogue-proposals');
    expect(reply.status).toBe(200);
    return catalogueProposalListSchema.parse(reply.body).items.find((p) => p.id === filed.id);
  };
  const setColumn = (column: string, value: string | null) => db.prepare(`UPDATE catalogue_proposals SET ${column} = ? WHERE id = ?`).run(value, filed.id);
  /** An approval refused as tampered, nothing applied, the proposal still undecided. */
  const refusedAsTampered = async (by: Client) => {
    const reply = await by.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ type: problemTypes.proposalTampered });
    expect((await deputy.get('/api/policies/mortgage-tampered/versions/1')).status).toBe(404);
    expect((await store.findCatalogueProposal(filed.id))?.decision).toBeNull();
  };
  return { store, admin, deputy, filed, edit, setColumn, lax, actions, listed, refusedAsTampered };
}

describe('a catalogue proposal edited in the database (0192)', () => {
  it('is refused at approval when its content no longer hashes to the stored SHA-256, audited as a tamper signal, nothing applied', async () => {
    const { deputy, filed, edit, lax, actions, refusedAsTampered } = await setUp();
    edit(lax);
    await refusedAsTampered(deputy);
    const entries = await actions();
    expect(entries.map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_tampered']);
    expect(entries[1]).toMatchObject({ actorId: 'usr_admin_deputy', after: { proposal: filed.id, storedSha256: filed.contentSha256, contentSha256: await sha256Hex(lax), shownSha256: filed.contentSha256 } });
  });

  it('is refused when content and hash were both replaced but the approver was shown the filed one; and when the stored text is not canonical', async () => {
    const { deputy, filed, edit, lax, actions } = await setUp();
    edit(lax, await sha256Hex(lax));
    expect((await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 })).body).toMatchObject({ status: 409, type: problemTypes.proposalTampered });
    // Same content, spelled otherwise: not the canonical text that was hashed at filing.
    const original = canonicalize(filed.content);
    edit(JSON.stringify(JSON.parse(original), null, 1), filed.contentSha256);
    const reply = await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 });
    expect(reply.body).toMatchObject({ status: 409, type: problemTypes.proposalTampered });
    expect((await deputy.get('/api/policies/mortgage-tampered/versions/1')).status).toBe(404);
    expect((await actions()).map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_tampered', 'catalogue.change_tampered']);

    // Put back as filed, it is approved, and the approval entry holds the canonical content it applied.
    edit(original, filed.contentSha256);
    expect((await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 })).status).toBe(200);
    const approved = (await actions()).find((e) => e.action === 'catalogue.change_approved');
    expect(approved?.after).toMatchObject({ contentSha256: filed.contentSha256, content: original });
    expect(await sha256Hex((approved?.after as { content: string }).content)).toBe(filed.contentSha256);
  });

  it('is refused when content and hash were both replaced before the approver loaded the page: the hash recorded in the audit log at filing decides (0192, amended)', async () => {
    const { store, deputy, filed, edit, lax, actions, listed } = await setUp();
    const laxSha256 = await sha256Hex(lax);
    edit(lax, laxSha256);
    // The approver sees the edited row as tampered, and approving with the hash it shows is refused.
    expect(await listed()).toMatchObject({ tampered: true, content: null, contentSha256: laxSha256 });
    const reply = await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: laxSha256, comparisonSha256: filed.comparisonSha256 });
    expect(reply.body).toMatchObject({ status: 409, type: problemTypes.proposalTampered });
    expect((reply.body as { detail: string }).detail).toContain(filed.contentSha256);
    expect((await deputy.get('/api/policies/mortgage-tampered/versions/1')).status).toBe(404);
    expect((await store.findCatalogueProposal(filed.id))?.decision).toBeNull();
    const entries = await actions();
    expect(entries.map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_tampered']);
    expect(entries[1]?.after).toMatchObject({ storedSha256: laxSha256, contentSha256: laxSha256, shownSha256: laxSha256, filedSha256: filed.contentSha256 });
  });

  it('whose content no longer parses is listed as tampered (the list does not fail), cannot be approved, and can be rejected (adversary L3)', async () => {
    const { deputy, filed, edit, actions, listed } = await setUp();
    for (const [broken, sha] of [['not json at all', undefined], ['{"kind":"no_such_kind"}', await sha256Hex('{"kind":"no_such_kind"}')]] as const) {
      edit(broken, sha);
      expect(await listed()).toMatchObject({ tampered: true, content: null, replacesVersion: null, current: null, weakens: [], status: 'pending' });
      const approval = await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: sha ?? filed.contentSha256, comparisonSha256: filed.comparisonSha256 });
      expect(approval.body).toMatchObject({ status: 409, type: problemTypes.proposalTampered });
    }
    const rejected = await deputy.post(`/api/catalogue-proposals/${filed.id}/rejection`, null);
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', tampered: true, content: null });
    expect(await listed()).toBeUndefined();
    expect((await actions()).map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_tampered', 'catalogue.change_tampered', 'catalogue.change_rejected']);
  });
});

// An adversary's MEDIUM finding (M-B, 0192's fourth amendment): only the content hash was tied to
// the chained filing entry, the last matching entry winning. With the table, an attacker made the
// filer's colleague the filer (so the filer approved their own filing), lengthened its life,
// changed its kind or subject, or appended a second filing entry for edited content. The row is
// now bound to exactly one entry, column by column.
describe('a catalogue proposal whose other columns were edited (0192, fourth amendment)', () => {
  const later = (iso: string) => new Date(Date.parse(iso) + 3_600_000).toISOString();
  // Earlier: the entry is read from the row's requestedAt on, so a later one finds no filing (also tampered, as `filing`).
  const earlier = (iso: string) => new Date(Date.parse(iso) - 60_000).toISOString();
  const edits = [
    // The filer approves their own filing once the row names their colleague as its filer.
    { column: 'requested_by', value: () => 'usr_admin_deputy', approver: 'admin' },
    { column: 'expires_at', value: (p: { expiresAt: string }) => later(p.expiresAt), approver: 'deputy' },
    { column: 'requested_at', value: (p: { requestedAt: string }) => earlier(p.requestedAt), approver: 'deputy' },
    { column: 'kind', value: () => 'publish_template', approver: 'deputy' },
    { column: 'subject', value: () => 'mortgage-renamed', approver: 'deputy' },
  ] as const;

  for (const { column, value, approver } of edits) {
    it(`refuses the approval when ${column} was edited: 409 proposal-tampered naming it, one tamper entry, nothing applied`, async () => {
      const { store, admin, deputy, filed, setColumn, actions, listed } = await setUp();
      setColumn(column, value(filed));
      expect(await listed()).toMatchObject({ tampered: true, unreadable: false, content: null });
      const reply = await { admin, deputy }[approver].post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 });
      expect(reply.body).toMatchObject({ status: 409, type: problemTypes.proposalTampered });
      expect((reply.body as { detail: string }).detail).toContain(column);
      expect((await deputy.get('/api/policies/mortgage-tampered/versions/1')).status).toBe(404);
      expect(await store.findCatalogueProposal(filed.id)).toMatchObject({ decision: null, decidedBy: null });
      const all = auditPageSchema.parse((await deputy.get('/api/audit?limit=200')).body).items.filter((e) => e.action.startsWith('catalogue.') || e.action === 'policy.published');
      expect(all.map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_tampered']);
      expect(all[1]?.after).toMatchObject({ proposal: filed.id, mismatched: [column] });
      expect((await actions()).length).toBeLessThanOrEqual(2);
    });
  }

  it('refuses content and hash edited to match a second filing entry appended for the same proposal (the last one won before)', async () => {
    const { store, deputy, filed, edit, lax, actions, listed } = await setUp();
    const laxSha256 = await sha256Hex(lax);
    edit(lax, laxSha256);
    // Written through the store, so the entry is chained as a real one would be.
    await store.appendAudit({ event: { action: 'catalogue.change_proposed', subject: filed.subject, before: null, after: { proposal: filed.id, kind: filed.kind, contentSha256: laxSha256, expiresAt: filed.expiresAt } }, actorId: filed.requestedBy.id, at: filed.requestedAt });
    expect(await listed()).toMatchObject({ tampered: true, content: null });
    const reply = await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: laxSha256, comparisonSha256: filed.comparisonSha256 });
    expect(reply.body).toMatchObject({ status: 409, type: problemTypes.proposalTampered });
    expect((await deputy.get('/api/policies/mortgage-tampered/versions/1')).status).toBe(404);
    expect((await store.findCatalogueProposal(filed.id))?.decision).toBeNull();
    const entries = await actions();
    expect(entries.map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_proposed', 'catalogue.change_tampered']);
    expect(entries[2]?.after).toMatchObject({ mismatched: ['filing'], filedSha256: null });
  });

  it('refuses a decided proposal put back to undecided (a replay): the decision entry names it', async () => {
    const { store, admin, deputy, filed, setColumn, actions } = await setUp();
    expect((await deputy.post(`/api/catalogue-proposals/${filed.id}/rejection`, null)).status).toBe(200);
    setColumn('decision', null);
    setColumn('decided_by', null);
    setColumn('decided_at', null);
    // The filer too: the tamper check comes before "you filed this" (0198, amended 2026-12-06).
    const third = await admin.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 });
    expect(third.body).toMatchObject({ status: 409, type: problemTypes.proposalTampered });
    const reply = await deputy.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 });
    expect(reply.body).toMatchObject({ status: 409, type: problemTypes.proposalTampered });
    expect((await deputy.get('/api/policies/mortgage-tampered/versions/1')).status).toBe(404);
    expect((await store.findCatalogueProposal(filed.id))?.decision).toBeNull();
    const entries = await actions();
    expect(entries.map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_rejected', 'catalogue.change_tampered', 'catalogue.change_tampered']);
    expect(entries.slice(2).map((e) => [e.actorId, e.after])).toEqual([
      ['usr_admin', expect.objectContaining({ mismatched: ['decision'] })],
      ['usr_admin_deputy', expect.objectContaining({ mismatched: ['decision'] })],
    ]);
  });

  // An adversary's LOW finding (L-2, 0198 amended 2026-12-06): "you filed this" believed the row's
  // filer before the tamper check, so a row edited to name the approver answered a quiet 403.
  it('refuses, as tampered and audited, an approval by the administrator the row was edited to name as its filer (not a quiet 403)', async () => {
    const { admin, deputy, filed, setColumn, actions, refusedAsTampered } = await setUp();
    setColumn('requested_by', 'usr_admin_deputy');
    await refusedAsTampered(deputy);
    const entries = await actions();
    expect(entries.map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_tampered']);
    expect(entries[1]).toMatchObject({ actorId: 'usr_admin_deputy', after: { proposal: filed.id, mismatched: ['requested_by'] } });
    // Put back as filed, its filer still may not approve it: 403, no further tamper signal.
    setColumn('requested_by', 'usr_admin');
    expect((await admin.post(`/api/catalogue-proposals/${filed.id}/approval`, { contentSha256: filed.contentSha256, comparisonSha256: filed.comparisonSha256 })).status).toBe(403);
    expect((await actions()).map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_tampered']);
  });
});

// An adversary's LOW finding (L-B, 0192's fourth amendment): a row exactly as filed whose content
// today's contract refuses (its form changed since filing) was called tampered, and each approval
// attempt wrote a tamper signal nobody should chase. It is `unreadable` now: Reject only, no signal.
describe('a catalogue proposal as filed that no longer reads (0192, fourth amendment)', () => {
  it('is listed unreadable, not tampered; approval is 409 proposal-unreadable with no tamper entry; rejection works', async () => {
    const { store, deputy } = await setUp();
    // Filed under an earlier form of the policy body: row and chained entry agree with each other.
    const contentJson = canonicalize({ kind: 'publish_policy', change: { key: 'mortgage-old-form', thresholds: { auc: 0.7 } } });
    const contentSha256 = await sha256Hex(contentJson);
    const requestedAt = new Date().toISOString();
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const row = { id: 'cpr_old_form', kind: 'publish_policy', subject: 'mortgage-old-form', contentJson, contentSha256, requestedBy: 'usr_admin', requestedAt, expiresAt, decision: null, decidedBy: null, decidedAt: null } as const;
    await store.insertCatalogueProposal(row);
    await store.appendAudit({ event: { action: 'catalogue.change_proposed', subject: row.subject, before: null, after: { proposal: row.id, kind: row.kind, contentSha256, expiresAt } }, actorId: row.requestedBy, at: requestedAt });
    const listed = catalogueProposalListSchema.parse((await deputy.get('/api/catalogue-proposals')).body).items.find((p) => p.id === row.id);
    expect(listed).toMatchObject({ unreadable: true, tampered: false, content: null, contentSha256, weakens: [], requesterStanding: 'administrator' });
    const reply = await deputy.post(`/api/catalogue-proposals/${row.id}/approval`, { contentSha256, comparisonSha256: listed?.comparisonSha256 });
    expect(reply.body).toMatchObject({ status: 409, type: problemTypes.proposalUnreadable });
    expect((await store.findCatalogueProposal(row.id))?.decision).toBeNull();
    const rejected = await deputy.post(`/api/catalogue-proposals/${row.id}/rejection`, null);
    expect(rejected.body).toMatchObject({ status: 'rejected', unreadable: true, tampered: false });
    const entries = auditPageSchema.parse((await deputy.get('/api/audit?limit=200')).body).items.filter((e) => e.subject === row.subject);
    expect(entries.map((e) => e.action)).toEqual(['catalogue.change_proposed', 'catalogue.change_rejected']);
  });
});
