import { afterEach, describe, expect, it } from 'vitest';
import { readCookie, sessionCookieName } from '#api/kernel/cookies.ts';
import { routeList } from '#api/routes.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { expectations } from './authz-matrix/expectations.ts';
import { expectedOutcome } from './authz-matrix/expected-status.ts';
import { requests } from './authz-matrix/requests.ts';
import { fingerprint, openCell, principals, send, userOf, worldForThisFile, type Cell, type Principal, type Reply } from './authz-matrix/world.ts';

// Attacks on the real server (in process, SQLite), in the world the authorization matrix
// builds: owner A and owner B each with a package, threads by every reviewer, a pipeline token.
// Each attack states the defence it expects; see docs/decisions/0041-attack-tests.md.

const world = worldForThisFile();

const cells: Cell[] = [];
afterEach(async () => {
  for (const cell of cells.splice(0)) await cell.close();
});
async function freshCell(): Promise<Cell> {
  const cell = await openCell(world);
  cells.push(cell);
  return cell;
}

const detail = (reply: Reply) => (reply.body as { detail?: string }).detail ?? '';
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

/** Sends as a caller and checks the refusal changed nothing but (at most) the denial log. */
async function refused(cell: Cell, call: Parameters<typeof send>[2], status: number, audited: boolean): Promise<Reply> {
  const before = fingerprint(cell.file);
  const reply = await send(cell.app, world, call);
  const after = fingerprint(cell.file);
  expect(reply.status, `${call.method} ${call.path}: ${JSON.stringify(reply.body)}`).toBe(status);
  expect(reply.contentType).toContain('application/problem+json');
  expect(after.rows).toEqual(before.rows);
  expect(after.denied - before.denied).toBe(audited ? 1 : 0);
  return reply;
}

describe('IDOR: another owner’s objects by id', () => {
  it('owner A gets 404 (audited) for every read of owner B’s package, its versions, threads, record and audit', async () => {
    const cell = await freshCell();
    const b = world.ids.packageB;
    for (const path of [`/api/packages/${b}`, `/api/packages/${b}/versions/1`, `/api/packages/${b}/threads`, `/api/packages/${b}/reviews`, `/api/packages/${b}/verification`, `/api/packages/${b}/record`, `/api/packages/${b}/audit`]) {
      const reply = await refused(cell, { method: 'GET', path, as: 'model_owner' }, 404, true);
      // The answer is the same as for a package that does not exist: nothing confirms B's exists.
      const missing = await send(cell.app, world, { method: 'GET', path: path.replace(b, 'pkg_does_not_exist'), as: 'model_owner' });
      expect(missing.status).toBe(404);
      expect(detail(reply).replace(b, 'X')).toBe(detail(missing).replace('pkg_does_not_exist', 'X'));
    }
    const list = await send(cell.app, world, { method: 'GET', path: '/api/packages', as: 'model_owner' });
    expect((list.body as { items: { id: string }[] }).items.map((p) => p.id)).not.toContain(b);
  });

  it('a thread of owner B’s package named under owner A’s package is refused (404, audited), and so is its message', async () => {
    const cell = await freshCell();
    const a = world.ids.packageA;
    await refused(cell, { method: 'POST', path: `/api/packages/${a}/threads/${world.ids.threadOnB}/messages`, json: { body: 'Reaching across.' }, as: 'model_owner' }, 404, true);
    await refused(cell, { method: 'POST', path: `/api/packages/${a}/threads/${world.ids.threadOnB}/resolution`, as: 'fair_lending' }, 404, true);
    // Owner B's own package by path: invisible to A.
    await refused(cell, { method: 'POST', path: `/api/packages/${world.ids.packageB}/threads/${world.ids.threadOnB}/messages`, json: { body: 'Reaching across.' }, as: 'model_owner' }, 404, true);
  });

  it('a resubmission whose answers name owner B’s thread is refused with a pointer, writing nothing', async () => {
    const cell = await freshCell();
    const body = (await requests.submitVersion?.({ world, cell, principal: 'model_owner', variant: 'own' })) as { path: string; json: { content: unknown; answers: { target: { kind: string; threadId: string } }[] } };
    const answers = body.json.answers.map((a) => ({ ...a, target: { ...a.target, threadId: world.ids.threadOnB } }));
    const reply = await refused(cell, { method: 'POST', path: body.path, json: { ...body.json, answers }, as: 'model_owner' }, 422, false);
    expect(pointers(reply)).toContain('/answers/0/target');
  });

  it('the pipeline token cannot resubmit owner B’s package or submit for B’s model', async () => {
    const cell = await freshCell();
    const version = await requests.submitVersion?.({ world, cell, principal: 'token', variant: 'other' });
    const pkg = await requests.submitPackage?.({ world, cell, principal: 'token', variant: 'other' });
    if (!version || !pkg) throw new Error('requests exist');
    await refused(cell, { method: 'POST', path: version.path, json: version.json, as: 'token' }, 404, true);
    expect(detail(await refused(cell, { method: 'POST', path: pkg.path, json: pkg.json, as: 'token' }, 403, true))).toMatch(/scoped to model support-assistant-llm/);
  });
});

