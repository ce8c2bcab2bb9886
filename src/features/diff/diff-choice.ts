export type DiffMode = 'unified' | 'side-by-side';

export interface DiffChoice {
  from: number;
  to: number;
  mode: DiffMode;
  /** What the address asked for that does not exist, to say so rather than silently change it. */
  unknown: string | null;
}

/** What of a package the choice reads: its version numbers and the versions decided on. */
export interface DiffChoiceInput {
  versions: readonly { number: number }[];
  decisions: readonly { versionNumber: number }[];
}

/**
 * The versions a diff compares. Without `?from=&to=`, the latest version someone decided on
 * (the one a rejection or clarification stopped) against the newest, which is what the
 * reviewer who rejected needs to see; without any decision, the version before the newest.
 */
export function defaultFrom(pkg: DiffChoiceInput, to: number): number {
  const decided = pkg.decisions.map((decision) => decision.versionNumber).filter((n) => n < to);
  return decided.length > 0 ? Math.max(...decided) : Math.max(1, to - 1);
}

const parseVersion = (value: string | null, available: ReadonlySet<number>): number | 'bad' | null => {
  if (value === null || value === '') return null;
  const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  return available.has(n) ? n : 'bad';
};

/** Reads `?from=&to=&mode=`; null when the package has a single version (nothing to compare). */
export function chooseDiff(params: URLSearchParams, pkg: DiffChoiceInput): DiffChoice | null {
  const numbers = pkg.versions.map((version) => version.number);
  if (numbers.length < 2) return null;
  const available = new Set(numbers);
  const newest = Math.max(...numbers);
  const unknown: string[] = [];
  const toAsked = parseVersion(params.get('to'), available);
  if (toAsked === 'bad') unknown.push(`to=${params.get('to') ?? ''}`);
  const to = typeof toAsked === 'number' ? toAsked : newest;
  const fromAsked = parseVersion(params.get('from'), available);
  if (fromAsked === 'bad') unknown.push(`from=${params.get('from') ?? ''}`);
  let from = typeof fromAsked === 'number' ? fromAsked : defaultFrom(pkg, to);
  if (from === to) from = to > 1 ? to - 1 : to + 1;
  const mode: DiffMode = params.get('mode') === 'side-by-side' ? 'side-by-side' : 'unified';
  return { from, to, mode, unknown: unknown.length > 0 ? unknown.join(', ') : null };
}

export function diffSearch(choice: Pick<DiffChoice, 'from' | 'to' | 'mode'>): string {
  const search = new URLSearchParams({ from: String(choice.from), to: String(choice.to) });
  if (choice.mode === 'side-by-side') search.set('mode', 'side-by-side');
  return `?${search.toString()}`;
}
