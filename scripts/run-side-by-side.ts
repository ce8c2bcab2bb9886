// `node scripts/run-side-by-side.ts typecheck+lint+test:unit build+test:e2e c --then a b`: runs lanes
// of npm scripts at the same time and fails if any of them fails. `a+b` is one lane: b starts when
// a has passed, and is not run if a failed. Scripts after `--then` form one queue that every lane
// which passed takes from, one script at a time, when its own are done (decision 0195: the
// integration shards). tsc, ESLint and the unit tests (one Vitest worker) each keep one core busy;
// the e2e tests (a server, Chromium, and waits on both) used about 0.45 of one (decision 0231), so
// `npm test` gives a third lane the PostgreSQL contract scenarios from the start, and that lane
// then takes from the queue in the CPU the e2e lane leaves. Side by side on CI's two cores the
// lanes take about as long as the longest one instead of all in turn (decisions 0128, 0124).
// Each script's output is printed whole when it ends, so two logs never interleave.
import { spawn } from 'node:child_process';
import { parseLanePlan, runLanePlan, type ScriptResult } from './lib/lanes.ts';

const plan = parseLanePlan(process.argv.slice(2));
if (!plan) {
  console.error('usage: node scripts/run-side-by-side.ts <npm script>[+<npm script>…] [<npm script>[+…] …] [--then <npm script> …]');
  process.exit(2);
}

const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

function run(name: string): Promise<ScriptResult> {
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

const passed = await runLanePlan(plan, run, (text) => process.stdout.write(text));
process.exitCode = passed ? 0 : 1;
