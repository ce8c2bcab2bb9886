import type { WindowBounds } from '#domain/throttle/rate-window.ts';

// The throttling slice of the storage port: one row per throttled key (a log-in lane, a
// signing lane, a rate window), and the devices an account has signed in on.

/**
 * A throttled key. For a backoff lane (domain/throttle/backoff.ts) `count` is its failures and
 * `lastAt` the latest; for a rate window (domain/throttle/rate-window.ts) `count` is the events
 * of the window that started at `startedAt`. `notedAt`: when the refusal was last audited, so
 * a window or a lock is written to the audit log once, not once per refused request.
 */
export interface StoredThrottle {
  key: string;
  count: number;
  startedAt: string;
  lastAt: string;
  notedAt: string | null;
}

/** A browser that signed in to an account with its password: its log-in attempts are not a stranger's. */
export interface StoredTrustedDevice {
  /** SHA-256 of the device cookie's random token. */
  tokenHash: string;
  email: string;
  createdAt: string;
  expiresAt: string;
}

export interface ThrottleStore {
  /**
   * Inside a transaction: waits until no other transaction holds any of these keys, holds them
   * until this one ends, and reads their rows. PostgreSQL takes advisory locks (in key order,
   * so two transactions never wait on each other); SQLite runs one transaction at a time.
   */
  lockThrottles(keys: readonly string[]): Promise<StoredThrottle[]>;
  /** Inserts or replaces the row of `throttle.key`. */
  saveThrottle(throttle: StoredThrottle): Promise<void>;
  /** The same for several keys, in one statement. */
  saveThrottles(throttles: readonly StoredThrottle[]): Promise<void>;
  deleteThrottle(key: string): Promise<void>;
  /**
   * A rate window (domain/throttle/rate-window.ts): counts one event in the key's current window
   * if it holds fewer than `limit`, or in a new window when it is over, in one conditional
   * statement, so a burst on one key cannot overrun the limit and holds no lock between round
   * trips. When the window is full, answers when it started.
   */
  countInWindow(key: string, bounds: WindowBounds): Promise<{ admitted: true } | { admitted: false; windowStart: string }>;
  /** Claims the audit entry of a full window: true once per window (it sets `notedAt`). */
  claimThrottleNote(key: string, at: string): Promise<boolean>;
  /** Housekeeping (api/system/expired-state.ts): forgets rows untouched since `before`, which every policy has forgotten. */
  pruneThrottles(before: string): Promise<void>;

  findTrustedDevice(tokenHash: string, email: string): Promise<StoredTrustedDevice | null>;
  /** Inserts the device for the email, or extends its expiry. */
  saveTrustedDevice(device: StoredTrustedDevice): Promise<void>;
  /** Housekeeping (api/system/expired-state.ts): forgets devices that expired before `before`. */
  pruneTrustedDevices(before: string): Promise<void>;
}
