import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { htmlWithPreloads, preloadPattern, routeFetches, routePreloads, viteManifestSchema } from './route-preloads.ts';
import { parseJson } from '#domain/json/parse-json.ts';

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
  // Pages whose chunks the HTML names up front (route-preloads.ts); a build without a manifest serves index.html everywhere.
  const manifestFile = join(root, '.vite', 'manifest.json');
  const pages = existsSync(manifestFile) ? htmlWithPreloads(index, viteManifestSchema.parse(parseJson(readFileSync(manifestFile, 'utf8'))), routePreloads, routeFetches) : new Map<string, string>();
  // The manifest is the server's, not the browser's.
  app.get('/.vite/*', (c) => c.notFound());
  app.use('/assets/*', async (c, next) => {
    await next();
    // Hashed file names never change content: cache them for a year.
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('/*', serveStatic({ root: relative(process.cwd(), root) || '.' }));
  app.get('/*', (c) => {
    c.header('cache-control', 'no-store');
    const pattern = preloadPattern(c.req.path, pages.keys());
    return c.html((pattern === undefined ? undefined : pages.get(pattern)) ?? index);
  });
  return app;
}
