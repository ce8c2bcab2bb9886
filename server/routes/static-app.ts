import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** Serves the built single-page app; unknown paths get index.html so deep links work. */
export function staticApp(staticDir: string): Hono {
  const root = resolve(staticDir);
  const indexFile = join(root, 'index.html');
  const app = new Hono();
  if (!existsSync(indexFile)) {
    app.get('/*', (c) => c.text('The app has not been built. Run `npm start`, which builds it first.', 503));
    return app;
  }
  const index = readFileSync(indexFile, 'utf8');
  app.use('/assets/*', async (c, next) => {
    await next();
    // Hashed file names never change content: cache them for a year.
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('/*', serveStatic({ root: relative(process.cwd(), root) || '.' }));
  app.get('/*', (c) => {
    c.header('cache-control', 'no-store');
    return c.html(index);
  });
  return app;
}
