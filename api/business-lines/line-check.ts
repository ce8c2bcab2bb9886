import type { FieldProblem } from '#domain/contracts/problem.ts';
import type { BusinessLine } from '#domain/contracts/business-lines.ts';
import { businessLineKey, businessLineProblem } from '#domain/text/business-line.ts';
import type { StoreTx } from '../store/store.ts';

// A submission's business line chooses its policy and its workflow chain, so it must be a line
// of the organisation's list (docs/decisions/0168), compared by key (0164). A line not on the
// list (another name, a look-alike, an invisible character) is refused before anything is stored.

type LinesTx = Pick<StoreTx, 'listBusinessLines'>;

/** Which lines a submission may name: those in use, or also retired ones (a package filed under a line keeps it). */
export type LineUse = 'in_use' | 'in_use_or_retired';

export async function businessLineProblems(tx: LinesTx, line: string, root: string, use: LineUse = 'in_use'): Promise<FieldProblem[]> {
  const problem = await listedLineProblem(tx, line, use);
  return problem ? [{ pointer: `${root}/sections/0/businessLine`, ...problem }] : [];
}

/** Why a line cannot be named (its code and message), or null when it is a line of the list. */
export async function listedLineProblem(tx: LinesTx, line: string, use: LineUse): Promise<Omit<FieldProblem, 'pointer'> | null> {
  return lineProblemIn(await tx.listBusinessLines(), line, use);
}

function lineProblemIn(lines: readonly BusinessLine[], line: string, use: LineUse): Omit<FieldProblem, 'pointer'> | null {
  const inUse = lines.filter((l) => l.retiredAt === null);
  const key = businessLineKey(line);
  const listed = lines.find((l) => l.key === key);
  const usable = listed && (listed.retiredAt === null || use === 'in_use_or_retired');
  if (usable && listed.label === line) return null;
  // Another spelling of a listed line, or a look-alike of one, gets the spelling to write (0164):
  // signed content names the line as the list does.
  if (usable) return { message: `"${line}" is spelled differently from the organisation's business line "${listed.label}"; write it exactly as "${listed.label}"`, code: 'business_line_spelling' };
  const spelling = businessLineProblem(line, inUse.map((l) => l.label));
  if (spelling) return { message: spelling, code: 'business_line_spelling' };
  const known = inUse.map((l) => `"${l.label}"`).join(', ');
  const why = listed ? `"${listed.label}" is a retired business line` : `"${line}" is not one of the organisation's business lines`;
  return { message: `${why}; choose one of ${known || 'the lines an administrator adds (none yet)'}`, code: 'unknown_business_line' };
}

/** The problems of a policy's or template's lines (each at `${pointer}/${i}`): each must be a line in use. */
export async function scopeLineProblems(tx: LinesTx, lines: readonly string[] | undefined, pointer: string): Promise<FieldProblem[]> {
  if (!lines?.length) return [];
  // The list read once for every line the scope names.
  const listed = await tx.listBusinessLines();
  const found: FieldProblem[] = [];
  for (const [i, line] of lines.entries()) {
    const problem = lineProblemIn(listed, line, 'in_use');
    if (problem) found.push({ pointer: `${pointer}/${i}`, ...problem });
  }
  return found;
}

/**
 * The business line problems of a resubmission, and whether it re-files the package. A package
 * filed under a line the list does not have (typed before the list, 0168) is not approved under it
 * (0176); its owner's new version may name a line in use instead, spelled as the list spells it,
 * and the package is filed under that. Any other package keeps its line (a retired one included).
 */
export async function resubmittedLineProblems(tx: LinesTx & Pick<StoreTx, 'listLineRefilesRequired'>, line: string, pkg: { id: string; businessLine: string }, root: string): Promise<{ problems: FieldProblem[]; refiles: boolean }> {
  const packageLine = pkg.businessLine;
  const listed = await tx.listBusinessLines();
  // A line added after the package matched its spelling: the owner's version re-files it, under
  // that line or another (0182); the addition alone chose no policy nor chain.
  const addedSince = (await tx.listLineRefilesRequired([pkg.id])).length > 0;
  const unlisted = !listed.some((l) => l.key === businessLineKey(packageLine));
  const refiles = addedSince || (unlisted && businessLineKey(line) !== businessLineKey(packageLine));
  const problem = lineProblemIn(listed, line, refiles ? 'in_use' : 'in_use_or_retired');
  const problems = problem ? [{ pointer: `${root}/sections/0/businessLine`, ...problem }] : [];
  return { problems: refiles ? problems : [...problems, ...unchangedBusinessLineProblems(line, packageLine, root)], refiles: refiles && problems.length === 0 };
}

/** Who filed the line a new version or package must keep: the package itself, or the model's newest package (0173). */
export type FiledBy = { kind: 'package' } | { kind: 'model'; modelKey: string; versionLabel: string };

/**
 * A resubmission keeps the package's business line, and a new package of a model keeps the
 * model's (0173): the policy and approval chain were chosen by it, and the record names it.
 * Content claiming another line would be signed under a line nobody checked it against (second
 * adversary review, docs/decisions/0164).
 */
export function unchangedBusinessLineProblems(line: string, filedLine: string, root: string, by: FiledBy = { kind: 'package' }): FieldProblem[] {
  if (businessLineKey(line) === businessLineKey(filedLine)) return [];
  const message =
    by.kind === 'package'
      ? `This package is filed under the business line "${filedLine}"; a new version cannot move it to "${line}". Submit a new package for another line.`
      : `Model "${by.modelKey}" is filed under the business line "${filedLine}" (version ${by.versionLabel}); a new package of it keeps that line. Another line is another model: file it under its own key.`;
  return [{ pointer: `${root}/sections/0/businessLine`, message, code: 'business_line_changed' }];
}
