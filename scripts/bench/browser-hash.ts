// Canonical hashing in Chromium, as the sign dialog does it (RFC 8785 then WebCrypto
// SHA-256), against the raw crypto.subtle.digest of the same bytes and against the
// `canonicalize` package followed by the same digest, in the same page and run.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { chromiumArgs } from './browser-open-package.ts';
import { boundPageWaits, pageWaitMs, within } from './bounded-waits.ts';

export interface BrowserHashResult {
  bytes: number;
  canonical: number[];
  raw: number[];
  /** The `canonicalize` npm package (RFC 8785's reference JavaScript), then the same WebCrypto digest. */
  reference: number[];
}

async function bundleEntry(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-hash-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, minify: true, lib: { entry: join(import.meta.dirname, 'browser-hash-entry.ts'), formats: ['iife'], name: 'benchHashBundle', fileName: () => 'bench-hash.js' } },
    });
    return readFileSync(join(outDir, 'bench-hash.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function benchBrowserHash(json: string, runs: number): Promise<BrowserHashResult> {
  const bundle = await bundleEntry();
  // A blank page on localhost: a secure context, so crypto.subtle exists.
  const server = createServer((_request, response) => response.end('<!doctype html><title>bench</title>'));
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', headless: true, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    boundPageWaits(page.context());
    await page.goto(`http://localhost:${port}/`);
    await within('loading the hash bundle into the page', pageWaitMs, page.evaluate(bundle));
    // Three hashes of a large text per run, a few seconds in all: the bound is for a page that stopped.
    const samples = await within(
      `hashing the text ${runs} times in the page`,
      600_000,
      page.evaluate(
        async ({ text, count }) => {
          const value: unknown = JSON.parse(text);
          const bytes = new TextEncoder().encode(text);
          const bench = globalThis as unknown as { benchCanonicalHash: (v: unknown) => Promise<string>; benchReferenceCanonicalHash: (v: unknown) => Promise<string> };
          const hash = bench.benchCanonicalHash;
          const referenceHash = bench.benchReferenceCanonicalHash;
          const time = async (work: () => Promise<unknown>) => {
            const start = performance.now();
            await work();
            return performance.now() - start;
          };
          // Both must give the same digest, or the comparison means nothing.
          const [ours, theirs] = [await hash(value), await referenceHash(value)];
          if (ours !== theirs) throw new Error(`The app's canonical hash ${ours} differs from canonicalize's ${theirs}`);
          await crypto.subtle.digest('SHA-256', bytes);
          const canonical: number[] = [];
          const raw: number[] = [];
          const reference: number[] = [];
          // Interleaved, so all see the same machine state.
          for (let i = 0; i < count; i++) {
            canonical.push(await time(() => hash(value)));
            raw.push(await time(() => crypto.subtle.digest('SHA-256', bytes)));
            reference.push(await time(() => referenceHash(value)));
          }
          return { canonical, raw, reference };
        },
        { text: json, count: runs },
      ),
    );
    return { bytes: new TextEncoder().encode(json).length, ...samples };
  } finally {
    await browser.close();
    server.close();
  }
}
