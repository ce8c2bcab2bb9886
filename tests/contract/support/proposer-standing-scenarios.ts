import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { accountRequestListSchema } from '#api/account-requests/contract.ts';
import { catalogueProposalListSchema, type NewCatalogueProposal } from '#api/catalogue-proposals/contract.ts';
import type { Client, Reply, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { mortgagePolicy } from './policy-scenarios.ts';
import { approveProposal, propose } from './catalogue-proposals.ts';
import { fileRequest } from './account-requests.ts';

// An adversary's LOW finding (docs/decisions/0182's amendment, 0192): a proposal or an account
// request stayed approvable after whoever filed it was disabled or lost the administrator role,
// so one administrator could act alone on a colleague's stale filing. At approval the filer must
// still be an enabled administrator: 409 with a stable type, nothing applied, rejection open.

const policyChange: NewCatalogueProposal = { kind: 'publish_policy', change: mortgagePolicy({ key: 'mortgage-orphaned', scope: { riskTiers: [2], businessLines: ['Mortgages'] } }) };

function expectNoLongerAdministrator(reply: Reply, detail: RegExp) {
  expectStatus(reply, 409);
  expect(reply.body).toMatchObject({ type: problemTypes.requesterNoLongerAdministrator });
  expect((reply.body as { detail: string }).detail).toMatch(detail);
}

async function proposalsSeenBy(client: Client) {
  return catalogueProposalListSchema.parse((await client.get('/api/catalogue-proposals')).body).items;
}

async function requestsSeenBy(client: Client) {
  return accountRequestListSchema.parse((await client.get('/api/admin/account-requests')).body).items;
}

async function actionsOn(client: Client, subject: string): Promise<string[]> {
  const page = auditPageSchema.parse((await client.get('/api/audit?limit=200')).body);
  return page.items.filter((e) => e.subject === subject).sort((a, b) => a.seq - b.seq).map((e) => e.action);
}

/** A third administrator, so that the demo's two can be disabled or demoted without leaving none. */
async function thirdAdministrator(target: Target): Promise<Client> {
  const { passwordHash } = (await target.store.findUserByEmail('admin@example.com')) ?? { passwordHash: '' };
  await target.store.insertUser({ id: 'usr_admin_third', email: 'admin-third@example.com', displayName: 'Kai Sato', title: 'Administrator', roles: ['admin'], passwordHash });
  return signedIn(target, 'admin-third@example.com');
}

/** Three administrators; the demo's first has filed a proposal and a grant, which the other two will decide. */
async function filedBeforeThirdAdministratorActs(target: Target) {
  const admin = await signedIn(target, 'admin@example.com');
  const deputy = await signedIn(target, 'admin-deputy@example.com');
  const third = await thirdAdministrator(target);
  const proposal = await propose(admin, policyChange);
  const grant = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_owner', roles: ['model_owner', 'model_risk'] });
  return { deputy, third, proposal, grant };
}

export const proposerStandingScenarios: Scenario[] = [
  {
    name: 'proposer standing (0192): a catalogue proposal and an account request whose filer was disabled are 409 at approval, nothing applied; listed as such; rejection still possible; enabled again, still void (filed again, approvable)',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const proposal = await propose(admin, policyChange);
      const grant = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_owner', roles: ['model_owner', 'model_risk'] });
      // Another request of theirs, left pending through the disable and the enable.
      const kept = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_privacy', roles: ['privacy', 'security'] });
      expect((await proposalsSeenBy(deputy)).find((p) => p.id === proposal.id)?.requesterStanding).toBe('administrator');
      expectStatus(await deputy.post('/api/admin/users/usr_admin/disable', null), 200);

      expectNoLongerAdministrator(await deputy.post(`/api/catalogue-proposals/${proposal.id}/approval`, { contentSha256: proposal.contentSha256, comparisonSha256: proposal.comparisonSha256 }), /Alex Morgan, who filed it, has been disabled since/);
      expectStatus(await deputy.get('/api/policies/mortgage-orphaned/versions/1'), 404);
      expect((await target.store.findCatalogueProposal(proposal.id))?.decision).toBeNull();
      expect((await proposalsSeenBy(deputy)).find((p) => p.id === proposal.id)).toMatchObject({ status: 'pending', requesterStanding: 'disabled' });

      expectNoLongerAdministrator(await deputy.post(`/api/admin/account-requests/${grant.id}/approval`, null), /disabled/);
      expect((await target.store.findUserById('usr_owner'))?.roles).toEqual(['model_owner']);
      expect((await requestsSeenBy(deputy)).find((r) => r.id === grant.id)).toMatchObject({ status: 'pending', requesterStanding: 'disabled' });
      expectStatus(await deputy.post(`/api/admin/account-requests/${grant.id}/rejection`, null), 200);
      expect(await actionsOn(deputy, 'usr_owner')).toEqual(['user.change_requested', 'user.change_rejected']);

      // Enabling needs no second administrator, so an enabled-again filer does not revive what
      // they filed before (adversary finding on 0192): the approver alone could otherwise
      // disable-enable their way past the check. Filed again after enabling, it goes through.
      expectStatus(await deputy.post('/api/admin/users/usr_admin/enable', null), 200);
      const afterEnable = await signedIn(target, 'admin@example.com');
      // Listed as void, one read for the list: an approver sees it cannot be approved before trying.
      expect((await proposalsSeenBy(deputy)).find((p) => p.id === proposal.id)).toMatchObject({ status: 'pending', requesterStanding: 'disabled_since_filing' });
      expectNoLongerAdministrator(await deputy.post(`/api/catalogue-proposals/${proposal.id}/approval`, { contentSha256: proposal.contentSha256, comparisonSha256: proposal.comparisonSha256 }), /was disabled after filing it; enabling the account again does not revive it/);
      expectStatus(await deputy.get('/api/policies/mortgage-orphaned/versions/1'), 404);
      expect((await requestsSeenBy(deputy)).find((r) => r.id === kept.id)).toMatchObject({ status: 'pending', requesterStanding: 'disabled_since_filing' });
      const regrant = await fileRequest(afterEnable, { kind: 'set_roles', userId: 'usr_owner', roles: ['model_owner', 'model_risk'] });
      expect((await requestsSeenBy(deputy)).find((r) => r.id === regrant.id)?.requesterStanding).toBe('administrator');
      expectStatus(await deputy.post(`/api/catalogue-proposals/${proposal.id}/rejection`, null), 200);
      const refiled = await propose(afterEnable, policyChange);
      expect((await approveProposal(deputy, refiled)).status).toBe('approved');
      expectStatus(await deputy.post(`/api/admin/account-requests/${regrant.id}/approval`, null), 200);
      expect(await actionsOn(deputy, 'mortgage-orphaned')).toEqual(['catalogue.change_proposed', 'catalogue.change_rejected', 'catalogue.change_proposed', 'catalogue.change_approved', 'policy.published']);
    },
  },
  {
    name: 'proposer standing (0192): a catalogue proposal and an account request whose filer lost the administrator role are 409 at approval, nothing applied; rejection still possible',
    async run(target) {
      const { deputy, third, proposal, grant } = await filedBeforeThirdAdministratorActs(target);
      // The administrator role taken away as 0175 allows it: the deputy files, the third approves.
      const demotion = await fileRequest(deputy, { kind: 'set_roles', userId: 'usr_admin', roles: [] });
      expectStatus(await third.post(`/api/admin/account-requests/${demotion.id}/approval`, null), 200);

      expectNoLongerAdministrator(await deputy.post(`/api/catalogue-proposals/${proposal.id}/approval`, { contentSha256: proposal.contentSha256, comparisonSha256: proposal.comparisonSha256 }), /no longer holds the administrator role/);
      expectStatus(await deputy.get('/api/policies/mortgage-orphaned/versions/1'), 404);
      expect((await proposalsSeenBy(deputy)).find((p) => p.id === proposal.id)).toMatchObject({ status: 'pending', requesterStanding: 'not_administrator' });
      expectNoLongerAdministrator(await third.post(`/api/admin/account-requests/${grant.id}/approval`, null), /no longer holds the administrator role/);
      expect((await target.store.findUserById('usr_owner'))?.roles).toEqual(['model_owner']);

      const rejected = await deputy.post(`/api/catalogue-proposals/${proposal.id}/rejection`, null);
      expectStatus(rejected, 200);
      expect(rejected.body).toMatchObject({ status: 'rejected' });
      expect(await actionsOn(deputy, 'mortgage-orphaned')).toEqual(['catalogue.change_proposed', 'catalogue.change_rejected']);
    },
  },
  {
    name: 'proposer standing (0192): a filer who lost the administrator role after filing and was granted it again does not revive the filing (listed role_lost_since_filing, 409 at approval); filed again, approvable',
    async run(target) {
      const { deputy, third, proposal, grant } = await filedBeforeThirdAdministratorActs(target);
      // Taken away and granted back as 0175 allows: the deputy files each, the third approves.
      for (const roles of [[], ['admin']] as const) {
        const change = await fileRequest(deputy, { kind: 'set_roles', userId: 'usr_admin', roles: [...roles] });
        expectStatus(await third.post(`/api/admin/account-requests/${change.id}/approval`, null), 200);
      }
      expect((await target.store.findUserById('usr_admin'))?.roles).toEqual(['admin']);

      // An administrator again, yet what they filed before losing the role stays void (adversary L-D).
      expect((await proposalsSeenBy(deputy)).find((p) => p.id === proposal.id)).toMatchObject({ status: 'pending', requesterStanding: 'role_lost_since_filing' });
      expect((await requestsSeenBy(deputy)).find((r) => r.id === grant.id)).toMatchObject({ status: 'pending', requesterStanding: 'role_lost_since_filing' });
      const lost = /Alex Morgan, who filed it, lost the administrator role after filing it; granting it again does not revive it/;
      expectNoLongerAdministrator(await deputy.post(`/api/catalogue-proposals/${proposal.id}/approval`, { contentSha256: proposal.contentSha256, comparisonSha256: proposal.comparisonSha256 }), lost);
      expectStatus(await deputy.get('/api/policies/mortgage-orphaned/versions/1'), 404);
      expectNoLongerAdministrator(await third.post(`/api/admin/account-requests/${grant.id}/approval`, null), lost);
      expect((await target.store.findUserById('usr_owner'))?.roles).toEqual(['model_owner']);

      // Filed again after the grant, it goes through.
      expectStatus(await deputy.post(`/api/catalogue-proposals/${proposal.id}/rejection`, null), 200);
      const again = await signedIn(target, 'admin@example.com');
      const refiled = await propose(again, policyChange);
      expect((await proposalsSeenBy(deputy)).find((p) => p.id === refiled.id)?.requesterStanding).toBe('administrator');
      expect((await approveProposal(deputy, refiled)).status).toBe('approved');
      expect(await actionsOn(deputy, 'mortgage-orphaned')).toEqual(['catalogue.change_proposed', 'catalogue.change_rejected', 'catalogue.change_proposed', 'catalogue.change_approved', 'policy.published']);
    },
  },
];
