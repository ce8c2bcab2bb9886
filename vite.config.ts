import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const apiPort = process.env['API_PORT'] ?? '3001';

const mainModule = fileURLToPath(new URL('./src/main.tsx', import.meta.url));
const startModule = fileURLToPath(new URL('./src/app/start.tsx', import.meta.url));
const frameModule = fileURLToPath(new URL('./src/app/app-shell.tsx', import.meta.url));
// The pages shown without signing in (router.tsx): they must not load the frame's chunk.
const publicPages = ['./src/features/setup/components/setup-page.tsx', './src/features/verify/components/verify-page.tsx'].map((page) => fileURLToPath(new URL(page, import.meta.url)));
// The signed-in frame's own code: what app-shell.tsx reaches by static imports and neither
// the main bundle nor a public page does. Filled once the module graph is known, read when
// the chunks are made.
const frameOnly = new Set<string>();
// The app's modules the main bundle does not evaluate itself (src/app/start.tsx's static
// graph): one chunk, as they were one with the main bundle before it imported them on demand.
const startOnly = new Set<string>();

/**
 * Every signed-in page loads the frame (app-shell.tsx), and by default its code came as ten
 * chunks split by which pages share each module. On HTTP/1.1's six connections, with the
 * page's own chunks, that made four or five waves of requests before /audit could render;
 * one chunk for the frame is one request, no signed-in page loads more than it did, and
 * the public pages load none of it
 * (docs/decisions/0178).
 */
function frameChunk(): Plugin {
  return {
    name: 'frame-chunk',
    apply: 'build',
    buildEnd() {
      const reach = (root: string) => {
        const seen = new Set<string>();
        for (const stack = [root]; stack.length > 0; ) {
          const id = stack.pop();
          if (id === undefined || seen.has(id)) continue;
          seen.add(id);
          stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        return seen;
      };
      const main = reach(mainModule);
      const elsewhere = new Set([main, ...[startModule, ...publicPages].map(reach)].flatMap((ids) => [...ids]));
      frameOnly.clear();
      for (const id of reach(frameModule)) if (!elsewhere.has(id)) frameOnly.add(id);
      startOnly.clear();
      for (const id of reach(startModule)) if (!main.has(id)) startOnly.add(id);
    },
  };
}

/**
 * The main bundle evaluates React and imports the app itself (src/app/start.tsx) on demand, so
 * the two are evaluated in two tasks (docs/decisions/0240). Imported on demand, the app's
 * chunks would be asked for only once the main bundle has run: index.html names them, so the
 * browser fetches them beside it, as it did when they were the main bundle's static imports.
 */
function preloadStart(): Plugin {
  return {
    name: 'preload-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        const start = Object.values(bundle).find((file) => file.type === 'chunk' && file.moduleIds.includes(startModule));
        if (!start) throw new Error('The build has no chunk for src/app/start.tsx, which index.html must preload');
        const files = new Set<string>();
        for (const stack = [start.fileName]; stack.length > 0; ) {
          const file = stack.pop();
          if (file === undefined || files.has(file)) continue;
          files.add(file);
          const chunk = bundle[file];
          if (chunk?.type === 'chunk') stack.push(...chunk.imports);
        }
        const named = [...files].filter((file) => !html.includes(`/${file}"`));
        return named.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), frameChunk(), preloadStart()],
  // Zod without its eval probe, which the strict CSP reports (see src/lib/zod-jitless.ts).
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./src/lib/zod-jitless.ts', import.meta.url)) }] },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Read by the server to name /audit's chunks in its HTML (server/routes/route-preloads.ts).
    manifest: true,
    target: 'es2023',
    rolldownOptions: {
      output: {
        // Only the frame's own modules: their dependencies in the main bundle stay there.
        codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'start', test: (id) => startOnly.has(id) }, { name: 'app-shell', test: (id) => frameOnly.has(id) }] },
      },
    },
  },
  server: {
    host: 'localhost',
    proxy: { '/api': { target: `http://localhost:${apiPort}`, changeOrigin: false } },
  },
});
