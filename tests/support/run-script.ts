import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const root = resolve(import.meta.dirname, '../..');

/**
 * A command-line tool (scripts/<name>.ts) run as a user or a pipeline runs it: a separate Node
 * process, judged by its exit code and what it prints. Without `env` it inherits this one's.
 */
export function runScript(script: string, args: string[], env?: NodeJS.ProcessEnv): Promise<ScriptRun> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
