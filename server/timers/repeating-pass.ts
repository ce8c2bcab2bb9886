// A background pass run again and again (the webhook dispatcher, the re-review sweep). The
// next pass is scheduled when this one ends, so passes never overlap however long one takes;
// a failed pass is logged and the next one runs all the same.

export interface RepeatingPassOptions {
  intervalMs: number;
  /** Run a pass at once, rather than after the first interval. */
  atStart: boolean;
  logError: (error: unknown) => void;
}

export interface RepeatingPass {
  /** No pass after this one; resolves when the pass under way, if any, has ended. */
  stop(): Promise<void>;
}

export function repeatPass(pass: () => Promise<void>, options: RepeatingPassOptions): RepeatingPass {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = pass().catch(options.logError).finally(schedule);
  };
  function schedule() {
    if (stopped) return;
    timer = setTimeout(run, options.intervalMs);
  }
  if (options.atStart) run();
  else schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
