import { z } from 'zod';
import type { KeptCheckpoint } from './integrity-protocol.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The checkpoint this browser last verified, per deployment (the page's origin), so the next
// check reads only the entries added since (docs/decisions/0125). Storage is not trusted: the
// worker checks the checkpoint's signature and its right edge again before using it, and a
// checkpoint of another log (its origin line) sends it back to the full check.

const keptCheckpointSchema = z.object({
  checkpoint: z.string().max(4096),
  lastEntryHash: z.string(),
  edge: z.array(z.string()).max(64),
});

const storageKey = (origin: string) => `model-approval:audit:kept-checkpoint:${origin}`;

export function readKeptCheckpoint(origin: string): KeptCheckpoint | null {
  try {
    const stored = localStorage.getItem(storageKey(origin));
    if (stored === null) return null;
    const parsed = keptCheckpointSchema.safeParse(parseJson(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    // Storage refused (private mode, a policy) or unreadable: the whole log is checked.
    return null;
  }
}

/** Only a checkpoint the worker verified against the entries it checked is kept. */
export function keepCheckpoint(origin: string, kept: KeptCheckpoint): void {
  try {
    localStorage.setItem(storageKey(origin), JSON.stringify(kept));
  } catch {
    // The check still stands; only the next one reads the whole log again.
  }
}
