import { useEffect, useRef, useState } from 'react';
import type { IntegrityResult } from './integrity-protocol.ts';
import { readLastVerifiedHead, rememberVerifiedHead } from './last-verified-head.ts';
import { keepCheckpoint, readKeptCheckpoint } from './kept-checkpoint.ts';
import { startIntegrityCheck } from './start-integrity-check.ts';

export type IntegrityRun =
  | { state: 'idle' }
  | { state: 'running'; checked: number; total: number }
  | { state: 'done'; result: IntegrityResult }
  | { state: 'failed'; message: string };

/** Entries per request: the most the API gives at once, so 100,000 entries are ten reads. */
const pageSize = 10_000;

export interface StartOptions {
  /** Read every entry even when a kept checkpoint would allow reading only the new ones. */
  everyEntry?: boolean;
  /** Called when the check is done or failed. */
  settled?: () => void;
}

/** Runs the integrity check in a worker; a new start stops the one before. */
export function useIntegrityCheck(): { run: IntegrityRun; start: (options?: StartOptions) => void } {
  const [run, setRun] = useState<IntegrityRun>({ state: 'idle' });
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const start = ({ everyEntry = false, settled }: StartOptions = {}) => {
    stop.current?.();
    setRun({ state: 'running', checked: 0, total: 0 });
    const origin = window.location.origin;
    stop.current = startIntegrityCheck({ lastVerified: readLastVerifiedHead(), kept: everyEntry ? null : readKeptCheckpoint(origin), pageSize }, (message) => {
      switch (message.type) {
        case 'progress':
          return setRun({ state: 'running', checked: message.checked, total: message.total });
        case 'done':
          if (message.result.intact && message.result.head) rememberVerifiedHead(message.result.head);
          if (message.result.keep) keepCheckpoint(origin, message.result.keep);
          // A mark the benchmark (and the browser's performance panel) can read.
          performance.mark('audit-integrity-done', { detail: { size: message.result.size, intact: message.result.intact, resumedFrom: message.result.resumed?.fromSize ?? null, ...message.result.timings } });
          setRun({ state: 'done', result: message.result });
          return settled?.();
        case 'error':
          setRun({ state: 'failed', message: message.message });
          return settled?.();
      }
    });
  };
  return { run, start };
}
