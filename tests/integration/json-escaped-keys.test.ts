import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServerProcess } from '#scripts/lib/server-process.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';
import { httpTarget } from '../contract/support/http-target.ts';
import type { Reply } from '../contract/support/client.ts';

// V8's JSON.parse (Node 24 and 26, Chromium 150) mis-decodes object keys: once an object has
// had the key "\" after some key, a later object with that key first reads an escaped key in
// the same place ("\"", "\n") as "\" too (nodejs/node#63785; docs/decisions/0237). Replayed
// against real server processes: an owner saves a half-typed resubmission, the server restarts
// (a fresh V8 that has built none of the draft's objects yet) and the owner reads the draft
// back. The old code parsed the stored draft with JSON.parse and answered other keys than
// were saved, and merged two of them into one.

const dataDir = mkdtempSync(join(tmpdir(), 'json-escaped-keys-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const assistant = 'pkg_support_assistant_llm';
// A first key no other object has, so V8 expects exactly one key after it. Members of one
// object, not items of one array: V8 reads an array's next item against the item before it,
// which it compares correctly.
const first = 'first-0237';
const scratch = {
  backslash: { [first]: 1, '\\': 'backslash' },
  quote: { [first]: 1, '"': 'quote' },
  lineFeed: { [first]: 1, '\n': 'line feed' },
  aBackslash: { [first]: 1, 'a\\': 'a and a backslash' },
  aQuote: { [first]: 1, 'a"': 'a and a quote' },
};

const scratchOf = (reply: Reply): unknown => (reply.body as { draft: { content: { scratch: unknown } } | null }).draft?.content.scratch;

it('reads a stored draft back with the keys it was saved with after a restart', { timeout: 120_000 }, async () => {
  const writer = await startServerProcess({ dataDir });
  try {
    const owner = await signedIn(httpTarget(writer.origin), 'owner@example.com');
    const version = (await owner.get(`/api/packages/${assistant}/versions/1`)).body as { contentHash: string; content: Record<string, unknown> };
    const draft = { baseVersion: 1, baseHash: version.contentHash, content: { ...version.content, scratch }, answers: {} };
    const saved = await owner.send('PUT', `/api/packages/${assistant}/resubmit-draft`, { json: draft });
    expect(saved.status).toBe(200);
  } finally {
    await writer.stop();
  }

  const reader = await startServerProcess({ dataDir });
  try {
    const owner = await signedIn(httpTarget(reader.origin), 'owner@example.com');
    const read = await owner.get(`/api/packages/${assistant}/resubmit-draft`);
    expect(read.status).toBe(200);
    const keys = Object.values(scratchOf(read) as Record<string, object>).map((item) => Object.keys(item));
    expect(keys).toEqual(Object.values(scratch).map((item) => Object.keys(item)));
    expect(scratchOf(read)).toEqual(scratch);
  } finally {
    await reader.stop();
  }
});
