import { packageContentSchema, type PackageContent } from '#domain/contracts/package-content.ts';
import type { ResubmitDraft, ResubmitDraftRequest } from '#domain/contracts/drafts.ts';
import type { PackageVersion } from '#domain/contracts/packages.ts';
import type { Draft } from './draft.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The draft is kept on the server (PUT /api/packages/{id}/resubmit-draft), so every tab and
// device of the owner's opens the same one, and a reload loses nothing. This file turns the
// editor's draft into what is saved and back, refusing what this page did not write.

export interface RestoredDraft {
  draft: Draft;
  savedAt: string;
}

// Problems a half-edited field can have; any other (a wrong type, a missing field, an unknown
// kind) means the stored value is not a draft this page wrote, and it is not restored.
const fieldLevel = new Set(['too_small', 'too_big', 'invalid_format', 'not_multiple_of', 'custom']);

/** Content shaped as this page's editors produce it, though it may not pass the contract yet. */
function isDraftContent(value: unknown): value is PackageContent {
  const parsed = packageContentSchema.safeParse(value, { reportInput: true });
  return parsed.success || parsed.error.issues.every((issue) => fieldLevel.has(issue.code) || (issue.code === 'invalid_type' && typeof issue.input === 'number'));
}

/** JSON writes NaN (a number being typed) as null; the content has no nulls of its own, so null reads back as NaN. */
function nullsAsNaN(value: unknown): unknown {
  if (value === null) return Number.NaN;
  if (Array.isArray(value)) return value.map(nullsAsNaN);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, nullsAsNaN(item)]));
  return value;
}

/** The saved draft, if it was started from this very version (by content hash) and is one this page wrote. */
export function restoreDraft(saved: ResubmitDraft | null, base: PackageVersion): RestoredDraft | null {
  if (!saved || saved.baseVersion !== base.number || saved.baseHash !== base.contentHash) return null;
  const content = nullsAsNaN(saved.content);
  if (!isDraftContent(content)) return null;
  return { draft: { content, answers: saved.answers }, savedAt: saved.savedAt };
}

/** What is saved for the editor's draft. */
export function draftRequest(base: PackageVersion, draft: Draft): ResubmitDraftRequest {
  // Through JSON once, as the request will be: NaN becomes null, undefined fields go.
  const content = parseJson(JSON.stringify(draft.content)) as Record<string, unknown>;
  return { baseVersion: base.number, baseHash: base.contentHash, content, answers: { ...draft.answers } };
}
