import type { FieldProblem } from '#domain/contracts/problem.ts';
import { businessLineKey, businessLineProblem } from '#domain/text/business-line.ts';
import type { StoreTx } from '../store/store.ts';

// A submission's business line chooses its policy and its workflow chain: one that only looks
// like a line the organisation knows is refused before anything is stored (docs/decisions/0164).

/** The lines the organisation has named: in any published policy's scope or workflow template. */
async function knownBusinessLines(tx: Pick<StoreTx, 'listPolicyVersions' | 'listTemplates'>): Promise<string[]> {
  const [policies, templates] = await Promise.all([tx.listPolicyVersions(), tx.listTemplates()]);
  const lines = [...policies.flatMap((row) => row.policy.scope.businessLines ?? []), ...templates.flatMap((t) => t.businessLines ?? [])];
  return [...new Set(lines)];
}

export async function businessLineProblems(tx: Pick<StoreTx, 'listPolicyVersions' | 'listTemplates'>, line: string, root: string): Promise<FieldProblem[]> {
  const problem = businessLineProblem(line, await knownBusinessLines(tx));
  return problem ? [{ pointer: `${root}/sections/0/businessLine`, message: problem, code: 'business_line_spelling' }] : [];
}

/**
 * A resubmission keeps the package's business line: the package's policy and approval chain
 * were chosen by it, and the record names it. Content claiming another line would be signed
 * under a line nobody checked it against (second adversary review, docs/decisions/0164).
 */
export function unchangedBusinessLineProblems(line: string, packageLine: string, root: string): FieldProblem[] {
  if (businessLineKey(line) === businessLineKey(packageLine)) return [];
  return [{ pointer: `${root}/sections/0/businessLine`, message: `This package is filed under the business line "${packageLine}"; a new version cannot move it to "${line}". Submit a new package for another line.`, code: 'business_line_changed' }];
}
