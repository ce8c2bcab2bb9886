import { describe, expect, it } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import { accountRequestListSchema } from '#api/account-requests/contract.ts';
import { catalogueProposalListSchema } from '#api/catalogue-proposals/contract.ts';
import { Client } from '../contract/support/client.ts';
import { propose } from '../contract/support/catalogue-proposals.ts';
import { fileRequest } from '../contract/support/account-requests.ts';
import { mortgagePolicy } from '../contract/support/policy-scenarios.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';

// An adversary's LOW finding (L-A, 0192's fourth amendment): "disabled since filing" compared the
// `user.disabled` entry's wall clock with the filing's, and those may come from instances whose
// clocks disagree. A disable written by an instance behind looked older than the filing (the
// filing stayed approvable); one written before filing by an instance ahead looked newer (a good
// filing was void). The audit seq orders them as they happened. The server's clock is moved here
// to play those instances.

const defer = cleanUpAfterEach();
const minute = 60_000;
const change = { kind: 'publish_policy', change: mortgagePolicy({ key: 'mortgage-clocks', scope: { riskTiers: [2], businessLines: ['Mortgages'] } }) } as const;

async function setUp() {
  let clock = Date.now();
  const { target } = await seededSqliteApp(defer, { now: () => new Date(clock) });
  const signIn = async (email: string) => {
    const client = new Client(target);
    expect((await client.login(email)).status).toBe(200);
    return client;
  };
  const deputy = await signIn('admin-deputy@example.com');
  /** Disabled and enabled again by the deputy, on an instance whose clock reads `offset` from the filer's. */
  const disableAndEnable = async (offset: number) => {
    const before = clock;
    clock += offset;
    expect((await deputy.post('/api/admin/users/usr_admin/disable', null)).status).toBe(200);
    expect((await deputy.post('/api/admin/users/usr_admin/enable', null)).status).toBe(200);
    clock = before;
  };
  const approve = ({ id, contentSha256, comparisonSha256 }: { id: string; contentSha256: string; comparisonSha256: string }) => deputy.post(`/api/catalogue-proposals/${id}/approval`, { contentSha256, comparisonSha256 });
  const proposals = async () => catalogueProposalListSchema.parse((await deputy.get('/api/catalogue-proposals')).body).items;
  const requests = async () => accountRequestListSchema.parse((await deputy.get('/api/admin/account-requests')).body).items;
  return { signIn, deputy, disableAndEnable, approve, proposals, requests, tick: () => (clock += minute) };
}

describe('a filer disabled and enabled again, on instances whose clocks disagree (0192, fourth amendment)', () => {
  it('after filing, by an instance ten minutes behind: the filing is void all the same (listed so, 409 at approval)', async () => {
    const { signIn, disableAndEnable, approve, proposals, requests, tick, deputy } = await setUp();
    const admin = await signIn('admin@example.com');
    const filed = await propose(admin, change);
    const request = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_owner', roles: ['model_owner', 'model_risk'] });
    await disableAndEnable(-10 * minute);
    tick();
    expect((await proposals()).find((p) => p.id === filed.id)?.requesterStanding).toBe('disabled_since_filing');
    expect((await requests()).find((r) => r.id === request.id)?.requesterStanding).toBe('disabled_since_filing');
    const reply = await approve(filed);
    expect(reply.body).toMatchObject({ status: 409, type: problemTypes.requesterNoLongerAdministrator });
    expect((await deputy.get('/api/policies/mortgage-clocks/versions/1')).status).toBe(404);
    expect((await deputy.post(`/api/admin/account-requests/${request.id}/approval`, null)).body).toMatchObject({ status: 409, type: problemTypes.requesterNoLongerAdministrator });
  });

  it('before filing, by an instance ten minutes ahead: the filing stands (listed so, approved)', async () => {
    const { signIn, disableAndEnable, approve, proposals, tick, deputy } = await setUp();
    await disableAndEnable(10 * minute);
    const admin = await signIn('admin@example.com');
    const filed = await propose(admin, change);
    tick();
    expect((await proposals()).find((p) => p.id === filed.id)?.requesterStanding).toBe('administrator');
    expect((await approve(filed)).status).toBe(200);
    expect((await deputy.get('/api/policies/mortgage-clocks/versions/1')).status).toBe(200);
  });
});
