// Instructions a process executes over a window of a probe, counted by valgrind's callgrind
// (decision 0230): a count of work that does not depend on how the machine's cores are shared,
// where /proc's CPU time does (this machine's virtual CPUs expose no hardware counters to perf).
// The process runs under callgrind with instrumentation off, so its start and warm-up run at
// valgrind's plain speed; `instructionsDuring` switches it on for the window only.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The command a server starts under (`startServerProcess`'s wrapper), its dumps written to `dir`. */
export function callgrindWrapper(dir: string): string[] {
  return ['valgrind', '--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${join(dir, 'callgrind.%p')}`];
}

const run = promisify(execFile);

/**
 * Sends a command to the process; it reads it only while it runs, so `wake` (a request it
 * answers, a few among thousands of reads) is sent every half second until the command is taken.
 */
async function control(pid: number, wake: () => Promise<unknown>, ...args: string[]): Promise<void> {
  const command = { taken: false };
  const sent = run('callgrind_control', [...args, String(pid)], { timeout: 120_000 }).finally(() => (command.taken = true));
  while (!command.taken) await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, 500)).then(wake)]);
  await sent;
}

/** The instructions (callgrind's `Ir`) each process executed while `work` ran, all its threads together. */
export async function instructionsDuring<T>(dir: string, pids: readonly number[], wake: () => Promise<unknown>, work: () => Promise<T>): Promise<{ result: T; instructions: number[] }> {
  for (const pid of pids) await control(pid, wake, '--instr=on');
  const result = await work();
  // A dump writes what was counted since the last one and starts the count again. The process
  // acts on the request when it next runs, so its file may come a little later.
  const before = pids.map((pid) => dumpsOf(dir, pid).length);
  for (const pid of pids) await control(pid, wake, '--dump');
  const instructions: number[] = [];
  for (const [i, pid] of pids.entries()) instructions.push(await nextTotal(dir, pid, before[i] ?? 0, wake));
  for (const pid of pids) await control(pid, wake, '--instr=off');
  return { result, instructions };
}

const dumpsOf = (dir: string, pid: number): string[] =>
  readdirSync(dir)
    .filter((name) => name.startsWith(`callgrind.${pid}.`))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);

/** The total of the dump after the first `seen`, once it is written whole. */
async function nextTotal(dir: string, pid: number, seen: number, wake: () => Promise<unknown>): Promise<number> {
  for (let waited = 0; waited < 120_000; waited += 500) {
    const file = dumpsOf(dir, pid)[seen];
    const found = file ? /^totals: (\d+)/m.exec(readFileSync(file, 'utf8')) : null;
    if (found?.[1]) return Number(found[1]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await wake();
  }
  throw new Error(`no callgrind dump of process ${pid} in ${dir}`);
}
