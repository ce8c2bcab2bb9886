// Contract and integration tests run against a real PostgreSQL: one throwaway cluster
// per run, and each test file makes its own database in it (createTestDatabase).
// Set TEST_DATABASE_URL (a superuser/CREATEDB URL) to use an existing server instead.
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../support/postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin connection URL; tests create their own database from it. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('databaseUrl', external);
    return () => Promise.resolve();
  }

  const startedAt = Date.now();
  let cluster;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    // Never skip: a contract suite that silently did not run looks exactly like a green one.
    throw new Error(
      `Could not start PostgreSQL for the "${project.name}" tests. ` +
        'Install the server (apt-get install -y --no-install-recommends postgresql), set PG_BIN to its bin folder, ' +
        `or set TEST_DATABASE_URL to a server you already run.\nCause: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  console.log(`[postgres] test cluster on port ${cluster.port} ready in ${Date.now() - startedAt} ms`);
  project.provide('databaseUrl', cluster.url);
  return () => cluster.stop();
}
