// The audit endpoints that prove the log, timed in-process on SQLite over a large log: the
// signed tree head, an inclusion proof, a consistency proof and the whole-log verification,
// each asked again and again as clients do. The first call of a process reads the whole log
// (it has nothing cached yet); the calls after it are what a running server answers with.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '#demo/seed-demo.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { createApp } from '#server/app.ts';
import { serverDeps } from '#server/deps.ts';
import { openStore, sqliteFile } from '#server/db/open-store.ts';
import { generateAuditLog } from './generate-audit-log.ts';

export interface AuditEndpointTimings {
  entries: number;
  /** The first tree-head call of the process (the whole log is read and checked). */
  firstTreeHead: number;
  treeHead: number[];
  inclusionProof: number[];
  consistencyProof: number[];
  /** A tree head after one more entry was appended (reads only that entry). */
  treeHeadAfterAppend: number[];
  verify: number[];
}

export async function benchAuditEndpoints(options: { entries: number; runs: number }): Promise<AuditEndpointTimings> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-audit-endpoints-'));
  const store = await openStore({ dataDir });
  try {
    const deps = { ...serverDeps(store, { sessionTtlHours: 1 }), passwords: cheapPasswords };
    await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: deps.randomToken });
    generateAuditLog({ file: sqliteFile(dataDir), count: options.entries });
    const app = createApp(deps);
    const login = await app.fetch(new Request('http://localhost/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'committee@example.com', password: 'demo-password' }) }));
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = async (path: string): Promise<number> => {
      const start = performance.now();
      const response = await app.fetch(new Request(`http://localhost${path}`, { headers: { cookie } }));
      await response.text();
      const elapsed = performance.now() - start;
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      return elapsed;
    };
    const times = async (path: () => string): Promise<number[]> => {
      const out: number[] = [];
      for (let i = 0; i < options.runs; i++) out.push(await get(path()));
      return out;
    };
    const firstTreeHead = await get('/api/audit/tree-head');
    const size = await store.auditLogSize();
    const treeHead = await times(() => '/api/audit/tree-head');
    let seq = 1;
    const inclusionProof = await times(() => `/api/audit/proofs/inclusion?seq=${(seq = (seq * 7919) % size) + 1}`);
    const consistencyProof = await times(() => `/api/audit/proofs/consistency?from=${Math.floor(size / 2)}`);
    const treeHeadAfterAppend: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      // A log-in appends an audit entry: the next head covers one entry more.
      await app.fetch(new Request('http://localhost/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@example.com', password: 'demo-password' }) }));
      treeHeadAfterAppend.push(await get('/api/audit/tree-head'));
    }
    const verify = await times(() => '/api/audit/verify');
    return { entries: size, firstTreeHead, treeHead, inclusionProof, consistencyProof, treeHeadAfterAppend, verify };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
