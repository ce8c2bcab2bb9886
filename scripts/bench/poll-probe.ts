// The scale bench's notification poll as the probes take it (scale-probe.ts on PostgreSQL,
// sqlite-scale-probe.ts on SQLite): a reviewer's reply in an open thread of a package in review,
// then its owner's poll, one at a time, CPU per poll read around the poll alone; then as many
// polls with nothing new. The caller reads the CPU (its processes differ by engine).
import { signIn, type Session } from './load-clients.ts';
import { timedGet } from './server-scale.ts';

/** CPU milliseconds of one call: the API process (all threads, its main thread alone) and, on PostgreSQL, the pool's backends. */
export interface Cpu {
  api: number;
  main: number;
  db: number;
}

export type CpuOf = (work: () => Promise<unknown>) => Promise<Cpu>;

/** The polled package: in review, with an open thread, and its owner's address. */
export interface PollTarget {
  packageId: string;
  threadId: string;
  email: string;
}

/** The SQL both engines answer for the bench's polled package (the first by id). */
export const pollTargetQuery = `select s.package_id, t.id as thread_id, u.email from package_summaries s join threads t on t.package_id = s.package_id and t.status = 'open' join packages p on p.id = s.package_id join users u on u.id = p.owner_id where s.status = 'in_review' and p.owner_id like 'usr_bench%' order by s.package_id, t.id limit 1`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const add = (into: Cpu, cpu: Cpu) => {
  into.api += cpu.api;
  into.main += cpu.main;
  into.db += cpu.db;
};

export const perCall = (cpu: Cpu, n: number) => `API ${(cpu.api / n).toFixed(3)} (main thread ${(cpu.main / n).toFixed(3)}) + backends ${(cpu.db / n).toFixed(3)} ms`;

/** `polls` polls after a new entry, after one unmeasured poll (the owner's first: derived from scratch), then `polls` with nothing new; one line each. */
export async function pollSequence(options: { origin: string; reviewer: Session; target: PollTarget; password: string; polls: number; cpuOf: CpuOf; line: (text: string) => void }): Promise<void> {
  const { origin, reviewer, target, polls, cpuOf, line } = options;
  const owner = await signIn(origin, target.email, options.password);
  let reply = 0;
  const replyOnce = async () => {
    const posted = await fetch(`${origin}/api/packages/${target.packageId}/threads/${target.threadId}/messages`, { method: 'POST', headers: { cookie: reviewer.cookie, origin, 'content-type': 'application/json' }, body: JSON.stringify({ body: `Follow-up ${++reply}: please confirm the holdout period.` }) });
    if (!posted.ok) throw new Error(`reply refused: HTTP ${posted.status} ${await posted.text()}`);
    await posted.arrayBuffer();
  };
  await replyOnce();
  await timedGet(origin, owner, '/api/notifications');
  const fresh = { ms: [] as number[], cpu: { api: 0, main: 0, db: 0 } };
  for (let i = 0; i < polls; i++) {
    await replyOnce();
    add(fresh.cpu, await cpuOf(async () => fresh.ms.push(await timedGet(origin, owner, '/api/notifications'))));
  }
  const idle = { ms: [] as number[], cpu: { api: 0, main: 0, db: 0 } };
  for (let i = 0; i < polls; i++) add(idle.cpu, await cpuOf(async () => idle.ms.push(await timedGet(origin, owner, '/api/notifications'))));
  line(`poll with nothing new x${polls}: median ${median(idle.ms).toFixed(2)} ms; ${perCall(idle.cpu, polls)}`);
  line(`poll after a new entry x${polls} (${target.packageId}): median ${median(fresh.ms).toFixed(2)} ms, min ${Math.min(...fresh.ms).toFixed(2)} ms; ${perCall(fresh.cpu, polls)}`);
}
