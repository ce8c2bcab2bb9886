import { z } from 'zod';
import { packageContentSchema, type PackageContent } from '#domain/contracts/package-content.ts';
import type { PackageVersion } from '#domain/contracts/packages.ts';
import type { Draft } from './draft.ts';

// The draft survives a reload (and a slip of the back button) in sessionStorage: per tab,
// per package and per base version, gone when the tab closes or the version is submitted.

const format = 'model-approval/resubmit-draft/1';

const storedSchema = z.object({
  format: z.literal(format),
  /** The content hash of the version the draft started from: a draft of other content is not restored. */
  baseHash: z.string(),
  savedAt: z.iso.datetime(),
  content: z.unknown(),
  answers: z.record(z.string(), z.object({ answer: z.string(), sectionKeys: z.array(z.string()) })),
});

export interface RestoredDraft {
  draft: Draft;
  savedAt: string;
}

export function draftStorageKey(packageId: string, baseVersion: number): string {
  return `model-approval:resubmit-draft:${packageId}:${baseVersion}`;
}

// Problems a half-edited field can have; any other (a wrong type, a missing field, an unknown
// kind) means the stored value is not a draft this page wrote, and it is not restored.
const fieldLevel = new Set(['too_small', 'too_big', 'invalid_format', 'not_multiple_of', 'custom']);

/** Content shaped as this page's editors produce it, though it may not pass the contract yet. */
function isDraftContent(value: unknown): value is PackageContent {
  const parsed = packageContentSchema.safeParse(value, { reportInput: true });
  return parsed.success || parsed.error.issues.every((issue) => fieldLevel.has(issue.code) || (issue.code === 'invalid_type' && typeof issue.input === 'number'));
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be disabled by the browser's settings: the page works, without the safety net.
    return null;
  }
}

export function loadDraft(packageId: string, base: PackageVersion): RestoredDraft | null {
  const text = storage()?.getItem(draftStorageKey(packageId, base.number));
  if (!text) return null;
  let value: unknown;
  try {
    // JSON writes NaN (a number being typed) as null; the content has no nulls of its own.
    value = JSON.parse(text, (_key, item: unknown) => (item === null ? Number.NaN : item));
  } catch {
    return null;
  }
  const stored = storedSchema.safeParse(value);
  if (!stored.success || stored.data.baseHash !== base.contentHash || !isDraftContent(stored.data.content)) return null;
  return { draft: { content: stored.data.content, answers: stored.data.answers }, savedAt: stored.data.savedAt };
}

export function saveDraft(packageId: string, base: PackageVersion, draft: Draft, savedAt: string): void {
  const stored: z.input<typeof storedSchema> = { format, baseHash: base.contentHash, savedAt, content: draft.content, answers: draft.answers };
  try {
    storage()?.setItem(draftStorageKey(packageId, base.number), JSON.stringify(stored));
  } catch {
    // Over the quota: the draft stays in memory; losing the copy beats failing the edit.
  }
}

export function clearDraft(packageId: string, baseVersion: number): void {
  storage()?.removeItem(draftStorageKey(packageId, baseVersion));
}
