import type { FieldProblem } from '#domain/contracts/problem.ts';
import { templateAuditSummarySchema, type CreateTemplateRequest, type TemplateAuditSummary, type TemplateVersionEntry } from '#domain/contracts/template-admin.ts';
import { workflowTemplateSchema, type WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { namesBusinessLine } from '#domain/text/business-line.ts';
import type { FindingSeverity } from '#domain/contracts/findings.ts';
import { compareSeverity, defaultBlockingSeverities } from '#domain/findings/lifecycle.ts';
import { problems } from '../kernel/problems.ts';
import { scopeLineProblems } from '../business-lines/line-check.ts';
import { templatesRoutes as routes } from './routes.ts';
import type { StoreTx, StoredPackage, StoredUser } from '../store/store.ts';
import { toActor } from '../package-access/views.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { signedIn } from '../package-access/package-access.ts';

// Workflow templates are published, never edited: each change is a new row (key, version),
// and a package keeps the (templateKey, templateVersion) it was submitted under, so a new
// version changes nothing already in review.

function newestPerKey(templates: readonly WorkflowTemplate[]): Map<string, WorkflowTemplate> {
  const newest = new Map<string, WorkflowTemplate>();
  for (const t of templates) {
    const seen = newest.get(t.key);
    if (!seen || t.version > seen.version) newest.set(t.key, t);
  }
  return newest;
}

function summaryOf(t: WorkflowTemplate): TemplateAuditSummary {
  return {
    version: t.version,
    name: t.name,
    riskTiers: t.riskTiers,
    businessLines: t.businessLines ?? null,
    staleApprovals: t.staleApprovals,
    emergencyRoles: t.emergencyRoles ?? [],
    ...(t.allowSameDeciderAcrossSteps ? { allowSameDeciderAcrossSteps: true as const } : {}),
    blockingFindingSeverities: [...(t.blockingFindingSeverities ?? defaultBlockingSeverities)],
    steps: t.steps.map(({ key, name, role, approvalsRequired, dueHours, sections }) => ({ key, name, role, approvalsRequired, dueHours, sections })),
  };
}

/** Who published which version, read back from the audit log (the built-in versions have no entry). */
async function publications(tx: StoreTx): Promise<Map<string, { actorId: string | null; at: string }>> {
  const found = new Map<string, { actorId: string | null; at: string }>();
  for (const entry of await tx.listAuditEntries({ action: 'template.version_created' }, 0, 100_000)) {
    const after = templateAuditSummarySchema.safeParse(JSON.parse(entry.afterJson));
    if (after.success) found.set(`${entry.subject}@${after.data.version}`, { actorId: entry.actorId, at: entry.at });
  }
  return found;
}

async function entries(tx: StoreTx, templates: readonly WorkflowTemplate[]): Promise<TemplateVersionEntry[]> {
  const all = await tx.listTemplates();
  const newest = newestPerKey(all);
  const packages = await tx.listPackages();
  const published = await publications(tx);
  const users = new Map<string, StoredUser>((await tx.listUsers()).map((u) => [u.id, u]));
  const usage = (t: WorkflowTemplate) =>
    packages
      .filter((p: StoredPackage) => p.templateKey === t.key && p.templateVersion === t.version)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((p) => ({ id: p.id, modelName: p.modelName, versionLabel: p.versionLabel }));
  return templates.map((template) => {
    const publication = published.get(`${template.key}@${template.version}`);
    return {
      template,
      current: newest.get(template.key)?.version === template.version,
      usedBy: usage(template),
      publishedBy: publication?.actorId ? toActor(users.get(publication.actorId), publication.actorId) : null,
      publishedAt: publication?.at ?? null,
    };
  });
}

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

export const listTemplates = defineHandler(routes.listTemplates, async (ctx) => {
  signedIn(ctx);
  const { store } = ctx.deps;
  const templates = [...(await store.listTemplates())].sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version);
  return { status: 200, body: { items: await entries(store, templates) } };
});

export const getTemplateVersion = defineHandler(routes.getTemplateVersion, async (ctx, { params }) => {
  signedIn(ctx);
  const { store } = ctx.deps;
  const template = await store.findTemplate(params.key, params.version);
  if (!template) throw problems.notFound(`No workflow template "${params.key}" version ${params.version}.`);
  const [entry] = await entries(store, [template]);
  return { status: 200, body: entry };
});

/** Kept only when it differs from the default (critical and high), so an unchanged form publishes the same template. */
function storedBlockingSeverities(given: readonly FindingSeverity[] | undefined): FindingSeverity[] | undefined {
  if (!given) return undefined;
  const sorted = [...given].sort(compareSeverity);
  return canonicalize(sorted) === canonicalize(defaultBlockingSeverities) ? undefined : sorted;
}

export const createTemplateVersion = defineHandler(routes.createTemplateVersion, async (ctx, { body }) => {
  const user = signedIn(ctx);
  const at = ctx.deps.now().toISOString();
  const businessLines = body.businessLines && body.businessLines.length > 0 ? body.businessLines : undefined;
  const emergencyRoles = body.emergencyRoles && body.emergencyRoles.length > 0 ? [...new Set(body.emergencyRoles)] : undefined;

  const blockingFindingSeverities = storedBlockingSeverities(body.blockingFindingSeverities);

  const entry = await ctx.deps.store.transaction(async (tx) => {
    // As a policy publication does: a line retired (or added) meanwhile is seen before the lines are checked (docs/decisions/0176).
    await tx.lockPolicyCatalogue();
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
    await tx.insertTemplate(template);
    await tx.appendAudit({ event: { action: 'template.version_created', subject: template.key, before: previous ? summaryOf(previous) : null, after: summaryOf(template) }, actorId: user.id, at });
    const [created] = await entries(tx, [template]);
    return created;
  });
  if (!entry) throw new Error('The template version just written is missing');
  return { status: 201, body: entry, headers: [['location', `/api/templates/${entry.template.key}/versions/${entry.template.version}`]] };
});
