// The scale bench's paired inbox measurement (server-scale.ts, docs/decisions/0218) repeated, to see
// how much its ratio moves: two servers on copies of two inventories (templates written by
// sqlite-scale-probe.ts prepare), warmed, then blocks of slices of inbox calls at 4 connections
// taken in turn (ABBA), each slice's API process CPU from /proc printed beside the block's ratio:
//   node scripts/bench/inbox-pair-probe.ts <small-template> <big-template> [blocks=3] [slices=8] [calls=2000]
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../lib/server-process.ts';
import { readLoad, signIn } from './load-clients.ts';
import { cpuMs } from './process-cpu.ts';
import { fixedLoad } from './server-scale.ts';

const inboxPaths = ['?stepRole=model_risk', '?status=in_review', '?riskTier=2&status=in_review', '?status=approved'].map((filter) => `/api/packages${filter}`);
const [smallT, bigT, blocksArg, slicesArg, callsArg] = process.argv.slice(2);
if (!smallT || !bigT) throw new Error('usage');
const slices = Number(slicesArg ?? 8);
const calls = Number(callsArg ?? 2000);
const start = async (template: string) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'inbox-pair-'));
  cpSync(template, dataDir, { recursive: true });
  const server = await startServerProcess({ dataDir });
  const session = await signIn(server.origin, 'model-risk@example.com', 'bench-password');
  await readLoad({ origin: server.origin, cookie: session.cookie, paths: inboxPaths, connections: 4, seconds: 2 });
  return { server, session, dataDir };
};
const small = await start(smallT);
const big = await start(bigT);
try {
  for (let b = 0; b < Number(blocksArg ?? 3); b++) {
    const totals = new Map([[small, 0], [big, 0]]);
    const each = new Map<typeof small, string[]>([[small, []], [big, []]]);
    for (let i = 0; i < slices; i++) {
      for (const side of i % 2 === 0 ? [small, big] : [big, small]) {
        const before = cpuMs(side.server.pid);
        await fixedLoad(side.server.origin, side.session, inboxPaths, 4, calls);
        const cpu = cpuMs(side.server.pid) - before;
        totals.set(side, (totals.get(side) ?? 0) + cpu);
        each.get(side)?.push((cpu / calls).toFixed(2));
      }
    }
    const s = (totals.get(small) ?? 0) / (slices * calls);
    const g = (totals.get(big) ?? 0) / (slices * calls);
    console.log(`block ${b}: small ${s.toFixed(3)} [${each.get(small)?.join(' ')}], big ${g.toFixed(3)} [${each.get(big)?.join(' ')}] ms/call, ratio ${(g / s).toFixed(2)} (load ${loadavg()[0]?.toFixed(1)})`);
  }
} finally {
  for (const side of [small, big]) {
    await side.server.stop();
    rmSync(side.dataDir, { recursive: true, force: true });
  }
}