describe('role escalation through request fields', () => {
  it('a log-in body naming roles signs in with the account’s own roles only', async () => {
    const cell = await freshCell();
    const reply = await send(cell.app, world, { method: 'POST', path: '/api/session', json: { email: userOf.model_owner.email, password: 'demo-password', roles: ['admin'], id: 'usr_admin' }, as: 'anonymous' });
    expect(reply.status).toBe(200);
    expect((reply.body as { user: { id: string; roles: string[] } }).user).toMatchObject({ id: 'usr_owner', roles: ['model_owner'] });
  });

  it('ownerId, userId and createdBy in bodies are ignored: the caller is who the session says', async () => {
    const cell = await freshCell();
    const spec = await requests.submitPackage?.({ world, cell, principal: 'model_owner', variant: 'own' });
    if (!spec) throw new Error('request exists');
    const submitted = await send(cell.app, world, { method: 'POST', path: spec.path, json: { ...(spec.json as object), ownerId: 'usr_owner_b', userId: 'usr_owner_b', submittedBy: 'usr_admin' }, as: 'model_owner' });
    expect(submitted.status).toBe(201);
    const id = (submitted.body as { package: { id: string } }).package.id;
    expect((submitted.body as { version: { submittedBy: { id: string } } }).version.submittedBy.id).toBe('usr_owner');
    // Owner B cannot see it, so it is not B's.
    expect((await send(cell.app, world, { method: 'GET', path: `/api/packages/${id}`, as: 'owner_b' })).status).toBe(404);

    const thread = await send(cell.app, world, { method: 'POST', path: `/api/packages/${world.ids.packageA}/threads`, json: { versionNumber: 1, sectionKey: 'evaluation', kind: 'comment', body: 'Mine.', createdBy: { id: 'usr_committee', displayName: 'Robert Castellano', title: 'Chair' }, actorId: 'usr_committee' }, as: 'privacy' });
    expect(thread.status).toBe(201);
    expect((thread.body as { createdBy: { id: string } }).createdBy.id).toBe('usr_privacy');
  });

  it('a reviewer naming another delegator, or delegating a role they do not hold, is refused and audited', async () => {
    const cell = await freshCell();
    const window = { startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 41 * 86_400_000).toISOString(), reason: 'Escalation' };
    expect(detail(await refused(cell, { method: 'POST', path: '/api/delegations', json: { role: 'committee', delegatorId: 'usr_committee', delegateId: 'usr_privacy', ...window }, as: 'privacy' }, 403, true))).toMatch(/Only administrators/);
    expect(pointers(await refused(cell, { method: 'POST', path: '/api/delegations', json: { role: 'committee', delegateId: 'usr_privacy', ...window }, as: 'model_risk' }, 422, false))).toEqual(['/role']);
    // A model owner cannot make themselves a delegate's delegator: model_owner is not delegable.
    expect((await refused(cell, { method: 'POST', path: '/api/delegations', json: { role: 'model_owner', delegateId: 'usr_privacy', ...window }, as: 'model_owner' }, 422, false)).status).toBe(422);
  });

  it('signing as someone else, or for a role one does not hold, is refused', async () => {
    const cell = await freshCell();
    const spec = await requests.signDecision?.({ world, cell, principal: 'model_risk', variant: 'own' });
    if (!spec) throw new Error('request exists');
    const body = spec.json as { payload: { signer: unknown; role: string }; authentication: unknown };
    const asDana = { ...body, payload: { ...body.payload, signer: { id: userOf.data_governance.id, displayName: userOf.data_governance.displayName, title: userOf.data_governance.title } } };
    expect(pointers(await send(cell.app, world, { method: 'POST', path: spec.path, json: asDana, as: 'model_risk' }))).toContain('/payload/signer/id');
    // Her own name, data governance's step: she does not hold the role.
    expect((await send(cell.app, world, { method: 'POST', path: spec.path, json: body, as: 'model_risk' })).status).toBe(403);
  });

  it('strict contracts refuse unknown keys outright', async () => {
    const cell = await freshCell();
    expect(pointers(await refused(cell, { method: 'POST', path: '/api/notifications/read', json: { upToSeq: 1, userId: 'usr_admin' }, as: 'privacy' }, 422, false))).toEqual(['']);
  });
});

