import type { BackoffPolicy } from '#domain/throttle/backoff.ts';
import type { RatePolicy } from '#domain/throttle/rate-window.ts';

// The numbers of throttling, in one place; docs/decisions/0065-throttling.md explains them.

const minute = 60_000;
const hour = 60 * minute;

/** Growing delays: 1, 2, 4 ... minutes after the free failures, never more than an hour apart. */
const growing = { firstDelayMs: minute, maxDelayMs: hour, forgetAfterMs: 24 * hour };

export const loginPolicies = {
  /** One account from one client address (or on one trusted device): five free failures. */
  accountOnClient: { free: 5, ...growing },
  /**
   * One account from every client that has not signed in to it before: what bounds guessing
   * spread over many addresses. Trusted devices do not count here, so it cannot keep the
   * account's owner out on a browser they have used.
   */
  account: { free: 20, ...growing },
  /** One client address, whatever the account (password spraying); a success takes its attempt back. */
  client: { free: 50, ...growing, forgetAfterMs: hour },
} satisfies Record<string, BackoffPolicy>;

/** Re-authentication at signing, per user and session: a stolen session cannot lock its owner's own. */
export const signingPolicy: BackoffPolicy = { free: 5, ...growing };

/** Writes per user (any state-changing request, and refusals written to the audit log). */
export const defaultWritesPerMinute = 120;
export const writesPolicy = (perMinute: number): RatePolicy => ({ limit: perMinute, windowMs: minute });

/**
 * Approval records built per caller (the JSON export, the PDF and the deployment gate each
 * build and sign one): the build is bounded per process by the compute pool, this bounds what
 * one caller, or one leaked pipeline token, can take of it.
 */
export const defaultRecordBuildsPerMinute = 60;
export const recordBuildsPolicy = (perMinute: number): RatePolicy => ({ limit: perMinute, windowMs: minute });

/** Anonymous events written to the audit log per client address (failed single sign-ons). */
export const anonymousAuditPolicy: RatePolicy = { limit: 30, windowMs: minute };

/** Longer than any policy remembers: rows untouched for this long are pruned. */
export const throttleRowsKeptMs = 24 * hour;

/** How long a device stays trusted for an account after its last password sign-in there. */
export const trustedDeviceMs = 90 * 24 * hour;
