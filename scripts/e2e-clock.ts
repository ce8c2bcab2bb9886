// The end-to-end server's movable clock (e2e/registry-flow.spec.ts): with E2E_CLOCK_FILE set,
// the process's Date runs that many milliseconds ahead of the real one, the offset read from the
// file (a number of milliseconds) whenever it changes. A spec moves the clock past a re-review
// date by writing the file; the server's timers (the re-review sweep, the registry write-backs)
// then see that day. Only scripts/e2e-server.ts loads this, and only when the variable is set.
import { readFileSync, watchFile } from 'node:fs';

const file = process.env.E2E_CLOCK_FILE;
if (!file) throw new Error('e2e-clock.ts needs E2E_CLOCK_FILE');
const RealDate = Date;
let offsetMs = 0;
const read = () => {
  const text = (() => {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      return '0';
    }
  })();
  const value = Number(text === '' ? '0' : text);
  if (Number.isFinite(value)) offsetMs = value;
};
read();
watchFile(file, { interval: 100, persistent: false }, read);

class MovedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + offsetMs);
    else super(...(args as [string | number | Date]));
  }
  static override now(): number {
    return RealDate.now() + offsetMs;
  }
}
globalThis.Date = MovedDate as DateConstructor;
console.log(`[e2e-server] movable clock from ${file}`);
