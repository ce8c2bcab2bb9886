// `node scripts/run-side-by-side.ts typecheck+lint+test:unit build+test:e2e`: runs lanes of npm
// scripts at the same time and fails if any of them fails. `a+b` is one lane: b starts when a has
// passed, and is not run if a failed. tsc, ESLint and the unit tests (one Vitest worker) each keep
// one core busy, and the e2e tests (a server, Chromium, and waits on both) about one; side by side
// on CI's two cores the lanes take about as long as the longer one instead of all in turn
// (decisions 0128 and 0124). Each script's output is printed whole when it ends, so two logs never
// interleave.
import { spawn } from 'node:child_process';

const lanes = process.argv.slice(2).map((lane) => lane.split('+').filter((name) => name !== ''));
if (lanes.length === 0 || lanes.some((lane) => lane.length === 0)) {
  console.error('usage: node scripts/run-side-by-side.ts <npm script>[+<npm script>…] [<npm script>[+…] …]');
  process.exit(2);
}

const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

function run(name: string): Promise<{ name: string; code: number; output: string; seconds: number }> {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const [command = 'npm', ...prefix] = npm;
    const child = spawn(command, [...prefix, 'run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = (code: number) => resolve({ name, code, output: Buffer.concat(chunks).toString('utf8'), seconds: (performance.now() - startedAt) / 1000 });
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${error.message}\n`));
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Runs a lane's scripts one after another; the first failure ends the lane. */
async function runLane(names: string[]): Promise<boolean> {
  for (const [index, name] of names.entries()) {
    const result = await run(name);
    process.stdout.write(result.output);
    console.log(`[side by side] npm run ${result.name}: ${result.code === 0 ? 'passed' : `failed (exit ${result.code})`} in ${result.seconds.toFixed(1)} s`);
    if (result.code !== 0) {
      const skipped = names.slice(index + 1);
      if (skipped.length > 0) console.log(`[side by side] not run after that failure: ${skipped.map((next) => `npm run ${next}`).join(', ')}`);
      return false;
    }
  }
  return true;
}

const passed = await Promise.all(lanes.map(runLane));
process.exitCode = passed.every(Boolean) ? 0 : 1;
