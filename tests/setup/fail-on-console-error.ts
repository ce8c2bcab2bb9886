// A console.error during a test is a bug somewhere (a React warning, an unhandled
// rejection logged by a library): fail the test rather than let it scroll by.
import { afterEach, vi } from 'vitest';

let errors: unknown[][] = [];
const original = console.error.bind(console);

console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

afterEach(() => {
  const seen = errors;
  errors = [];
  vi.restoreAllMocks();
  if (seen.length > 0) {
    throw new Error(`console.error was called during the test:\n${seen.map((a) => a.map(String).join(' ')).join('\n')}`);
  }
});
