// Which SQL engine a store runs on. It sits with the table shapes, below the queries and the
// migrations that branch on it, so that those two folders and the db/ composition above them
// (open-store.ts, kysely-store.ts, migrate.ts) never import each other in a loop.
export type Engine = 'sqlite' | 'postgres';
