import type { SectionKind, Threshold } from '../contracts/sections.ts';

// The structured diff between two versions of a package, section by section. Each kind of
// section is compared by its own rules: narrative word by word, tables by row key and cell,
// lists by item key. The same model feeds the diff view, the record export's summary of
// each revision, the server and the command-line tools, so it is plain serializable data.

export type DiffStatus = 'added' | 'removed' | 'modified' | 'unchanged';

export interface TextSpan {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * A text compared word by word; when that exceeds its bounds (edit length or time), line by
 * line; when that does too, as a whole replacement. The view says when it is coarser.
 */
export interface TextDiff {
  spans: TextSpan[];
  granularity: 'words' | 'lines' | 'whole';
  insertedWords: number;
  deletedWords: number;
}

/** One named field: a scalar shown as a value, or a long text with its own text diff. */
export interface FieldDiff {
  /** Property path inside the section or item, e.g. "markdown", "dataset.rows", "threshold". */
  key: string;
  label: string;
  status: DiffStatus;
  /** Display form of the value before and after (null when absent, or when `blocks` hold them: DiffBounds.markdownBlocks 'only'). */
  before: string | null;
  after: string | null;
  /**
   * For long text fields (Markdown, notes, descriptions): the word diff. Null for scalar and
   * list fields, and for a text field that did not change (its value is in before/after).
   */
  text: TextDiff | null;
  /**
   * For lists of strings (a risk's controls, a dataset's sensitive attributes): every entry,
   * in the newer order with removed ones where they were, each marked. before/after then hold
   * the entries joined by line breaks. Absent for other fields.
   */
  entries?: ListEntryDiff[];
  /**
   * For Markdown fields (a narrative's text, notes): the text block by block, unchanged blocks
   * included, so the view can render it as prose with its changes marked. Absent for other fields
   * and for an unchanged text.
   */
  blocks?: MarkdownBlockDiff[];
}

export type MarkdownBlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-head' | 'table-row' | 'code' | 'other';

/** One block of Markdown as written: its lines, and its marker ("## ", "- ") when it has one. */
export interface MarkdownBlock {
  kind: MarkdownBlockKind;
  text: string;
  prefix: string;
}

/**
 * A block compared: unchanged, added, removed, modified (its words after the marker compared in
 * `spans`), or rewritten (changed too much, or its marker changed: shown old, then new).
 */
export interface MarkdownBlockDiff {
  status: 'unchanged' | 'added' | 'removed' | 'modified' | 'rewritten';
  kind: MarkdownBlockKind;
  before: MarkdownBlock | null;
  after: MarkdownBlock | null;
  spans: TextSpan[] | null;
}

/** One entry of a list of strings, matched by its exact text: an edited entry is removed and added. */
export interface ListEntryDiff {
  text: string;
  status: 'added' | 'removed' | 'unchanged';
}

export type Verdict = 'pass' | 'fail';

/** A numeric cell checked against a policy threshold: metric values, subgroup values. */
export interface CellDiff {
  /** Column key: "value" in a metric table, the metric key in a subgroup table. */
  column: string;
  before: number | null;
  after: number | null;
  thresholdBefore: Threshold | null;
  thresholdAfter: Threshold | null;
  verdictBefore: Verdict | null;
  verdictAfter: Verdict | null;
  /** A threshold result that changed: the thing a reviewer looks for first. */
  flip: 'fail_to_pass' | 'pass_to_fail' | null;
  changed: boolean;
}

/** A table row or list item, matched across versions by its key. */
export interface RowDiff {
  key: string;
  /** Human label: metric name, "attribute: group", dataset or risk title. */
  label: string;
  status: DiffStatus;
  cells: CellDiff[];
  fields: FieldDiff[];
}

export interface ColumnHead {
  key: string;
  label: string;
  threshold: Threshold | null;
}

export interface SectionDiff {
  key: string;
  /** Title in the newer version, or in the older one if the section was removed. */
  title: string;
  kind: SectionKind;
  /** Set when the section changed kind between the versions. */
  kindBefore: SectionKind | null;
  status: DiffStatus;
  /** The section's own fields: title, Markdown, dataset, notes, identification fields. */
  fields: FieldDiff[];
  /** Table sections: numeric columns (metrics of a subgroup table; "value" of a metric table). */
  columns: ColumnHead[];
  /** Table rows or list items (metrics, subgroups, datasets, risks, references), in the newer order, removed ones where they were. */
  rows: RowDiff[];
  /**
   * Number of changed things in the section: its changed fields, plus its added, removed and
   * modified rows (a row counts once, however many of its cells and fields changed). 0 when
   * unchanged; also 0 when only the order of rows changed.
   */
  changes: number;
  flips: { toPass: number; toFail: number };
  /** True when some text of the section was compared more coarsely than word by word. */
  coarse: boolean;
}

export interface PackageDiff {
  sections: SectionDiff[];
  summary: RevisionSummary;
}

/** What the record export and the tools keep of a revision: counts and a line per changed section. */
export interface RevisionSummary {
  added: number;
  removed: number;
  modified: number;
  unchanged: number;
  flips: { toPass: number; toFail: number };
  coarse: boolean;
  sections: { key: string; title: string; status: DiffStatus; changes: number; flips: { toPass: number; toFail: number } }[];
}

/** Bounds for jsdiff, which is quadratic on large, heavily changed texts. */
export interface DiffBounds {
  /** Largest edit script (in tokens) to try word by word before falling back to lines. */
  maxEditLength: number;
  /** Milliseconds one text may take word by word before falling back. */
  timeoutMs: number;
  /**
   * Whether Markdown fields also get their block diff (`FieldDiff.blocks`), for a view that
   * renders them; the record export, which keeps only counts, leaves it off. `'only'` (the diff
   * view's form) compares a changed Markdown field block by block only, not also word by word as
   * one text: its `before` and `after` are null and its `text.spans` empty, as the blocks hold
   * them; its word counts are the blocks'; its granularity is 'lines' when some block's word diff
   * exceeded the bounds (that block is then shown old, then new), 'words' otherwise. The whole
   * text's word diff was about 40 % of the diff workers' time on a 2 MB resubmission, and its
   * copies half of what they posted to the page, none of it shown (docs/decisions/0212).
   */
  markdownBlocks?: boolean | 'only';
}

export const defaultDiffBounds: DiffBounds = { maxEditLength: 5_000, timeoutMs: 250 };