/** A request an allowed caller could make on every state-changing route. */
async function allowedWrite(routeId: string, cell: Cell): Promise<{ principal: Principal; path: string; json?: unknown } | null> {
  const expectation = expectations[routeId];
  const build = requests[routeId];
  const route = routeList.find((r) => r.id === routeId);
  if (!expectation || !build || !route) return null;
  for (const principal of principals.filter((p) => p !== 'anonymous' && p !== 'token')) {
    for (const variant of expectation.objects ? (['own', 'other'] as const) : (['none'] as const)) {
      const outcome = expectedOutcome(expectation, route.successStatus, principal, variant);
      if (outcome.status >= 400 && outcome.status !== expectation.allowedStatus?.status) continue;
      const spec = await build({ world, cell, principal, variant });
      if (spec) return { principal, ...spec };
    }
  }
  return null;
}

describe('cross-site requests', () => {
  const writes = routeList.filter((r) => r.method !== 'GET');

  it.each([
    ['an Origin of another site', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
  ])('%s is refused (403 problem, nothing changed) on every state-changing route', async (_name, headers) => {
    const cell = await freshCell();
    let checked = 0;
    for (const route of writes) {
      const call = await allowedWrite(route.id, cell);
      if (!call) throw new Error(`No allowed caller for ${route.id}`);
      const reply = await refused(cell, { method: route.method, path: call.path, json: call.json, as: call.principal, headers }, 403, false);
      expect(reply.body).toMatchObject({ type: problemTypes.crossSite });
      checked += 1;
    }
    expect(checked).toBe(writes.length);
  });

  it('a write without a JSON content type is refused (415, nothing changed) on every state-changing route, with a body or without', async () => {
    // A cross-site form or a no-cors fetch can send only these types without a CORS preflight.
    const cell = await freshCell();
    const bodyless = writes.filter((route) => !route.body);
    expect(bodyless.length).toBeGreaterThanOrEqual(10);
    for (const route of writes) {
      const call = await allowedWrite(route.id, cell);
      if (!call) throw new Error(`No allowed caller for ${route.id}`);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
        const reply = await refused(cell, { method: route.method, path: call.path, json: call.json, as: call.principal, headers: { 'content-type': type } }, 415, false);
        expect(reply.body).toMatchObject({ type: problemTypes.unsupportedMediaType });
      }
    }
    // And with no content type at all, as a body-less fetch sends it.
    for (const route of bodyless) {
      const call = await allowedWrite(route.id, cell);
      if (!call || call.principal === 'anonymous' || call.principal === 'token') throw new Error(`No signed-in caller for ${route.id}`);
      const before = fingerprint(cell.file);
      const response = await cell.app.fetch(new Request(`http://localhost${call.path}`, { method: route.method, headers: { cookie: `${sessionCookieName}=${world.cookies[call.principal] ?? ''}` } }));
      expect(response.status, `${route.method} ${call.path}`).toBe(415);
      expect(fingerprint(cell.file).rows).toEqual(before.rows);
    }
  });

  it('the session cookie is HttpOnly, SameSite=Strict, Path=/, and Secure over https', async () => {
    const cell = await freshCell();
    const login = (url: string) => cell.app.fetch(new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: userOf.privacy.email, password: 'demo-password' }) }));
    const plain = (await login('http://localhost/api/session')).headers.get('set-cookie') ?? '';
    expect(plain).toMatch(/HttpOnly/);
    expect(plain).toMatch(/SameSite=Strict/);
    expect(plain).toMatch(/Path=\//);
    expect(plain).not.toMatch(/Secure/);
    const tls = (await login('https://localhost/api/session')).headers.get('set-cookie') ?? '';
    expect(tls).toMatch(/; Secure/);
    expect(tls).toMatch(/HttpOnly/);
  });
});

