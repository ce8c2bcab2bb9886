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

// Letters of other scripts drawn like Latin ones (Unicode confusables.txt, the common subset),
// and Latin letters and digits easily read as one another. Only for telling look-alikes apart.
const lookAlikes: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ɡ: 'g',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ζ: 'z',
  '0': 'o', '1': 'l', '|': 'l', i: 'l', ı: 'l',
};

/** What a line looks like: its key with look-alike letters read as the Latin letter they resemble. */
export function businessLineSkeleton(line: string): string {
  // Code points, not grapheme clusters: the table maps single letters.
  const key = Array.from(businessLineKey(line).normalize('NFD').replace(/\p{Mn}/gu, '')).map((c) => lookAlikes[c] ?? c).join('');
  return key.replace(/rn/g, 'm').replace(/vv/g, 'w');
}

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
