import { packageContentSchema, type PackageContent } from '#domain/contracts/package-content.ts';
import { identificationProblems } from '#api/packages/prepare-version.ts';
import { pointerOf } from '#api/kernel/problems.ts';
import type { JsonValue } from '#domain/json/json-value.ts';
import { parseStrictJson } from '#domain/json/strict-json.ts';

export interface UploadProblem {
  /** JSON Pointer into the file. */
  pointer: string;
  /** Where, for a person: "Section 5 (Evaluation against policy thresholds) › metrics › 1 › value". */
  place: string;
  message: string;
}

export type UploadResult = { ok: true; content: PackageContent } | { ok: false; problems: UploadProblem[] };

type JsonObject = { [key: string]: JsonValue };

function asObject(value: JsonValue | undefined): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}

function sectionTitle(content: JsonValue, index: number): string | null {
  const sections = asObject(content)?.sections;
  const section = Array.isArray(sections) ? asObject(sections[index]) : null;
  return typeof section?.title === 'string' ? section.title : null;
}

function placeOf(content: JsonValue, path: readonly PropertyKey[], root: string): string {
  const [first, second, ...rest] = path;
  const parts = (list: readonly PropertyKey[]) => list.map((part) => (typeof part === 'number' ? String(part + 1) : String(part)));
  const prefix = root ? ['content'] : [];
  if (first === 'sections' && typeof second === 'number') {
    const title = sectionTitle(content, second);
    return [...prefix, `Section ${second + 1}${title ? ` (${title})` : ''}`, ...parts(rest)].join(' › ');
  }
  return path.length === 0 ? 'The whole file' : [...prefix, ...parts(path)].join(' › ');
}

// zod says "Invalid input: expected string, received undefined" of a field that is not there.
function readable(message: string): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(message);
  return missing ? `Missing (expected ${missing[1] === 'array' || missing[1] === 'object' ? 'an' : 'a'} ${missing[1]})` : message;
}

/**
 * An uploaded file read as the package content (or as an object with the content under
 * `content`, as the API returns a version): strict JSON, the published contract, and the
 * identity of this package. Every problem is listed with where it is.
 */
export function readUploadedContent(text: string, expected: { modelKey: string; versionLabel: string }): UploadResult {
  const json = parseStrictJson(text);
  if (!json.ok) {
    return { ok: false, problems: json.problems.map((problem) => ({ pointer: problem.path, place: problem.path === '' ? 'The whole file' : problem.path, message: problem.message })) };
  }
  const wrapper = asObject(json.value);
  const nested = wrapper && !('sections' in wrapper) ? wrapper.content : undefined;
  const content = nested ?? json.value;
  const root = nested === undefined ? '' : '/content';
  const parsed = packageContentSchema.safeParse(content);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ pointer: pointerOf(issue.path, root), place: placeOf(content, issue.path, root), message: readable(issue.message) })),
    };
  }
  // The identity fields name the package a version belongs to: a file for another model is refused here, as the server would.
  const mismatches = identificationProblems(parsed.data, expected.modelKey, expected.versionLabel, root);
  if (mismatches.length > 0) {
    const pathOf = (pointer: string) => pointer.slice(root.length).split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    return { ok: false, problems: mismatches.map((problem) => ({ pointer: problem.pointer, place: placeOf(content, pathOf(problem.pointer), root), message: problem.message })) };
  }
  return { ok: true, content: parsed.data };
}
