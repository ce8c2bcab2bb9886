// When a failed delivery is tried again. The schedule is 5 s, 30 s, 2 min, 10 min, 1 h and
// 6 h with the default 5-second base; tests shrink the base to run it in milliseconds.
// After the last retry fails the delivery is given up as failed.

const multipliers = [1, 6, 24, 120, 720, 4320] as const;

export const defaultBackoffBaseMs = 5_000;

/** The most attempts a delivery gets: the first plus one per step of the schedule. */
export const maxWebhookAttempts = multipliers.length + 1;

/** Delay before the next attempt after `attemptsMade` failures, or null when it is time to give up. */
export function retryDelayMs(attemptsMade: number, baseMs: number = defaultBackoffBaseMs): number | null {
  const multiplier = multipliers[attemptsMade - 1];
  return multiplier === undefined ? null : multiplier * baseMs;
}
