import { expect } from 'vitest';
import { Client, type Target } from './client.ts';
import { expectStatus } from './signing-scenarios.ts';
import { changeRolesWithApproval } from './account-requests.ts';

// What lets a caller read a version is checked on every read, however often the same version
// was read before (and its answer kept: server/db/version-responses.ts, docs/decisions/0161):
// an ended session, a disabled account and a role taken away are refused at the very next read.

async function signedIn(target: Target, email: string): Promise<Client> {
  const client = new Client(target);
  expectStatus(await client.login(email), 200);
  return client;
}

/** A version the model-risk reviewer may read, not the reviewer's own package. */
async function readableVersion(reviewer: Client): Promise<string> {
  const list = (await reviewer.get('/api/packages')).body as { items: { id: string; latestVersion: number }[] };
  const first = list.items[0];
  if (!first) throw new Error('no package to read');
  return `/api/packages/${first.id}/versions/${first.latestVersion}`;
}

async function readTwice(client: Client, path: string): Promise<void> {
  for (let i = 0; i < 2; i++) expectStatus(await client.get(path), 200);
}

export const readRevocationScenarios = [
  {
    name: 'version reads: after sign-out the same session is refused at the next read (401)',
    async run(target: Target) {
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const path = await readableVersion(reviewer);
      await readTwice(reviewer, path);
      const stolen = reviewer.cookie;
      expectStatus(await reviewer.delete('/api/session'), 204);
      const replay = new Client(target);
      replay.cookie = stolen;
      expectStatus(await replay.get(path), 401);
    },
  },
  {
    name: 'version reads: a disabled account is refused at its next read (401)',
    async run(target: Target) {
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const admin = await signedIn(target, 'admin@example.com');
      const path = await readableVersion(reviewer);
      await readTwice(reviewer, path);
      expectStatus(await admin.post('/api/admin/users/usr_model_risk/disable', null), 200);
      expectStatus(await reviewer.get(path), 401);
    },
  },
  {
    name: 'version reads: a reviewer whose roles become model owner only no longer reads another owner’s package (404), and reads it again once the role is back',
    async run(target: Target) {
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const admin = await signedIn(target, 'admin@example.com');
      const path = await readableVersion(reviewer);
      await readTwice(reviewer, path);
      expectStatus(await admin.send('PUT', '/api/admin/users/usr_model_risk/roles', { json: { roles: ['model_owner'] } }), 200);
      const refused = await reviewer.get(path);
      expectStatus(refused, 404);
      expect(JSON.stringify(refused.body)).not.toContain('"content"');
      // Granting model risk back needs a second administrator (0175).
      await changeRolesWithApproval(target, 'usr_model_risk', ['model_risk']);
      expectStatus(await reviewer.get(path), 200);
    },
  },
];
