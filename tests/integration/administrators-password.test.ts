import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '#api/index.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { createMockApi, demoPassword, type MockApiOptions } from '#mocks/handlers.ts';
import { apiRequest, demoSessionCookie } from '../support/mock-api-session.ts';

// With mail on, an account that decides or administers while its password is one an
// administrator set changes nothing until its holder sets their own through a link
// (docs/decisions/0181, amended): the mark was only read when a role was granted, so accounts
// that already held a role (from before 0181, the bootstrap administrator) kept deciding on it.


async function markedOfficer(options: MockApiOptions): Promise<{ deps: ApiDeps; cookie: string }> {
  const api = createMockApi(options);
  await api.ready;
  const officer = await api.deps.store.findUserByEmail('model-risk@example.com');
  if (!officer) throw new Error('no demo officer');
  await api.deps.store.setUserPassword(officer.id, officer.passwordHash, false, { setByAdmin: 'usr_admin', at: new Date().toISOString() });
  return { deps: api.deps, cookie: await demoSessionCookie(api.deps, 'model-risk@example.com') };
}

describe('a deciding account on an administrator’s password', () => {
  it('with mail on, reads but changes nothing until its holder sets their own password', async () => {
    const { deps, cookie } = await markedOfficer({ mail: { enabled: true, digestHourUtc: 7 } });
    expect((await handleApiRequest(apiRequest('GET', '/api/packages', null, cookie), deps)).status).toBe(200);
    const write = await handleApiRequest(apiRequest('POST', '/api/account/step-up', { password: demoPassword }, cookie), deps);
    expect(write.status).toBe(409);
    expect(((await write.json()) as { type: string }).type).toBe(problemTypes.credentialSetByAdministrator);
  });

  it('with mail off, is not held (there is no channel the administrator does not control)', async () => {
    const { deps, cookie } = await markedOfficer({});
    expect((await handleApiRequest(apiRequest('POST', '/api/account/step-up', { password: demoPassword }, cookie), deps)).status).toBe(200);
  });
});
