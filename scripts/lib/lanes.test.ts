import { describe, expect, it } from 'vitest';
import { parseLanePlan, runLanePlan, type ScriptResult } from './lanes.ts';

/** npm scripts that end when the test says so, recording when each one started. */
function scripts() {
  const started: string[] = [];
  const pending = new Map<string, (code: number) => void>();
  const run = (name: string) =>
    new Promise<ScriptResult>((resolve) => {
      started.push(name);
      pending.set(name, (code) => resolve({ name, code, output: `${name} output\n`, seconds: 1 }));
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const end = async (name: string, code = 0) => {
    const finish = pending.get(name);
    if (!finish) throw new Error(`${name} is not running`);
    pending.delete(name);
    finish(code);
    await settle();
  };
  return { started, run, end, settle, running: () => [...pending.keys()] };
}

describe('the side-by-side lanes', () => {
  it('reads lanes and the shared queue after --then, and refuses an empty lane or queue', () => {
    expect(parseLanePlan(['a+b', 'c', '--then', 'd', 'e'])).toEqual({ lanes: [['a', 'b'], ['c']], shared: ['d', 'e'] });
    expect(parseLanePlan(['a+b', 'c'])).toEqual({ lanes: [['a', 'b'], ['c']], shared: [] });
    expect(parseLanePlan([])).toBeNull();
    expect(parseLanePlan(['a', '+'])).toBeNull();
    expect(parseLanePlan(['a', '--then'])).toBeNull();
    expect(parseLanePlan(['--then', 'd'])).toBeNull();
    expect(parseLanePlan(['a', '--then', 'd+e'])).toBeNull();
  });

  it('gives each shared script, once, to whichever lane is free first', async () => {
    const { started, run, end, settle, running } = scripts();
    const log: string[] = [];
    const done = runLanePlan({ lanes: [['lint', 'unit'], ['e2e']], shared: ['shard1', 'shard2', 'shard3'] }, run, (text) => log.push(text));
    await settle();
    expect(running()).toEqual(['lint', 'e2e']);
    await end('e2e');
    expect(running()).toEqual(['lint', 'shard1']);
    await end('lint');
    expect(running()).toEqual(['shard1', 'unit']);
    await end('shard1');
    expect(running()).toEqual(['unit', 'shard2']);
    await end('unit');
    expect(running()).toEqual(['shard2', 'shard3']);
    await end('shard3');
    expect(running()).toEqual(['shard2']);
    await end('shard2');
    await expect(done).resolves.toBe(true);
    expect(started.toSorted()).toEqual(['e2e', 'lint', 'shard1', 'shard2', 'shard3', 'unit']);
    expect(log.join('')).toContain('shard2 output\n[side by side] npm run shard2: passed in 1.0 s\n');
  });

  it('runs three lanes at once; each takes the queue in its order as it comes free', async () => {
    const { run, end, settle, running } = scripts();
    const done = runLanePlan({ lanes: [['lint', 'unit'], ['build', 'e2e'], ['scenarios']], shared: ['longest', 'middle', 'short'] }, run, () => undefined);
    await settle();
    expect(running()).toEqual(['lint', 'build', 'scenarios']);
    await end('scenarios');
    expect(running()).toEqual(['lint', 'build', 'longest']);
    await end('longest');
    expect(running()).toEqual(['lint', 'build', 'middle']);
    await end('lint');
    expect(running()).toEqual(['build', 'middle', 'unit']);
    await end('build');
    await end('unit');
    expect(running()).toEqual(['middle', 'e2e', 'short']);
    await end('short');
    await end('middle');
    await end('e2e');
    await expect(done).resolves.toBe(true);
  });

  it('ends a lane at its first failure; the other lane still runs every shared script', async () => {
    const { started, run, end, settle } = scripts();
    const log: string[] = [];
    const done = runLanePlan({ lanes: [['lint', 'unit'], ['build', 'e2e']], shared: ['shard1', 'shard2'] }, run, (text) => log.push(text));
    await settle();
    await end('build', 2);
    await end('lint');
    await end('unit');
    await end('shard1');
    await end('shard2');
    await expect(done).resolves.toBe(false);
    expect(started).toEqual(['lint', 'build', 'unit', 'shard1', 'shard2']);
    expect(log.join('')).toContain('[side by side] npm run build: failed (exit 2) in 1.0 s\n[side by side] not run after that failure: npm run e2e\n');
  });

  it('fails when a shared script fails, and a lane whose shared script failed takes no more', async () => {
    const { started, run, end, settle, running } = scripts();
    const done = runLanePlan({ lanes: [['unit'], ['e2e']], shared: ['shard1', 'shard2', 'shard3'] }, run, () => undefined);
    await settle();
    await end('e2e');
    await end('shard1', 1);
    expect(running()).toEqual(['unit']);
    await end('unit');
    await end('shard2');
    await end('shard3');
    await expect(done).resolves.toBe(false);
    expect(started).toEqual(['unit', 'e2e', 'shard1', 'shard2', 'shard3']);
  });

  it('lists the shared scripts nobody ran when every lane failed', async () => {
    const { started, run, end, settle } = scripts();
    const log: string[] = [];
    const done = runLanePlan({ lanes: [['unit'], ['e2e']], shared: ['shard1', 'shard2'] }, run, (text) => log.push(text));
    await settle();
    await end('unit', 1);
    await end('e2e', 1);
    await expect(done).resolves.toBe(false);
    expect(started).toEqual(['unit', 'e2e']);
    expect(log.join('')).toContain('[side by side] not run, every lane having failed: npm run shard1, npm run shard2\n');
  });
});
