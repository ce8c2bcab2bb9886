/**
 * Resolves in a task of its own (a zero timer), so that what follows the `await` is not
 * counted in the task that was running: work split this way is several short tasks, not one
 * long one, and input can be handled between them.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
