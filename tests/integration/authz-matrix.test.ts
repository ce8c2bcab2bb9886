import { describe, expect, it } from 'vitest';
import { routeList, type RouteDef } from '#api/routes.ts';
import { expectations } from './authz-matrix/expectations.ts';
import { expectedOutcome, type Variant } from './authz-matrix/expected-status.ts';
import { requests } from './authz-matrix/requests.ts';
import { oidcRoutePaths } from '#server/auth/oidc-routes.ts';
import { samlRoutePaths } from '#server/auth/saml-routes.ts';
import { samlPaths, ssoPaths } from '#domain/contracts/sso.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { fingerprint, openCell, principals, send, worldForThisFile, type Cell } from './authz-matrix/world.ts';

// The authorization matrix, generated from the server's own route table: every route × every
// caller (anonymous, a pipeline API token, one user per role) × the caller's own object and
// someone else's, on the real server (in process, SQLite). Each answer is held to the rule in
// authz-matrix/expectations.ts; each refusal must change nothing and (for an identified
// caller) be one access.denied audit entry. Allowed writes each run on a fresh copy of the
// world, so one cell never depends on another.

const world = worldForThisFile();

const tally = { routes: 0, cells: 0, notApplicable: 0, refused: 0, audited: 0 };

describe('authorization matrix', () => {
  it('has an expectation and a request for every route in the route table, and none for routes that are gone', () => {
    const ids = new Set(routeList.map((r) => r.id));
    const missing = routeList.filter((r) => !(r.id in expectations)).map((r) => `route ${r.id} has no authorization expectation`);
    const noRequest = routeList.filter((r) => !(r.id in requests)).map((r) => `route ${r.id} has no request in authz-matrix/requests.ts`);
    const stale = [...Object.keys(expectations), ...Object.keys(requests)].filter((id) => !ids.has(id)).map((id) => `authorization expectation for ${id}, which is not a route any more`);
    expect([...missing, ...noRequest, ...new Set(stale)]).toEqual([]);
  });

  for (const route of routeList) {
    it(`${route.method} ${route.path} (${route.id})`, async () => {
      const expectation = expectations[route.id];
      const build = requests[route.id];
      // The coverage test above names what is missing.
      if (!expectation || !build) return;
      await runRoute(route, expectation, build);
    });
  }

  // Single sign-on answers with redirects, so its routes live outside the JSON route table
  // (server/auth/oidc-routes.ts, saml-routes.ts). They are public: each is held here to what it
  // may do for any caller, and must grant no session and change nothing by itself (the world has
  // no provider configured; tests/integration/oidc-login.test.ts and saml-login.test.ts cover
  // the configured flows). The SAML ACS is the one POST (the IdP's HTTP-POST binding).
  const outsideTable: Record<string, { status: number; location?: string; method?: 'POST' }> = {
    [ssoPaths.config]: { status: 200 },
    [ssoPaths.login]: { status: 302, location: '/login?sso_error=not_configured' },
    [ssoPaths.callback]: { status: 302, location: '/login?sso_error=not_configured' },
    [samlPaths.config]: { status: 200 },
    [samlPaths.login]: { status: 302, location: '/login?sso_error=not_configured' },
    [samlPaths.acs]: { status: 302, location: '/login?sso_error=not_configured', method: 'POST' },
    [samlPaths.metadata]: { status: 404 },
  };
  const outsidePaths = [...oidcRoutePaths, ...samlRoutePaths];

  it('has an expectation for every single sign-on route served outside the table', () => {
    expect(outsidePaths.filter((path) => !(path in outsideTable))).toEqual([]);
  });

  for (const path of outsidePaths) {
    it(`${outsideTable[path]?.method ?? 'GET'} ${path} (single sign-on, outside the table)`, async () => {
      const expected = outsideTable[path];
      if (!expected) return;
      const cell = await openCell(world);
      try {
        for (const principal of principals) {
          const before = fingerprint(cell.file);
          const headers = new Headers();
          if (principal === 'token') headers.set('authorization', `Bearer ${world.apiToken}`);
          else if (principal !== 'anonymous') headers.set('cookie', `${sessionCookieName}=${world.cookies[principal] ?? ''}`);
          const post = expected.method === 'POST';
          if (post) headers.set('content-type', 'application/x-www-form-urlencoded');
          const response = await cell.app.fetch(new Request(`http://localhost${path}?returnTo=/admin/tokens`, { headers, redirect: 'manual', ...(post ? { method: 'POST', body: 'SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4%3D' } : {}) }));
          await response.text();
          expect(response.status, `${path} as ${principal}`).toBe(expected.status);
          if (expected.location) expect(response.headers.get('location'), `${path} as ${principal}`).toBe(expected.location);
          expect(response.headers.get('set-cookie') ?? '', `${path} as ${principal} sets no session`).not.toContain(`${sessionCookieName}=`);
          expect(fingerprint(cell.file), `${path} as ${principal} changes nothing`).toEqual(before);
          tally.cells += 1;
        }
      } finally {
        await cell.close();
      }
    });
  }

  it('prints what ran', () => {
    const line = `authz matrix: ${tally.routes} routes (+ ${outsidePaths.length} single sign-on routes outside the table) × ${principals.length} callers × own/other objects = ${tally.cells} cells (${tally.notApplicable} not applicable), ${tally.refused} refusals, ${tally.audited} of them audited`;
    console.log(line);
    expect(tally.routes).toBe(routeList.length);
  });
});

