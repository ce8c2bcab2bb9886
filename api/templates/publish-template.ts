import type { FieldProblem } from '#domain/contracts/problem.ts';
import type { CreateTemplateRequest, TemplateVersionEntry } from '#domain/contracts/template-admin.ts';
import { workflowTemplateSchema, type WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { namesBusinessLine } from '#domain/text/business-line.ts';
import type { FindingSeverity } from '#domain/contracts/findings.ts';
import { compareSeverity, defaultBlockingSeverities } from '#domain/findings/lifecycle.ts';
import { problems } from '../kernel/problems.ts';
import { scopeLineProblems } from '../business-lines/line-check.ts';
import type { StoreTx } from '../store/store.ts';
import type { ChangeTime, CheckedChange } from '../kernel/catalogue-change.ts';
import { entries, newestPerKey, summaryOf } from './entries.ts';

// Workflow templates are published, never edited: each change is a new row (key, version),
// and a package keeps the (templateKey, templateVersion) it was submitted under, so a new
// version changes nothing already in review. The caller holds the catalogue lock (0176).

/**
 * Which template a package gets is decided by (risk tier, business line): a template with
 * business lines is preferred for those lines, one without covers the rest of its tiers. So
 * two current template keys may not claim the same tier for the same business line, nor
 * both claim a tier for "any other business line": the choice would depend on key order.
 */
function claimProblems(body: CreateTemplateRequest, newest: Map<string, WorkflowTemplate>): FieldProblem[] {
  const found: FieldProblem[] = [];
  const lines = body.businessLines ?? [];
  for (const other of newest.values()) {
    if (other.key === body.key) continue;
    const otherLines = other.businessLines ?? [];
    body.riskTiers.forEach((tier, i) => {
      if (!other.riskTiers.includes(tier)) return;
      if (lines.length === 0 && otherLines.length === 0) {
        found.push({ pointer: `/riskTiers/${i}`, message: `Risk tier ${tier} (for any business line) is already covered by template "${other.key}"`, code: 'tier_claimed' });
        return;
      }
      lines.forEach((line, j) => {
        if (namesBusinessLine(otherLines, line)) found.push({ pointer: `/businessLines/${j}`, message: `Risk tier ${tier} for "${line}" is already covered by template "${other.key}"`, code: 'tier_claimed' });
      });
    });
  }
  return found;
}

/** Kept only when it differs from the default (critical and high), so an unchanged form publishes the same template. */
function storedBlockingSeverities(given: readonly FindingSeverity[] | undefined): FindingSeverity[] | undefined {
  if (!given) return undefined;
  const sorted = [...given].sort(compareSeverity);
  return canonicalize(sorted) === canonicalize(defaultBlockingSeverities) ? undefined : sorted;
}

export async function checkTemplatePublication(tx: StoreTx, body: CreateTemplateRequest, actorId: string, when: ChangeTime): Promise<CheckedChange<TemplateVersionEntry>> {
  const businessLines = body.businessLines && body.businessLines.length > 0 ? body.businessLines : undefined;
  const emergencyRoles = body.emergencyRoles && body.emergencyRoles.length > 0 ? [...new Set(body.emergencyRoles)] : undefined;
  const blockingFindingSeverities = storedBlockingSeverities(body.blockingFindingSeverities);
  const newest = newestPerKey(await tx.listTemplates());
  const previous = newest.get(body.key) ?? null;
  // A new template must not silently become the next version of an existing key.
  if (body.replacesVersion === 0 && previous) {
    throw problems.validation([{ pointer: '/key', message: `The key "${body.key}" is already taken by "${previous.name}" (version ${previous.version}); choose another key, or publish a new version of that template`, code: 'key_taken' }]);
  }
  if (body.replacesVersion !== undefined && body.replacesVersion > 0 && (previous?.version ?? 0) !== body.replacesVersion) {
    throw problems.conflict(`Version ${body.replacesVersion} of "${body.key}" is no longer the current one (it is ${previous?.version ?? 'none'}); reload the template and start from the current version.`);
  }
  const unlisted = await scopeLineProblems(tx, businessLines, '/businessLines');
  if (unlisted.length > 0) throw problems.validation(unlisted);
  const claimed = claimProblems({ ...body, businessLines }, newest);
  if (claimed.length > 0) throw problems.validation(claimed);
  const template = workflowTemplateSchema.parse({
    key: body.key,
    version: (previous?.version ?? 0) + 1,
    name: body.name,
    riskTiers: body.riskTiers,
    ...(businessLines ? { businessLines } : {}),
    staleApprovals: body.staleApprovals,
    steps: body.steps,
    ...(emergencyRoles ? { emergencyRoles } : {}),
    // Only an explicit true relaxes segregation of duties; false is the default, not stored.
    ...(body.allowSameDeciderAcrossSteps ? { allowSameDeciderAcrossSteps: true } : {}),
    ...(blockingFindingSeverities ? { blockingFindingSeverities } : {}),
  });
  if (previous && canonicalize({ ...previous, version: 0 }) === canonicalize({ ...template, version: 0 })) {
    throw problems.conflict(`This is the same as version ${previous.version} of "${previous.key}"; change something before publishing a new version.`);
  }
  return {
    subject: template.key,
    async write() {
      await tx.insertTemplate(template);
      await tx.appendAudit({ event: { action: 'template.version_created', subject: template.key, before: previous ? summaryOf(previous) : null, after: summaryOf(template) }, actorId, at: when.at });
      const [created] = await entries(tx, [template]);
      if (!created) throw new Error('The template version just written is missing');
      return created;
    },
  };
}
