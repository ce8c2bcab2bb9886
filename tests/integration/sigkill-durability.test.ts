import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { demoPackages } from '../../domain/demo/index.ts';
import type { PackageContent } from '../../domain/contracts/package-content.ts';

// A real server process on SQLite is killed with SIGKILL in the middle of a burst of
// submissions. Every submission it acknowledged (201) must be there after a restart, whole.

const dataDir = mkdtempSync(join(tmpdir(), 'sigkill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: 'localhost', STATIC_DIR: join(dataDir, 'no-app'), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /running at (http:\/\/\S+?)\/ /.exec(out);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve({ child, base: found[1] });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${String(code)}:\n${out}`)));
  });
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@example.com', password: 'demo-password' }) });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function contentFor(modelKey: string): PackageContent {
  const content = structuredClone(demoPackages[1]?.versions[0]);
  const id = content?.sections[0];
  if (!content || id?.kind !== 'identification') throw new Error('demo content missing');
  id.modelKey = modelKey;
  id.versionLabel = '1.0.0';
  return content;
}

it('loses no acknowledged submission when the server is SIGKILLed mid-burst', async () => {
  const first = await start();
  const cookie = await login(first.base);
  const acknowledged = new Map<string, string>();
  let sent = 0;

  const submitOne = async (i: number) => {
    const modelKey = `burst-${i}`;
    sent++;
    try {
      const response = await fetch(`${first.base}/api/packages`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ modelKey, versionLabel: '1.0.0', content: contentFor(modelKey) }) });
      if (response.status === 201) {
        const body = (await response.json()) as { package: { id: string }; version: { contentHash: string } };
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
  first.child.kill('SIGKILL');
  await Promise.allSettled(clients);
  expect(acknowledged.size).toBeGreaterThanOrEqual(25);
  expect(sent).toBeGreaterThan(acknowledged.size);

  const second = await start();
  try {
    const cookie2 = await login(second.base);
    const listed = (await (await fetch(`${second.base}/api/packages`, { headers: { cookie: cookie2 } })).json()) as { items: { id: string; modelKey: string }[] };
    const ids = new Set(listed.items.map((i) => i.id));
    for (const [id, hash] of acknowledged) {
      expect(ids.has(id), `acknowledged package ${id} is missing after restart`).toBe(true);
      const version = (await (await fetch(`${second.base}/api/packages/${id}/versions/1`, { headers: { cookie: cookie2 } })).json()) as { contentHash: string };
      expect(version.contentHash).toBe(hash);
    }
    // Nothing half-written: every listed package has its version 1.
    for (const item of listed.items) {
      const response = await fetch(`${second.base}/api/packages/${item.id}/versions/1`, { headers: { cookie: cookie2 } });
      expect(response.status).toBe(200);
    }
  } finally {
    second.child.kill('SIGTERM');
  }
});