async function runRoute(route: RouteDef, expectation: (typeof expectations)[string], build: (typeof requests)[string]): Promise<void> {
  const variants: Variant[] = expectation.objects ? ['own', 'other'] : ['none'];
  // Reads and refusals share one copy of the world (a refusal changes nothing, which is checked);
  // every allowed write gets its own.
  const shared = await openCell(world);
  const failures: string[] = [];
  try {
    for (const principal of principals) {
      for (const variant of variants) {
        const expected = expectedOutcome(expectation, route.successStatus, principal, variant);
        const refusal = expected.status === 401 || expected.status === 403 || expected.status === 404;
        const fresh = route.method !== 'GET' && !refusal;
        const cell: Cell = fresh ? await openCell(world) : shared;
        try {
          const spec = await build({ world, cell, principal, variant });
          if (!spec) {
            if (variant === 'own' && expectation.ownless?.includes(principal)) {
              tally.notApplicable += 1;
              continue;
            }
            throw new Error(`No request for ${route.id} as ${principal} (${variant})`);
          }
          const before = fingerprint(cell.file);
          const reply = await send(cell.app, world, { method: route.method, path: spec.path, json: spec.json, as: principal });
          const after = fingerprint(cell.file);
          tally.cells += 1;
          const where = `${route.id} as ${principal} on ${variant}`;
          if (reply.status !== expected.status) {
            failures.push(`${where}: expected ${expected.status}, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
            continue;
          }
          if (reply.status >= 400 && !reply.contentType.includes('application/problem+json')) failures.push(`${where}: a refusal must be problem+json, was ${reply.contentType}`);
          if (!refusal) continue;
          tally.refused += 1;
          if (JSON.stringify(after.rows) !== JSON.stringify(before.rows)) failures.push(`${where}: refused but changed ${changed(before.rows, after.rows)}`);
          const deniedEntries = after.denied - before.denied;
          if (deniedEntries !== (expected.audited ? 1 : 0)) failures.push(`${where}: expected ${expected.audited ? 'one' : 'no'} access.denied entry, found ${deniedEntries}`);
          if (expected.audited && deniedEntries === 1) tally.audited += 1;
        } finally {
          if (fresh) await cell.close();
        }
      }
    }
  } finally {
    await shared.close();
  }
  tally.routes += 1;
  expect(failures).toEqual([]);
}

function changed(before: Record<string, number>, after: Record<string, number>): string {
  return Object.keys({ ...before, ...after })
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} ${before[table] ?? 0} → ${after[table] ?? 0}`)
    .join(', ');
}
