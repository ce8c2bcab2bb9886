// How often PostgreSQL's change clock (the text of pg_current_snapshot(), decision 0208) moves
// while a probe runs, and what was writing meanwhile: the probes' view of what makes the servers
// read again (tail-probe.ts, instances-probe.ts).
import pg from 'pg';

/**
 * Samples pg_current_snapshot() every 20 ms (a read: it moves nothing); the stop function prints
 * the backends seen busy holding a transaction id, or busy and not a client (autovacuum's
 * workers), and answers how often the text moved.
 */
export function watchSnapshot(connectionString: string): () => Promise<number> {
  const client = new pg.Client({ connectionString });
  let moves = 0;
  let last: string | null = null;
  const state = { running: true };
  const writers = new Map<string, number>();
  const loop = (async () => {
    await client.connect();
    while (state.running) {
      const { rows } = await client.query<{ s: string }>('select pg_current_snapshot()::text as s');
      const text = rows[0]?.s ?? '';
      if (last !== null && text !== last) moves += 1;
      last = text;
      const held = await client.query<{ q: string }>("select coalesce(backend_type, '') || ' ' || coalesce(datname, '') || ': ' || left(coalesce(query, ''), 100) as q from pg_stat_activity where (backend_xid is not null or backend_type <> 'client backend') and state <> 'idle' and pid <> pg_backend_pid()");
      for (const row of held.rows) writers.set(row.q, (writers.get(row.q) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.end();
  })();
  return async () => {
    state.running = false;
    await loop;
    for (const [q, n] of writers) console.log(`  seen ${n}×: ${q}`);
    return moves;
  };
}
