// The schedule behind scripts/run-side-by-side.ts, apart from spawning npm so it can be tested.
// Lanes run at once, each its own scripts in order; then every lane that passed takes scripts
// from one shared queue until it is empty. The shared scripts are the integration tests cut
// into shards and the contract scenarios by target (decisions 0195, 0231): whichever lane ends
// first takes the next one, so the cores stay busy to the end instead of one lane waiting for
// the others before a last phase alone. The queue is taken in the order given: longest first.

export interface ScriptResult {
  name: string;
  code: number;
  output: string;
  seconds: number;
}

export interface LanePlan {
  lanes: string[][];
  shared: string[];
}

/** `a+b c+d --then e f`: two lanes, then e and f taken by whichever lane is free. */
export function parseLanePlan(args: readonly string[]): LanePlan | null {
  const thenAt = args.indexOf('--then');
  const laneArgs = thenAt === -1 ? args : args.slice(0, thenAt);
  const shared = thenAt === -1 ? [] : args.slice(thenAt + 1);
  const lanes = laneArgs.map((lane) => lane.split('+').filter((name) => name !== ''));
  if (lanes.length === 0 || lanes.some((lane) => lane.length === 0)) return null;
  if (thenAt !== -1 && (shared.length === 0 || shared.some((name) => name === '' || name.includes('+')))) return null;
  return { lanes, shared };
}

/**
 * Runs the plan and reports each script whole when it ends. A failure ends its lane: the lane's
 * later scripts are not run and it takes nothing more from the queue (another lane that passed
 * still does, so every shared script is run once by someone unless every lane has failed).
 * Resolves true when every script that ran passed and none was left unrun.
 */
export async function runLanePlan(plan: LanePlan, run: (name: string) => Promise<ScriptResult>, log: (text: string) => void): Promise<boolean> {
  const queue = [...plan.shared];
  const report = (result: ScriptResult) => {
    log(result.output);
    log(`[side by side] npm run ${result.name}: ${result.code === 0 ? 'passed' : `failed (exit ${result.code})`} in ${result.seconds.toFixed(1)} s\n`);
  };

  async function runLane(names: string[]): Promise<boolean> {
    for (const [index, name] of names.entries()) {
      const result = await run(name);
      report(result);
      if (result.code !== 0) {
        const skipped = names.slice(index + 1);
        if (skipped.length > 0) log(`[side by side] not run after that failure: ${skipped.map((next) => `npm run ${next}`).join(', ')}\n`);
        return false;
      }
    }
    // Shifted synchronously, so two lanes never take the same script.
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const result = await run(name);
      report(result);
      if (result.code !== 0) return false;
    }
    return true;
  }

  const passed = await Promise.all(plan.lanes.map(runLane));
  if (queue.length > 0) log(`[side by side] not run, every lane having failed: ${queue.map((next) => `npm run ${next}`).join(', ')}\n`);
  return passed.every(Boolean) && queue.length === 0;
}
