// `npm start`: build the app if the build is missing or older than its sources, then serve
// app and API on one port with the embedded database (see server/main.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'dist/index.html';
const sources = ['index.html', 'vite.config.ts', 'src', 'domain', 'api', 'public'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

if (!existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs) {
  console.log('Building the app…');
  const result = spawnSync('vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// `npm run start:production`: no demo accounts or data; the first start prints a setup secret.
if (process.argv.includes('--production')) process.env['DEMO'] = 'false';

await import('#server/main.ts');
