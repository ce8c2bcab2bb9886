import { nextTask } from './next-task.ts';

/**
 * `last()`'s module, imported once each of `before` has been imported (and so evaluated), one
 * after another, a task apart. Module graphs that share chunks, imported side by side, are
 * evaluated as they arrive: the graph that arrives whole first is evaluated whole, shared
 * chunks included, in one task. Imported in turn, each graph's own modules are a task of
 * their own, in the same order every time (docs/decisions/0228).
 */
export async function importInTurn<T>(before: readonly (() => Promise<unknown>)[], last: () => Promise<T>): Promise<T> {
  for (const step of before) {
    await step();
    await nextTask();
  }
  return last();
}
