import { confusableRows } from './confusables-table.ts';

// Business lines are free text typed by people, yet they choose a package's policy and workflow
// chain (docs/decisions/0164). Two spellings of one line must choose the same, and a spelling
// that only looks like a known line (another script's letters, invisible characters) must not
// slip past it: lines are compared by a key, and a submission naming a look-alike is refused.

/** Invisible characters that change nothing a reader sees: format controls (zero-width and bidi). */
const invisible = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;

/**
 * The key two spellings of one business line share: Unicode NFKC (full-width and compatibility
 * forms folded), case-folded, invisible characters dropped, any run of white space or separators
 * one space, trimmed, trailing full stops, marks and dashes dropped ("Consumer lending." is
 * "consumer lending"; a closing bracket stays).
 */
export function businessLineKey(line: string): string {
  return line
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(/[\s\p{Z}]+/gu, ' ')
    .trim()
    .replace(/[\s\p{Po}\p{Pd}]+$/u, '');
}

export function sameBusinessLine(a: string, b: string): boolean {
  return businessLineKey(a) === businessLineKey(b);
}

/** Whether a list of lines names this one, compared by key. */
export function namesBusinessLine(lines: readonly string[] | undefined, line: string): boolean {
  const key = businessLineKey(line);
  return (lines ?? []).some((l) => businessLineKey(l) === key);
}

// What a line looks like (docs/decisions/0176): Unicode TR39's confusables (confusables.txt,
// generated into confusables-table.ts), so a line drawn with another script's letters, Latin
// letters and digits read as one another (rn/m, l/1/I, 0/O), mathematical or full-width forms
// has the skeleton of the line it imitates. Beyond TR39: a dotless or dotted i read as l (they
// differ by a dot a reader skims), and vv as w.
const prototypes: ReadonlyMap<string, string> = new Map([...confusableRows.flatMap(([prototype, sources]) => Array.from(sources, (source) => [source, prototype] as const)), ['i', 'l'], ['ı', 'l']]);

/** Each code point read as its prototype (TR39 maps single code points), marks dropped. */
function readAsPrototypes(text: string): string {
  return Array.from(text.normalize('NFD').replace(/\p{Mn}/gu, ''), (c) => prototypes.get(c) ?? c).join('');
}

/**
 * What a line looks like: its NFKC form without invisible characters, each character read as its
 * TR39 prototype, case-folded, and read again (TR39's prototypes keep case: "0" reads as "O",
 * which case-folds to "o"), until nothing changes; separators (spaces, dashes, underscores, full
 * stops) collapsed to one space, and vv read as w.
 */
export function businessLineSkeleton(line: string): string {
  // Separators collapsed before the reading too: TR39 reads a dash as a letter of another script (an em dash as a katakana long vowel).
  let skeleton = collapseSeparators(line.normalize('NFKC').replace(invisible, ''));
  for (let round = 0; round < 4; round += 1) {
    const next = collapseSeparators(readAsPrototypes(skeleton).toLowerCase().normalize('NFKC'));
    if (next === skeleton) break;
    skeleton = next;
  }
  return skeleton.replace(/vv/g, 'w');
}

const collapseSeparators = (text: string) => text.replace(/[\s\p{Z}\p{Pd}_.]+/gu, ' ').trim();

// Scripts a business line may be written in; UTS #39 allows Latin with the Japanese, Chinese
// and Korean scripts, and no other mix.
const scripts = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Georgian', 'Devanagari', 'Thai', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo'] as const;
type ScriptName = (typeof scripts)[number];
const scriptPatterns = scripts.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);
const allowedMixes: readonly (readonly ScriptName[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

/** The scripts of a line's letters (digits, spaces and punctuation belong to none); "Other" for the rest. */
export function scriptsOf(line: string): Set<string> {
  const found = new Set<string>();
  for (const ch of line.normalize('NFKC')) {
    if (!/\p{L}/u.test(ch)) continue;
    found.add(scriptPatterns.find(([, pattern]) => pattern.test(ch))?.[0] ?? 'Other');
  }
  return found;
}

/** Whether a line mixes scripts no single writing system mixes (Latin with Cyrillic, for instance). */
export function mixesScripts(line: string): boolean {
  const found = [...scriptsOf(line)];
  if (found.length <= 1) return false;
  return !allowedMixes.some((mix) => found.every((s) => (mix as readonly string[]).includes(s)));
}

/**
 * Why a submitted business line cannot be taken, or null: one that mixes scripts, or one that is
 * a known line of the organisation only once spelling or look-alikes are folded. The message
 * gives the known spelling, so the owner can correct it.
 */
export function businessLineProblem(line: string, known: readonly string[]): string | null {
  if (mixesScripts(line)) return `"${line}" mixes letters of ${[...scriptsOf(line)].join(' and ')} scripts; write the business line in one script`;
  if (known.includes(line)) return null;
  const skeleton = businessLineSkeleton(line);
  const match = known.find((k) => businessLineSkeleton(k) === skeleton);
  return match === undefined ? null : `"${line}" is spelled differently from the organisation's business line "${match}"; write it exactly as "${match}"`;
}