describe('sessions', () => {
  const loginWith = async (cell: Cell, email: string, planted?: string) => {
    const headers = new Headers({ 'content-type': 'application/json' });
    if (planted) headers.set('cookie', `${sessionCookieName}=${planted}`);
    const response = await cell.app.fetch(new Request('http://localhost/api/session', { method: 'POST', headers, body: JSON.stringify({ email, password: 'demo-password' }) }));
    expect(response.status).toBe(200);
    const token = readCookie(response.headers.get('set-cookie'), sessionCookieName);
    if (!token) throw new Error('no session cookie');
    return token;
  };
  // Who the server says a cookie is: `GET /api/session` answers `{ user: null }` for a dead one
  // (docs/decisions/0097), so a dead cookie is one that names nobody.
  const whoIs = async (cell: Cell, token: string) => {
    const reply = await cell.app.fetch(new Request('http://localhost/api/session', { headers: { cookie: `${sessionCookieName}=${token}` } }));
    expect(reply.status).toBe(200);
    return ((await reply.json()) as { user: { id: string } | null }).user;
  };

  it('session fixation: a cookie planted before log-in is not the session after it, and is dead', async () => {
    const cell = await freshCell();
    // The attacker signs in, then plants their own (valid) session cookie in the victim's browser.
    const planted = await loginWith(cell, userOf.model_owner.email);
    const victims = await loginWith(cell, userOf.committee.email, planted);
    expect(victims).not.toBe(planted);
    expect(await whoIs(cell, planted)).toBeNull();
    expect((await whoIs(cell, victims))?.id).toBe('usr_committee');
    // A made-up value is never adopted either.
    const madeUp = 'attacker-chosen-session-value-000000000000';
    expect(await loginWith(cell, userOf.committee.email, madeUp)).not.toBe(madeUp);
    expect(await whoIs(cell, madeUp)).toBeNull();
  });

  it('log-out ends the session on the server: the old cookie gets 401 everywhere afterwards', async () => {
    const cell = await freshCell();
    const token = await loginWith(cell, userOf.model_risk.email);
    const cookie = `${sessionCookieName}=${token}`;
    expect((await whoIs(cell, token))?.id).toBe('usr_model_risk');
    const out = await cell.app.fetch(new Request('http://localhost/api/session', { method: 'DELETE', headers: { cookie, 'content-type': 'application/json' } }));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    // A copy of the cookie kept by someone else is as dead as the browser's.
    expect(await whoIs(cell, token)).toBeNull();
    expect((await cell.app.fetch(new Request('http://localhost/api/packages', { headers: { cookie } }))).status).toBe(401);
    const write = await cell.app.fetch(new Request(`http://localhost/api/packages/${world.ids.packageA}/threads`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ versionNumber: 1, sectionKey: 'evaluation', kind: 'comment', body: 'After log-out.' }) }));
    expect(write.status).toBe(401);
  });
});

describe('replayed signing requests', () => {
  it('the same signed request twice, or twice at once, records one decision', async () => {
    const cell = await freshCell();
    const decisionsOn = async (id: string) => ((await send(cell.app, world, { method: 'GET', path: `/api/packages/${id}`, as: 'committee' })).body as { decisions: { stepKey: string }[] }).decisions.filter((d) => d.stepKey === 'data_governance').length;

    const first = await requests.signDecision?.({ world, cell, principal: 'data_governance', variant: 'own' });
    if (!first) throw new Error('request exists');
    const once = await send(cell.app, world, { method: 'POST', path: first.path, json: first.json, as: 'data_governance' });
    expect(once.status).toBe(201);
    const replay = await send(cell.app, world, { method: 'POST', path: first.path, json: first.json, as: 'data_governance' });
    expect(replay.status).toBe(409);
    expect(await decisionsOn(world.ids.packageA)).toBe(1);

    // The same nonce in a request changed after the fact (another reason) is no second decision either.
    const changed = { ...(first.json as { payload: object }), payload: { ...(first.json as { payload: object }).payload, reason: 'Changed after signing.' } };
    expect((await send(cell.app, world, { method: 'POST', path: first.path, json: changed, as: 'data_governance' })).status).toBe(409);

    // Two identical requests racing: exactly one wins.
    const race = await requests.signDecision?.({ world, cell, principal: 'data_governance', variant: 'other' });
    if (!race) throw new Error('request exists');
    const answers = await Promise.all([0, 1].map(() => send(cell.app, world, { method: 'POST', path: race.path, json: race.json, as: 'data_governance' })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await decisionsOn(world.ids.packageB)).toBe(1);
  });
});
