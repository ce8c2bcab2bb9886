import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';
import type { DiffBounds, TextDiff, TextSpan } from './types.ts';

// jsdiff is quadratic in the number of edits, so a 1 MB narrative rewritten end to end could
// hold a worker for seconds. The text is first compared line by line (few tokens, cheap);
// then each replaced run of lines is compared word by word against its replacement, so the
// word diff only ever sees a paragraph or so at a time. Each attempt is bounded: a run that
// exceeds the bounds word by word stays a line replacement, a text that exceeds them line by
// line is a whole replacement, and the result says which, so the view can tell the reader.

/** `before` and `after` compared word by word, or more coarsely when that exceeds `bounds`. */
export function diffText(before: string, after: string, bounds: DiffBounds): TextDiff {
  if (before === after) return { spans: before === '' ? [] : [{ op: 'equal', text: before }], granularity: 'words', insertedWords: 0, deletedWords: 0 };
  const options = { maxEditLength: bounds.maxEditLength, timeout: bounds.timeoutMs };
  const lines = diffLines(before, after, options);
  if (!lines) return fromSpans(wholeReplacement(before, after), 'whole');
  const changes: ChangeObject<string>[] = [];
  let coarse = false;
  for (let index = 0; index < lines.length; index++) {
    const change = lines[index];
    const next = lines[index + 1];
    if (change?.removed && next?.added) {
      const words = diffWordsWithSpace(change.value, next.value, options);
      if (words) changes.push(...words);
      else {
        coarse = true;
        changes.push(change, next);
      }
      index++;
    } else if (change) changes.push(change);
  }
  return fromChanges(changes, coarse ? 'lines' : 'words');
}

function wholeReplacement(before: string, after: string): TextSpan[] {
  const spans: TextSpan[] = [];
  if (before !== '') spans.push({ op: 'delete', text: before });
  if (after !== '') spans.push({ op: 'insert', text: after });
  return spans;
}

function fromChanges(changes: readonly ChangeObject<string>[], granularity: TextDiff['granularity']): TextDiff {
  const spans: TextSpan[] = [];
  for (const change of changes) {
    if (change.value === '') continue;
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = spans.at(-1);
    // jsdiff merges runs itself; this only guards against two spans of one kind in a row.
    if (last?.op === op) last.text += change.value;
    else spans.push({ op, text: change.value });
  }
  return fromSpans(spans, granularity);
}

function fromSpans(spans: TextSpan[], granularity: TextDiff['granularity']): TextDiff {
  let insertedWords = 0;
  let deletedWords = 0;
  for (const span of spans) {
    if (span.op === 'insert') insertedWords += countWords(span.text);
    else if (span.op === 'delete') deletedWords += countWords(span.text);
  }
  return { spans, granularity, insertedWords, deletedWords };
}

/** Runs of non-white-space characters: what a reader counts as words, punctuation included. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
