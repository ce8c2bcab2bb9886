import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import { exportRecord, planExportPackage, probeHealthWhile, type ExportReply } from '#scripts/bench/export-load.ts';
import { signIn } from '#scripts/bench/load-clients.ts';
import { prepareLoadDatabase } from '#scripts/bench/load-database.ts';
import { startServerProcess, type ServerProcess } from '#scripts/lib/server-process.ts';

// Issue 16, finding 9, replayed against a real server process: exports of a large
// two-version package whose version 2 rewrites every narrative section (each section's word
// diff runs to its bound) held the event loop for the whole diff, so every other request
// waited, seconds per export. Now the export runs on worker threads (at most two at once,
// one more waiting here, the rest refused with 503 and Retry-After) within a time budget.
// See docs/decisions/0064-export-off-the-event-loop.md.

const dataDir = mkdtempSync(join(tmpdir(), 'attacks-export-'));
const password = 'demo-password';
let server: ServerProcess | undefined;
let cookie = '';

beforeAll(async () => {
  // 14 narrative sections of about 70 KB, all rewritten: each section's word diff runs to its
  // 250 ms bound, so the old code held the event loop some 3.5 s per export, and longer on a busy machine.
  const plan = await planExportPackage({ bytes: 1_000_000, sectionCount: 20 });
  // The plan adds no account of its own, so no password hash is needed for one.
  await prepareLoadDatabase({ dataDir }, plan, password, '');
  server = await startServerProcess({ dataDir, env: { COMPUTE_WORKERS: '2', COMPUTE_QUEUE: '1' } });
  ({ cookie } = await signIn(server.origin, 'owner@example.com', password));
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function origin(): string {
  if (!server) throw new Error('The server did not start');
  return server.origin;
}

function expectBusy(reply: ExportReply): void {
  expect(reply.status).toBe(503);
  expect(reply.contentType).toContain('application/problem+json');
  expect(Number(reply.retryAfter)).toBeGreaterThan(0);
  expect(reply.problem?.type).toBe(problemTypes.unavailable);
}

// The exports take seconds each, more on a machine shared with other work.
const slow = { timeout: 180_000 };

// A probe waits for nothing but the machine: the old code made one wait for a whole export's
// diff (13.9 and 20.8 s measured here); the bound leaves room for a machine busy with other work.
const probeBoundMs = 1_000;

describe('record export under attack (issue 16, finding 9)', () => {
  it('keeps answering /api/health within a second while three exports of a large package run', slow, async () => {
    const exports = Promise.all([1, 2, 3].map(() => exportRecord(origin(), cookie)));
    const { result, latencies } = await probeHealthWhile(origin(), exports);
    expect(result.map((reply) => reply.status)).toEqual([200, 200, 200]);
    for (const reply of result) expect(reply.contentType).toContain('application/json');
    // The exports take seconds each: there were many probes, and none waited for a diff.
    expect(Math.min(...result.map((reply) => reply.ms))).toBeGreaterThan(1_000);
    expect(Math.max(...latencies)).toBeLessThan(probeBoundMs);
    expect(latencies.length).toBeGreaterThan(20);
  });

  it('refuses exports beyond two running and one waiting at once, with 503 and Retry-After', slow, async () => {
    const replies = await Promise.all([1, 2, 3, 4, 5, 6].map(() => exportRecord(origin(), cookie)));
    const done = replies.filter((reply) => reply.status === 200);
    const refused = replies.filter((reply) => reply.status !== 200);
    expect(done).toHaveLength(3);
    expect(refused).toHaveLength(3);
    for (const reply of refused) {
      expectBusy(reply);
      expect(reply.problem?.detail).toContain('as many approval records as it takes at once');
      // Refused without waiting for the running exports.
      expect(reply.ms).toBeLessThan(Math.min(...done.map((d) => d.ms)));
    }
  });

  it('stops an export that outruns its time budget and answers 503 saying so', slow, async () => {
    await server?.stop();
    server = await startServerProcess({ dataDir, env: { COMPUTE_BUDGET_SECONDS: '1' } });
    ({ cookie } = await signIn(origin(), 'owner@example.com', password));
    const { result, latencies } = await probeHealthWhile(origin(), exportRecord(origin(), cookie));
    expectBusy(result);
    expect(result.problem?.detail).toContain('time budget of 1 s');
    expect(result.ms).toBeLessThan(10_000);
    expect(Math.max(...latencies)).toBeLessThan(probeBoundMs);
  });
});
