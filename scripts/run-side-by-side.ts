// `node scripts/run-side-by-side.ts typecheck lint`: runs those npm scripts at the same time and
// fails if any of them fails. tsc and ESLint each use one core; side by side on CI's two cores
// they take about as long as the slower of the two instead of both in turn (decision 0128).
// Each script's output is printed whole when it ends, so two logs never interleave.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/run-side-by-side.ts <npm script> [<npm script> …]');
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

const pending = names.map((name) => run(name).then((result) => {
  process.stdout.write(result.output);
  console.log(`[side by side] npm run ${result.name}: ${result.code === 0 ? 'passed' : `failed (exit ${result.code})`} in ${result.seconds.toFixed(1)} s`);
  return result;
}));
const results = await Promise.all(pending);
process.exitCode = results.some((result) => result.code !== 0) ? 1 : 0;
