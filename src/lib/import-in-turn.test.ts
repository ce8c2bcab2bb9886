import { describe, expect, it } from 'vitest';
import { importInTurn } from './import-in-turn.ts';

describe('importInTurn', () => {
  it('imports each module once the one before it is in, a task later, and resolves to the last', async () => {
    const log: string[] = [];
    const step = (name: string) => () => {
      log.push(name);
      // Queued now: it runs before the next import only if that import waits for a new task.
      setTimeout(() => log.push(`task after ${name}`), 0);
      return Promise.resolve(name);
    };
    await expect(importInTurn([step('frame'), step('loader')], step('page'))).resolves.toBe('page');
    expect(log).toEqual(['frame', 'task after frame', 'loader', 'task after loader', 'page']);
  });

  it('stops at a module that fails to load', async () => {
    let reached = false;
    const failing = () => Promise.reject(new Error('offline'));
    await expect(importInTurn([failing], () => Promise.resolve((reached = true)))).rejects.toThrow('offline');
    expect(reached).toBe(false);
  });
});
