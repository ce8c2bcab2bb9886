// `npm run dev`: the API with restarts on change (node --watch) and Vite with hot reload,
// which proxies /api to it. Open the address Vite prints.
import { spawn, type ChildProcess } from 'node:child_process';

const apiPort = process.env['API_PORT'] ?? '3001';
const children: ChildProcess[] = [
  spawn(process.execPath, ['--watch-path=server', '--watch-path=domain', '--watch-path=api', '--watch-path=demo', 'server/main.ts'], { stdio: 'inherit', env: { ...process.env, PORT: apiPort, STATIC_DIR: './no-static-in-dev' } }),
  spawn('vite', [], { stdio: 'inherit', env: { ...process.env, API_PORT: apiPort } }),
];

function stop() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => {
  stop();
  process.exitCode = code ?? 0;
});
