// The app as a user gets it: a production build served by the real server on a fresh,
// seeded database. Everything lives in temp folders, never ./dist or ./data, so the bench
// can run beside a developer's own build and server.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { build } from 'vite';
import { seedDemo } from '#demo/seed-demo.ts';
import { createApp } from '#server/app.ts';
import { serverDeps } from '#server/deps.ts';
import { openStore } from '#server/db/open-store.ts';

export interface ServedApp {
  /** http://localhost:<port>: the origin the API's same-origin check expects. */
  origin: string;
  close: () => Promise<void>;
}

export async function serveBuiltApp(options: { demoPassword: string; prepare?: (dataDir: string) => void | Promise<void> }): Promise<ServedApp> {
  // Undone in reverse order by close(), or at once if starting fails half-way.
  const undo: (() => void | Promise<void>)[] = [];
  const close = async () => {
    for (let step = undo.pop(); step; step = undo.pop()) await step();
  };
  try {
    const staticDir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
    undo.push(() => rmSync(staticDir, { recursive: true, force: true }));
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
    undo.push(() => rmSync(dataDir, { recursive: true, force: true }));

    await build({ build: { outDir: staticDir, emptyOutDir: true }, logLevel: 'warn' });

    const store = await openStore({ dataDir });
    undo.push(() => store.close());
    const deps = serverDeps(store, { sessionTtlHours: 1 });
    await seedDemo(store, { password: options.demoPassword, passwords: deps.passwords, now: new Date(), randomToken: deps.randomToken });
    // Bench data beyond the demo's (a 100,000-entry audit log), written before the first request.
    await options.prepare?.(dataDir);

    const { server, port } = await listen(createApp(deps, { staticDir }).fetch);
    undo.push(async () => {
      // Kept-alive connections would otherwise hold close() open until they time out.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    return { origin: `http://localhost:${port}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Port 0: the system picks a free one, so a developer's running server is never in the way. */
function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ server: ReturnType<typeof serve>; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: 'localhost' }, (info: AddressInfo) => resolve({ server, port: info.port }));
  });
}
