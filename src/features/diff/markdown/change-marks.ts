// A rendered Markdown diff is built as one Markdown text with its changes fenced by four
// private-use characters, then rendered by react-markdown like any submitted text; a rehype
// plugin (rehype-change-marks.ts) turns the fenced runs into <ins> and <del>. The marks are
// plain characters to the Markdown parser, so emphasis, links and tables parse as they were
// written, and a change that starts in plain text and ends inside bold is still one change.

export const insertStart = '\uE000';
export const insertEnd = '\uE001';
export const deleteStart = '\uE002';
export const deleteEnd = '\uE003';

const marks = /[\uE000-\uE003]/g;

/** Submitted text with any of our marks taken out, so a package cannot forge a change. */
export const withoutMarks = (text: string) => text.replace(marks, '');

export const inserted = (text: string) => (text === '' ? '' : `${insertStart}${text}${insertEnd}`);
export const deleted = (text: string) => (text === '' ? '' : `${deleteStart}${text}${deleteEnd}`);
