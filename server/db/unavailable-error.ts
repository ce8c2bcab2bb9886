// Which failures mean "the database cannot be reached right now" rather than "this request
// or our code is wrong". Those answer 503 with Retry-After (the client may simply try again);
// everything else stays a 500 that is logged. Kept narrow on purpose: a constraint violation
// or a syntax error must never be dressed up as an outage.

/** PostgreSQL SQLSTATEs of a server going away or not there yet. */
const pgUnavailableCodes = new Set([
  '57P01', // admin_shutdown: pg_ctl stop -m fast/immediate ended our backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections: a full server, gone as soon as others disconnect
]);

/** Socket-level failures to reach the server (Node's error codes). */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Messages node-postgres (pg, pg-pool) uses for a connection lost or never made. */
const pgConnectionMessages = [
  /^Connection terminated/i, // "Connection terminated unexpectedly", "... due to connection timeout"
  /^timeout exceeded when trying to connect$/i, // pg-pool's connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable$/i,
  /^Client was closed and is not queryable$/i,
  /^Query read timeout$/i, // pg's query_timeout: the server stopped answering mid-query
];

// SQLite primary result codes: the file is locked by another connection past busy_timeout.
const sqliteBusy = 5;
const sqliteLocked = 6;

function field(error: object, name: string): unknown {
  return (error as Record<string, unknown>)[name];
}

function isUnavailableItself(error: object): boolean {
  const code = field(error, 'code');
  if (typeof code === 'string') {
    // 08xxx is the SQLSTATE class "connection exception".
    if (pgUnavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code) || networkCodes.has(code)) return true;
    if (code === 'ERR_SQLITE_ERROR') {
      const errcode = field(error, 'errcode');
      // Extended codes (SQLITE_BUSY_SNAPSHOT = 517, …) keep the primary code in the low byte.
      if (typeof errcode === 'number' && [sqliteBusy, sqliteLocked].includes(errcode & 0xff)) return true;
    }
  }
  const message = field(error, 'message');
  return typeof message === 'string' && pgConnectionMessages.some((pattern) => pattern.test(message));
}

/**
 * Whether `error` says the database is unreachable or busy beyond its timeout. An
 * AggregateError (one failed connection attempt per address of a host) counts when all of
 * its errors do. `cause` is deliberately not followed: fetch() wraps ECONNREFUSED from some
 * other service in one, and that is not our database being down.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 2) return false;
  if (isUnavailableItself(error)) return true;
  const errors = field(error, 'errors');
  return Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner, depth + 1));
}
