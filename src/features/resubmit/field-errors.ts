import type { z } from 'zod';
import { packageContentSchema, type PackageContent } from '#domain/contracts/package-content.ts';
import { pointerOf } from '#api/kernel/problems.ts';
import { isApiProblem } from '../../lib/api-problem.ts';
import type { AnswerTargetView } from './answer-targets.ts';

// Problems are keyed by the JSON Pointer of what they are about, as the server names them
// (`/content/sections/3/metrics/0/value`), so one map serves the contract check made here
// and the server's 422. Answers are the exception: the request lists them by position, the
// form keys them by target (`/answers/<target key>/answer`), since the list of targets can
// change while the page is open.

export type FieldErrors = Readonly<Record<string, string>>;

/** `/content/sections/4` + 'metrics', 0 → `/content/sections/4/metrics/0` (RFC 6901 escaping). */
export function pointerJoin(base: string, ...segments: readonly (string | number)[]): string {
  return pointerOf(segments, base);
}

/** The DOM id of the control (or the container) a pointer names. */
export function fieldId(pointer: string): string {
  return `edit${pointer.replace(/[^A-Za-z0-9_-]/g, (char) => (char === '/' ? '.' : `_${char.charCodeAt(0).toString(16)}_`))}`;
}

export function answerPointer(targetKey: string, field?: 'answer' | 'sectionKeys'): string {
  return field ? pointerJoin('/answers', targetKey, field) : pointerJoin('/answers', targetKey);
}

function add(errors: Record<string, string>, pointer: string, message: string): void {
  const existing = errors[pointer];
  errors[pointer] = existing && existing !== message ? `${existing} ${message}` : message;
}

// zod's default wording ("Too small: expected string to have >=1 characters") is for
// developers; the custom messages of the contract are kept as they are.
function messageFor(issue: z.core.$ZodIssue): string {
  // A number field holds NaN while its text is not a number, and a fraction where a count goes.
  if (issue.code === 'invalid_type' && typeof issue.input === 'number') return Number.isNaN(issue.input) ? 'Enter a number' : 'Enter a whole number';
  if (issue.code === 'too_small' && issue.message.startsWith('Too small')) {
    if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'Fill this in';
    if (issue.origin === 'number') return `Enter ${String(issue.minimum)} or more`;
  }
  if (issue.code === 'too_big' && issue.message.startsWith('Too big') && issue.origin === 'string') return `At most ${String(issue.maximum)} characters`;
  return issue.message;
}

/** What the contract finds wrong with the draft's content, by pointer under `/content`. */
export function contentErrors(content: PackageContent): FieldErrors {
  const parsed = packageContentSchema.safeParse(content, { reportInput: true });
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) add(errors, pointerOf(issue.path, '/content'), messageFor(issue));
  return errors;
}

/**
 * A refusal of the submission as field errors (answers re-keyed from their position in the
 * request to their target), and whatever it says about the request as a whole.
 */
export function submissionErrors(error: unknown, sentTargets: readonly string[]): { errors: FieldErrors; general: string | null } {
  if (!isApiProblem(error)) return { errors: {}, general: null };
  const errors: Record<string, string> = {};
  for (const problem of error.fieldErrors) {
    const answer = /^\/answers\/(\d+)(\/.*)?$/.exec(problem.pointer);
    const key = answer ? sentTargets[Number(answer[1])] : undefined;
    add(errors, key ? `${answerPointer(key)}${answer?.[2] ?? ''}` : problem.pointer, problem.message);
  }
  return { errors, general: error.problem.detail ?? error.problem.title };
}

const words = (segment: string) => segment.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * A pointer as a person reads it: "Evaluation against policy thresholds › metrics › 2 ›
 * value", "Concern 1 › answer". Positions count from 1.
 */
export function describePointer(pointer: string, content: PackageContent, targets: readonly AnswerTargetView[]): string {
  const segments = pointer.split('/').slice(1).map(unescapeSegment);
  const [root, first, ...rest] = segments;
  const tail = (parts: readonly string[]) => parts.map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : words(part)));
  if (root === 'answers') {
    if (first === undefined) return 'Answers';
    const target = targets.find((candidate) => candidate.key === first);
    const name = target ? target.label : /^\d+$/.test(first) ? `Answer ${Number(first) + 1}` : 'An answer';
    return [name, ...tail(rest)].join(' › ');
  }
  if (root === 'content') {
    if (first !== 'sections') return ['Package content', ...tail(first === undefined ? [] : [first, ...rest])].join(' › ');
    const [index, ...inside] = rest;
    if (index === undefined) return 'Sections';
    const section = content.sections[Number(index)];
    return [section ? section.title : `Section ${Number(index) + 1}`, ...tail(inside)].join(' › ');
  }
  return pointer === '' ? 'The request' : tail(segments).join(' › ');
}

/** The section a content pointer points into, if any. */
export function sectionIndexOf(pointer: string): number | null {
  const match = /^\/content\/sections\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) : null;
}
