import pg from 'pg';

// Every PostgreSQL pool of the server and the tests opens here (decision record 0235).
//
// node-postgres reports a connection the server ended while it sat idle in the pool (a restart,
// a failover, pg_terminate_backend, DROP DATABASE … WITH (FORCE)) as an 'error' event on the
// pool; with no listener that event is an uncaught exception that ends the process. The pool
// has already dropped that connection and opens a new one for the next statement, so the loss
// is reported and nothing else. A connection lost while checked out (between two statements of
// a transaction) emits 'error' on the client, where the pool is not listening: that statement,
// or the next, fails with it (a 503) and the pool drops the connection at release.
//
// pg's own end() resolves once its connections have been told to close, before their sockets
// have: a backend that has not read the goodbye yet can still be ended by a forced drop that
// follows, and answer 57P01 to a client already gone from the pool. end() here also waits for
// the sockets, so a database dropped after it has no session of this pool left to end.

/** What a pool does with a connection it lost while idle: the server logs it, a test may count it. */
export type IdleConnectionLost = (error: Error) => void;

const warnIdleConnectionLost: IdleConnectionLost = (error) => {
  console.warn(`PostgreSQL closed an idle connection: ${error.message}`);
};

/** A server that stopped answering without closing the socket does not hold end() longer than this. */
const socketsClosedWithinMs = 5_000;

class ClosingPool extends pg.Pool {
  readonly #open = new Set<pg.PoolClient>();
  readonly #allClosed: (() => void)[] = [];

  constructor(config: pg.PoolConfig, onIdleConnectionLost: IdleConnectionLost) {
    super(config);
    this.on('error', (error) => onIdleConnectionLost(error));
    this.on('connect', (client) => {
      this.#open.add(client);
      client.on('error', () => undefined);
      client.once('end', () => {
        this.#open.delete(client);
        if (this.#open.size === 0) for (const resolve of this.#allClosed.splice(0)) resolve();
      });
    });
  }

  override end(): Promise<void>;
  override end(callback: () => void): void;
  override end(callback?: () => void): Promise<void> | void {
    const ended = super.end().then(() => this.#socketsClosed());
    if (!callback) return ended;
    void ended.then(callback, callback);
  }

  #socketsClosed(): Promise<void> {
    if (this.#open.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.#allClosed.push(resolve);
      setTimeout(resolve, socketsClosedWithinMs).unref();
    });
  }
}

export function openPostgresPool(config: pg.PoolConfig, onIdleConnectionLost: IdleConnectionLost = warnIdleConnectionLost): pg.Pool {
  return new ClosingPool(config, onIdleConnectionLost);
}
