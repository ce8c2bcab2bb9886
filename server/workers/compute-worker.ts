import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, type Transferable } from 'node:worker_threads';
import { computeTasks, type JobMessage, type ReplyMessage } from './compute-tasks.ts';

// A compute worker thread (worker-pool.ts): runs one job at a time, as the pool sends them,
// and answers each with its result or its error. Node runs this file as it runs the server,
// with type stripping; the package.json import aliases resolve here too.

const port = parentPort;
if (!port) throw new Error('compute-worker.ts runs as a worker thread (server/workers/worker-pool.ts)');

lowerThreadPriority();

port.on('message', (message: JobMessage) => {
  void answer(message).then(({ reply, transfer }) => port.postMessage(reply, transfer));
});

/** A task as this loop sees it: the input is what the main thread built for the task (a structured clone of it). */
type AnyTask = { run: (input: unknown) => Promise<unknown>; transfer: (result: unknown) => Transferable[] };

async function answer({ id, task, input }: JobMessage): Promise<{ reply: ReplyMessage; transfer: Transferable[] }> {
  const entry = computeTasks[task] as AnyTask;
  try {
    const value = await entry.run(input);
    return { reply: { id, ok: true, value }, transfer: entry.transfer(value) };
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    return { reply: { id, ok: false, error: { name, message, ...(stack === undefined ? {} : { stack }) } }, transfer: [] };
  }
}

/**
 * Below the main thread: when jobs keep every core busy, the thread that answers requests
 * still gets a core first. Linux keeps a nice value per thread, and /proc/thread-self names
 * this one; elsewhere (or where it is not allowed) the thread keeps the process's priority.
 */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
  } catch {
    // Not Linux, or not permitted: the jobs still run, at the process's priority.
  }
}
