import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServerProcess } from '#scripts/lib/server-process.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { freshContent } from '../support/fresh-content.ts';
import { httpTarget } from '../contract/support/http-target.ts';

// A real server process on SQLite is killed with SIGKILL in the middle of a burst of
// submissions. Every submission it acknowledged (201) must be there after a restart, whole.

const dataDir = mkdtempSync(join(tmpdir(), 'sigkill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('loses no acknowledged submission when the server is SIGKILLed mid-burst', async () => {
  const first = await startServerProcess({ dataDir });
  const owner = await signedIn(httpTarget(first.origin), 'owner@example.com');
  const acknowledged = new Map<string, string>();
  let sent = 0;

  const submitOne = async (i: number) => {
    const modelKey = `burst-${i}`;
    sent++;
    try {
      const reply = await owner.post('/api/packages', { modelKey, versionLabel: '1.0.0', content: freshContent(modelKey) });
      if (reply.status === 201) {
        const body = reply.body as { package: { id: string }; version: { contentHash: string } };
        acknowledged.set(body.package.id, body.version.contentHash);
      }
    } catch {
      // The connection died with the server: not acknowledged, so nothing is promised.
    }
  };

  // Eight clients submit continuously; the server is killed once some have been acknowledged.
  let next = 0;
  const clients = Array.from({ length: 8 }, async () => {
    while (next < 400) await submitOne(next++);
  });
  while (acknowledged.size < 25) await new Promise((r) => setTimeout(r, 5));
  first.crash();
  await Promise.allSettled(clients);
  expect(acknowledged.size).toBeGreaterThanOrEqual(25);
  expect(sent).toBeGreaterThan(acknowledged.size);

  const second = await startServerProcess({ dataDir });
  try {
    const reader = await signedIn(httpTarget(second.origin), 'owner@example.com');
    const listed = (await reader.get('/api/packages')).body as { items: { id: string; modelKey: string }[] };
    const ids = new Set(listed.items.map((i) => i.id));
    for (const [id, hash] of acknowledged) {
      expect(ids.has(id), `acknowledged package ${id} is missing after restart`).toBe(true);
      const version = (await reader.get(`/api/packages/${id}/versions/1`)).body as { contentHash: string };
      expect(version.contentHash).toBe(hash);
    }
    // Nothing half-written: every listed package has its version 1.
    for (const item of listed.items) {
      expect((await reader.get(`/api/packages/${item.id}/versions/1`)).status).toBe(200);
    }
  } finally {
    await second.stop();
  }
});
