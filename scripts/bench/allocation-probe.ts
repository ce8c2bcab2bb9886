// What a version read allocates in the server (decision 0230): the server group's inventory on
// one engine, one server process warmed as the bench warms it, then a fixed number of version
// reads while V8's sampling heap profiler records every allocation, kept or collected since
// (through the inspector: `HeapProfiler.startSampling` with the collected objects included).
// Prints the bytes allocated per read and the functions that allocate most of them.
//   node scripts/bench/allocation-probe.ts [reads=20000] [postgres|sqlite] [connections=200]
import { loadavg } from 'node:os';
import { serverNodeFlags } from '#server/node-flags.ts';
import { startServerProcess } from '../lib/server-process.ts';
import { runLoad } from './autocannon.ts';
import { planInventory } from './generate-inventory.ts';
import { signIn, versionPaths } from './load-clients.ts';
import { probeDatabase } from './probe-database.ts';

const reads = Number(process.argv[2] ?? 20_000);
const onPostgres = (process.argv[3] ?? 'postgres') === 'postgres';
const connections = Number(process.argv[4] ?? 200);
const password = 'bench-password';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** A minimal DevTools protocol client over the inspector's WebSocket. */
async function inspector(url: string) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let id = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  return {
    send: (method: string, params: Record<string, unknown> = {}) =>
      new Promise<unknown>((resolve) => {
        waiting.set(++id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

const plan = await planInventory({ packages: 1000, seed: 8 });
const paths = versionPaths(plan);
const database = await probeDatabase(plan, { onPostgres, prefix: 'allocation-probe-', password });
const server = await startServerProcess({ ...database.location, nodeFlags: [...serverNodeFlags, '--inspect=127.0.0.1:0'] });
try {
  const cookie = (await signIn(server.origin, 'model-risk@example.com', password)).cookie;
  const fixed = (amount: number) => {
    let next = 0;
    return runLoad({ url: server.origin, connections, amount, headers: { cookie }, requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }] });
  };
  await fixed(paths.length * 3);
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(server.output())?.[1];
  if (!url) throw new Error('no inspector address in the server output');
  const session = await inspector(url);
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const run = await fixed(reads);
  const { profile } = (await session.send('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
  session.close();
  const done = run.latency.totalCount;
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode) => {
    const frame = node.callFrame;
    const site = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|server|api|domain)\//, '$1/')}:${frame.lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  console.log(`${onPostgres ? 'PostgreSQL' : 'SQLite'}, ${done} reads at ${connections} connections${run.non2xx + run.errors ? `, ${run.non2xx + run.errors} FAILED` : ''}: ${(total / done).toFixed(0)} bytes allocated per read (sampled every 4 KB; load ${loadavg()[0]?.toFixed(1)})`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(bytes / done).toFixed(0).padStart(6)}  ${site}`);
} finally {
  await server.stop();
  await database.close();
}
