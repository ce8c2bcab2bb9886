import type { PackageContent } from '#domain/contracts/package-content.ts';

// The resubmission being prepared: the content as edited so far, and the owner's answers by
// target (answerTargetKey). Numeric fields hold NaN while their text is not a number, so the
// draft keeps the content's own types and the contract check names the field at fault.

export interface AnswerDraft {
  answer: string;
  sectionKeys: string[];
}

export interface Draft {
  content: PackageContent;
  answers: Readonly<Record<string, AnswerDraft>>;
}

export const emptyAnswer: AnswerDraft = { answer: '', sectionKeys: [] };

export function draftFrom(content: PackageContent): Draft {
  return { content, answers: {} };
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, at) => (at === index ? item : existing));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, at) => at !== index);
}

/**
 * A copy of `object` with `key` set, or removed when `value` is undefined: an optional field
 * left empty is absent from the content, as it was before it was touched (canonical JSON has
 * no undefined, and an empty string would count as a change).
 */
export function withOptional<T extends object, K extends keyof T>(object: T, key: K, value: T[K] | undefined): T {
  const copy = { ...object };
  if (value === undefined) Reflect.deleteProperty(copy, key);
  else copy[key] = value;
  return copy;
}

/** The empty string as "absent", for optional text fields. */
export function optionalText(text: string): string | undefined {
  return text === '' ? undefined : text;
}
