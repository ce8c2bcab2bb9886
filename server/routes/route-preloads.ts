import { z } from 'zod';
import { sessionRoutes } from '#api/session/routes.ts';

// index.html names only the main bundle: the browser learns which chunks a page needs once
// that bundle has been fetched, parsed and run and its router has matched the path, and
// only then asks for them (on /audit some 200 ms of a 500 ms budget, decision 0178). The
// server knows the path before the browser has anything, so for the pages in `routePreloads`
// it names their chunks in the HTML and the browser fetches them beside the main bundle.

/**
 * The modules the router loads for a path (router.tsx: the route's loader and page, and what
 * those import on demand at once), as Vite's manifest keys them. A path segment `:name` matches
 * any one segment, as in the router. The frame needs no line: its modules are one chunk
 * (vite.config.ts), which the manifest keys by chunk name, not by module, and every signed-in
 * page imports it.
 */
export const routePreloads: Readonly<Record<string, readonly string[]>> = {
  // The pages with a budget (issue 24) whose chunks were on their critical path: /audit's first
  // rows, a package's first section (decision 0212), the diff's every section compared.
  '/audit': ['src/app/audit-loader.ts', 'src/features/audit/components/audit-page.tsx'],
  '/packages/:id': ['src/app/package-loader.ts', 'src/app/package-route.tsx', 'src/features/review/components/package-content.tsx'],
  '/packages/:id/diff': ['src/features/diff/prefetch-diff.ts', 'src/features/diff/components/diff-page.tsx'],
};

/**
 * API reads the HTML asks for ahead of every script, for a page whose first request waits on
 * them: the browser's preload is the app's own GET of the path (same URL, credentials and
 * mode), which takes its answer. Made by the main bundle instead, /audit's session request
 * waited 38 to 900 ms behind the page's module preloads on HTTP/1.1's six connections, and the
 * first page of entries behind it (docs/decisions/0224, 0226). Only reads every page makes as
 * it starts, under any session: a preload nobody takes is a request wasted and a console warning.
 */
export const routeFetches: Readonly<Record<string, readonly string[]>> = {
  '/audit': [sessionRoutes.session.path],
};

/** The `routePreloads` pattern a request path matches, if any: same segments, `:name` for any one. */
export function preloadPattern(path: string, patterns: Iterable<string>): string | undefined {
  const segments = path.split('/');
  for (const pattern of patterns) {
    const wanted = pattern.split('/');
    if (wanted.length === segments.length && wanted.every((part, at) => (part.startsWith(':') ? (segments[at] ?? '') !== '' : part === segments[at]))) return pattern;
  }
  return undefined;
}

/** The part of Vite's build manifest read here (build.manifest). */
export const viteManifestSchema = z.record(z.string(), z.object({ file: z.string(), imports: z.array(z.string()).optional(), isEntry: z.boolean().optional() }));
export type ViteManifest = z.infer<typeof viteManifestSchema>;

/**
 * index.html for each path of `preloads`: `<link rel="modulepreload">` for every chunk its
 * modules need (their static imports, transitively) that the main bundle does not already
 * bring and index.html does not already name. A module missing from the manifest is an error: a route table that drifted from the
 * router would otherwise preload nothing without anyone noticing.
 */
export function htmlWithPreloads(index: string, manifest: ViteManifest, preloads: Readonly<Record<string, readonly string[]>>, fetches: Readonly<Record<string, readonly string[]>> = {}): Map<string, string> {
  const chunksOf = (roots: readonly string[]) => {
    const files = new Set<string>();
    for (const stack = [...roots]; stack.length > 0; ) {
      const key = stack.pop();
      if (key === undefined) continue;
      const chunk = manifest[key];
      if (chunk === undefined) throw new Error(`The build manifest has no module ${key}: the server's route preloads no longer match the router`);
      if (files.has(chunk.file)) continue;
      files.add(chunk.file);
      stack.push(...(chunk.imports ?? []));
    }
    return files;
  };
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry === true);
  // What the main bundle imports and what index.html preloads already (the app's own chunk,
  // which the main bundle imports on demand: vite.config.ts, decision 0240).
  const named = [...index.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].flatMap((found) => found[1] ?? []);
  const already = new Set([...chunksOf(entries.map(([key]) => key)), ...named]);
  const pages = new Map<string, string>();
  for (const [path, modules] of Object.entries(preloads)) {
    // A page that names API reads to ask first lets any read overtake its chunks: on HTTP/1.1's
    // six connections its first page, asked once the main bundle has run, otherwise waits for them.
    const asked = fetches[path] ?? [];
    const priority = asked.length > 0 ? ' fetchpriority="low"' : '';
    const links = [...chunksOf(modules)].filter((file) => !already.has(file)).map((file) => `    <link rel="modulepreload"${priority} crossorigin href="/${file}">\n`);
    // Before the main bundle's script: asked for first. `crossorigin`: apiFetch's mode and credentials.
    const reads = asked.map((read) => `<link rel="preload" as="fetch" crossorigin href="${read}">\n    `).join('');
    const head = index.includes('<script') ? index.replace('<script', `${reads}<script`) : index.replace('</head>', `${reads}</head>`);
    pages.set(path, head.replace('</head>', `${links.join('')}  </head>`));
  }
  return pages;
}
