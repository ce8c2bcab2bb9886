import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlWithPreloads, preloadPattern, routeFetches, routePreloads, type ViteManifest } from './route-preloads.ts';
import { staticApp } from './static-app.ts';

// The shape Vite writes: the entry (index.html) with its static imports, dynamic entries keyed
// by source path, shared chunks keyed by their file name.
const manifest: ViteManifest = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_shared-1.js'] },
  '_shared-1.js': { file: 'assets/shared-1.js' },
  '_frame-1.js': { file: 'assets/frame-1.js', imports: ['index.html', '_shared-1.js', '_deep-1.js'] },
  '_deep-1.js': { file: 'assets/deep-1.js', imports: ['_frame-1.js'] },
  'src/page.tsx': { file: 'assets/page-1.js', imports: ['index.html', '_frame-1.js'] },
  'src/loader.ts': { file: 'assets/loader-1.js', imports: ['_shared-1.js'] },
  'src/other.tsx': { file: 'assets/other-1.js' },
};
const index = '<html><head>\n    <script type="module" src="/assets/index-1.js"></script>\n  </head><body></body></html>';
const fetched = (html: string | undefined) => [...(html ?? '').matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map((match) => match[1]);
const preloaded = (html: string | undefined) => [...(html ?? '').matchAll(/<link rel="modulepreload"(?: fetchpriority="low")? crossorigin href="([^"]+)">/g)].map((match) => match[1]);
const lowPriority = (html: string | undefined) => [...(html ?? '').matchAll(/<link rel="modulepreload" fetchpriority="low"/g)].length;

describe('route preloads', () => {
  it('names every chunk the route’s modules reach by static imports, once, and none the main bundle brings', () => {
    const pages = htmlWithPreloads(index, manifest, { '/audit': ['src/loader.ts', 'src/page.tsx'] });
    expect(preloaded(pages.get('/audit')).toSorted()).toEqual(['/assets/deep-1.js', '/assets/frame-1.js', '/assets/loader-1.js', '/assets/page-1.js']);
    // In the head, before it closes: the browser asks for them while it fetches the main bundle.
    expect(pages.get('/audit')).toMatch(/modulepreload[^]*<\/head>/);
    expect([...pages.keys()]).toEqual(['/audit']);
  });

  it('names none that index.html preloads itself (the app’s own chunk, which the main bundle imports on demand)', () => {
    const withApp = index.replace('</head>', '<link rel="modulepreload" crossorigin href="/assets/frame-1.js">\n  </head>');
    const pages = htmlWithPreloads(withApp, manifest, { '/audit': ['src/loader.ts', 'src/page.tsx'] });
    expect(preloaded(pages.get('/audit')).toSorted()).toEqual(['/assets/deep-1.js', '/assets/frame-1.js', '/assets/loader-1.js', '/assets/page-1.js']);
    expect(pages.get('/audit')?.match(/frame-1\.js/g)).toHaveLength(1);
  });

  it('asks for the page’s first API reads ahead of every script, as the app’s own GET would (same-origin credentials)', () => {
    const pages = htmlWithPreloads(index, manifest, { '/audit': ['src/page.tsx'], '/other': ['src/other.tsx'] }, { '/audit': ['/api/session'] });
    const audit = pages.get('/audit') ?? '';
    expect(fetched(audit)).toEqual(['/api/session']);
    expect(audit.indexOf('rel="preload" as="fetch"')).toBeLessThan(audit.indexOf('<script'));
    expect(fetched(pages.get('/other'))).toEqual([]);
    // The page's chunks let those reads, and the first page asked once the session answers, overtake them.
    expect(lowPriority(audit)).toBe(preloaded(audit).length);
    expect(lowPriority(pages.get('/other'))).toBe(0);
  });

  it('preloads only the session, which every page reads first under any session (a preload nobody takes is a wasted request)', () => {
    expect(routeFetches).toEqual({ '/audit': ['/api/session'] });
  });

  it('refuses a module the build does not have, so a table that drifted from the router is noticed', () => {
    expect(() => htmlWithPreloads(index, manifest, { '/audit': ['src/renamed.tsx'] })).toThrow(/src\/renamed\.tsx/);
  });

  it('lists modules that the router loads for the path, or that one of those loads on demand', () => {
    const src = join(import.meta.dirname, '../../src');
    const router = readFileSync(join(src, 'app/router.tsx'), 'utf8');
    // How a module in src/app imports `module` (a path under src/).
    const fromApp = (module: string) => module.replace(/^src\/(app\/)?/, (_, app: string | undefined) => (app ? './' : '../'));
    for (const [path, modules] of Object.entries(routePreloads)) {
      const at = router.indexOf(`path: '${path.slice(1)}'`);
      expect(at, path).toBeGreaterThan(-1);
      const route = router.slice(at, router.indexOf('}', at));
      const loaded = modules.filter((module) => route.includes(`import('${fromApp(module)}')`));
      expect(loaded.length, path).toBeGreaterThan(0);
      const loadedSources = loaded.map((module) => readFileSync(join(src, '..', module), 'utf8'));
      for (const module of modules.filter((m) => !loaded.includes(m))) expect(loadedSources.some((source) => source.includes(`import('${fromApp(module)}')`)), module).toBe(true);
    }
  });

  it('matches a path to its pattern segment by segment, a `:name` segment to any one', () => {
    const patterns = Object.keys(routePreloads);
    expect(preloadPattern('/packages/pkg_1', patterns)).toBe('/packages/:id');
    expect(preloadPattern('/packages/pkg_1/diff', patterns)).toBe('/packages/:id/diff');
    expect(preloadPattern('/audit', patterns)).toBe('/audit');
    for (const path of ['/packages', '/packages/', '/packages//diff', '/packages/pkg_1/record', '/packages/pkg_1/diff/x', '/auditx', '/']) expect(preloadPattern(path, patterns), path).toBeUndefined();
  });
});

describe('the static app with a build manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'route-preloads-'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, 'index.html'), index);
  const built: ViteManifest = {
    ...manifest,
    'src/app/audit-loader.ts': { file: 'assets/loader-1.js' },
    'src/features/audit/components/audit-page.tsx': { file: 'assets/page-1.js', imports: ['_frame-1.js'] },
    'src/app/package-loader.ts': { file: 'assets/package-loader-1.js' },
    'src/app/package-route.tsx': { file: 'assets/package-route-1.js', imports: ['_frame-1.js'] },
    'src/features/review/components/package-content.tsx': { file: 'assets/package-content-1.js' },
    'src/features/diff/prefetch-diff.ts': { file: 'assets/prefetch-diff-1.js' },
    'src/features/diff/components/diff-page.tsx': { file: 'assets/diff-page-1.js', imports: ['_frame-1.js'] },
  };
  writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(built));
  const app = staticApp(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves /audit with its chunks named and other pages as built', async () => {
    expect(preloaded(await (await app.request('/audit')).text()).toSorted()).toEqual(['/assets/deep-1.js', '/assets/frame-1.js', '/assets/loader-1.js', '/assets/page-1.js']);
    expect(preloaded(await (await app.request('/audit?actor=x')).text())).toHaveLength(4);
    expect(fetched(await (await app.request('/audit')).text())).toEqual(['/api/session']);
    expect(fetched(await (await app.request('/packages/pkg_9')).text())).toEqual([]);
    expect(await (await app.request('/verify')).text()).toBe(index);
    expect(await (await app.request('/audit/other')).text()).toBe(index);
  });

  it('serves a package page and its diff with their chunks named, whatever the package', async () => {
    expect(preloaded(await (await app.request('/packages/pkg_9?version=2')).text()).toSorted()).toEqual(['/assets/deep-1.js', '/assets/frame-1.js', '/assets/package-content-1.js', '/assets/package-loader-1.js', '/assets/package-route-1.js']);
    expect(preloaded(await (await app.request('/packages/pkg_9/diff')).text()).toSorted()).toEqual(['/assets/deep-1.js', '/assets/diff-page-1.js', '/assets/frame-1.js', '/assets/prefetch-diff-1.js']);
    expect(await (await app.request('/packages/pkg_9/record')).text()).toBe(index);
  });

  it('echoes nothing of the address: a package id or query written as markup gets the same page', async () => {
    const page = await (await app.request('/packages/pkg_9')).text();
    for (const path of ['/packages/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/packages/x?version=%22%3E%3Cscript%3E', '/packages/%3Clink%20rel%3Dmodulepreload%20href%3D%2F%2Fevil.example%3E/diff']) {
      const answer = await app.request(path);
      expect(answer.headers.get('link'), path).toBeNull();
      const text = await answer.text();
      expect(text, path).not.toMatch(/script%3E|<script>alert|evil\.example/);
      if (!path.endsWith('/diff')) expect(text, path).toBe(page);
    }
  });

  it('does not serve the manifest', async () => {
    expect((await app.request('/.vite/manifest.json')).status).toBe(404);
  });
});
