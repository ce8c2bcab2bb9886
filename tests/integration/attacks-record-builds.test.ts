import { afterEach, describe, expect, inject, it } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import { Client, type Reply, type Target } from '../contract/support/client.ts';
import { postgresTarget, sqliteTarget } from '../contract/support/targets.ts';

// A review finding replayed: the deployment gate (GET /api/gate), like the JSON and PDF record
// exports, builds and signs a whole approval record on every call, and nothing bounded how many
// one caller could ask for: a leaked pipeline token could keep the compute pool full so that
// nobody else's export got in. Each build now counts against the caller's record limit
// (RECORD_RATE_LIMIT_PER_MINUTE): past it 429 with Retry-After, no record is built, and the
// audit log gains one access.rate_limited entry per window however many are refused.

const limit = 5;
const open: Target[] = [];
afterEach(async () => {
  for (const target of open.splice(0)) await target.close();
});

function expectRateLimited(reply: Reply): void {
  expect(reply.status).toBe(429);
  expect(reply.contentType).toContain('application/problem+json');
  expect(reply.body).toMatchObject({ type: problemTypes.rateLimited, status: 429 });
  expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
}

async function signedIn(target: Target, email: string): Promise<Client> {
  const client = new Client(target);
  expect((await client.login(email)).status).toBe(200);
  return client;
}

async function firstPackage(client: Client): Promise<{ id: string; modelKey: string; versionLabel: string }> {
  const list = (await client.get('/api/packages')).body as { items: { id: string; modelKey: string; versionLabel: string }[] };
  const pkg = list.items[0];
  if (!pkg) throw new Error('The demo data has no package this account can see');
  return pkg;
}

describe.each([
  ['SQLite', () => sqliteTarget({ recordBuildsPerMinute: limit })],
  ['PostgreSQL', () => postgresTarget(inject('databaseUrl'), { recordBuildsPerMinute: limit })],
])('approval records built per caller (%s)', (_name, start) => {
  it(`admits exactly ${limit} of 12 concurrent gate checks and exports, refuses the rest with 429, and notes the window once`, async () => {
    const target = await start();
    open.push(target);
    const reviewer = await signedIn(target, 'model-risk@example.com');
    const pkg = await firstPackage(reviewer);
    const gate = `/api/gate?model=${encodeURIComponent(pkg.modelKey)}&version=${encodeURIComponent(pkg.versionLabel)}`;
    const before = (await target.store.listAuditEntries({ action: 'access.rate_limited' }, 0, 100)).length;

    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => reviewer.get(i % 3 === 0 ? `/api/packages/${pkg.id}/record` : gate)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(limit);
    const refused = replies.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(12 - limit);
    for (const reply of refused) expectRateLimited(reply);

    const noted = await target.store.listAuditEntries({ action: 'access.rate_limited' }, 0, 100);
    expect(noted).toHaveLength(before + 1);
    expect(JSON.parse(noted.at(-1)?.afterJson ?? '{}')).toMatchObject({ scope: 'record_builds', limit });

    // The limit is per caller: another reviewer still gets a record.
    const other = await signedIn(target, 'security@example.com');
    expect((await other.get(gate)).status).toBe(200);
  });
});
