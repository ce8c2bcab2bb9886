import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#demo/seed-demo.ts';
import type { Store } from '#api/store/store.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { createApp } from '#server/app.ts';
import { clinicalRelease } from '../support/fresh-content.ts';
import { runScript, type ScriptRun } from '../support/run-script.ts';

// `npm run submit`, run as a pipeline runs it: a separate Node process with the token in its
// environment, against a real server (SQLite, demo data) listening on a free port, judged by
// its exit code and what it prints.

const dir = mkdtempSync(join(tmpdir(), 'submit-cli-'));
let store: Store;
let server: ServerType;
let url = '';
let adminCookie = '';
let ownerCookie = '';

const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

function submit(args: string[], token: string | undefined): Promise<ScriptRun> {
  const env = { ...process.env };
  delete env.MODEL_APPROVAL_TOKEN;
  if (token !== undefined) env.MODEL_APPROVAL_TOKEN = token;
  return runScript('scripts/submit.ts', args, env);
}

/** Made by the models' owner: a token submits in its creator's name. */
async function createToken(modelKey: string, name: string): Promise<{ id: string; secret: string }> {
  const response = await fetch(`${url}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, cookie: ownerCookie }, body: JSON.stringify({ modelKey, name }) });
  expect(response.status).toBe(201);
  const created = (await response.json()) as { token: { id: string }; secret: string };
  return { id: created.token.id, secret: created.secret };
}

beforeAll(async () => {
  store = await openStore({ dataDir: dir });
  const deps = serverDeps(store, { sessionTtlHours: 1 });
  await seedDemo(store, { password: 'demo-password', passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps);
  await new Promise<void>((ready) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      url = `http://127.0.0.1:${String(info.port)}`;
      ready();
    });
  });
  const cookieOf = async (email: string) => {
    const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ email, password: 'demo-password' }) });
    expect(login.status).toBe(200);
    return login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  };
  adminCookie = await cookieOf('admin@example.com');
  ownerCookie = await cookieOf('owner@example.com');
});

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run submit', () => {
  it('submits a new package from bare content and prints it with its content hash', async () => {
    const { secret } = await createToken('clinical-deterioration-risk', 'CLI pipeline');
    const { code, stdout, stderr } = await submit(['--file', file('release.json', clinicalRelease('2.1.0')), '--url', url], secret);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Package pkg_\S+ submitted: clinical-deterioration-risk 2\.1\.0, version 1, as Priya Natarajan\.$/m);
    expect(stdout).toMatch(/^Content hash \(SHA-256 of the canonical JSON\): [0-9a-f]{64}$/m);
  });

  it('prints each validation problem on its own line (pointer → message) and exits 1', async () => {
    const { secret } = await createToken('clinical-deterioration-risk', 'CLI pipeline, broken run');
    const content = clinicalRelease('2.2.0') as unknown as { sections: Record<string, unknown>[] };
    content.sections = content.sections.filter((s) => s.key !== 'evaluation');
    const { code, stdout, stderr } = await submit(['--file', file('broken.json', content), '--url', url], secret);
    expect(stdout).toBe('');
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Refused \(HTTP 422 /);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => /^ {2}\/content\S* → .+/.test(line))).toBe(true);
  });

  it('is refused for a model the token is not scoped to, and for a new version of another model’s package', async () => {
    const { secret } = await createToken('card-fraud-detection', 'Fraud pipeline');
    const newPackage = await submit(['--file', file('other.json', clinicalRelease('2.3.0')), '--url', url], secret);
    expect(newPackage.code).toBe(1);
    expect(newPackage.stderr).toContain('Refused (HTTP 403 Not allowed): This token is scoped to model card-fraud-detection.');
    const version = await submit(['--file', file('other-version.json', { content: clinicalRelease('2.0.1'), answers: [] }), '--package', 'pkg_clinical_deterioration_risk', '--url', url], secret);
    expect(version.code).toBe(1);
    expect(version.stderr).toContain('This token is scoped to model card-fraud-detection.');
  });

  it('is refused with 401 once the token is revoked', async () => {
    const { id, secret } = await createToken('clinical-deterioration-risk', 'Revoked pipeline');
    const revoke = await fetch(`${url}/api/tokens/${id}/revocation`, { method: 'POST', headers: { origin: url, cookie: adminCookie, 'content-type': 'application/json' } });
    expect(revoke.status).toBe(201);
    const { code, stderr } = await submit(['--file', file('late.json', clinicalRelease('2.4.0')), '--url', url], secret);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Refused \(HTTP 401 .*revoked/);
  });

  it('exits 2 on usage errors: no token, no file, unreadable JSON', async () => {
    const noToken = await submit(['--file', file('a.json', {}), '--url', url], undefined);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('MODEL_APPROVAL_TOKEN');
    const noFile = await submit(['--url', url], 'mat_x');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('--file is required');
    const badJson = await submit(['--file', file('bad.json', '{"content": '), '--url', url], 'mat_x');
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('is not valid JSON');
    const missing = await submit(['--file', join(dir, 'nowhere.json')], 'mat_x');
    expect(missing.code).toBe(2);
  });
});
