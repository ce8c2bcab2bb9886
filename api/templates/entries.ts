import { templateAuditSummarySchema, type TemplateAuditSummary, type TemplateVersionEntry } from '#domain/contracts/template-admin.ts';
import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';
import { defaultBlockingSeverities } from '#domain/findings/lifecycle.ts';
import type { StoreTx, StoredPackage, StoredUser } from '../store/store.ts';
import { toActor } from '../package-access/views.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// A template version as the API answers it: whether it is current, the packages that use it,
// and who published it (read back from the audit log).

export function newestPerKey(templates: readonly WorkflowTemplate[]): Map<string, WorkflowTemplate> {
  const newest = new Map<string, WorkflowTemplate>();
  for (const t of templates) {
    const seen = newest.get(t.key);
    if (!seen || t.version > seen.version) newest.set(t.key, t);
  }
  return newest;
}

export function summaryOf(t: WorkflowTemplate): TemplateAuditSummary {
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
    const after = templateAuditSummarySchema.safeParse(parseJson(entry.afterJson));
    if (after.success) found.set(`${entry.subject}@${after.data.version}`, { actorId: entry.actorId, at: entry.at });
  }
  return found;
}

export async function entries(tx: StoreTx, templates: readonly WorkflowTemplate[]): Promise<TemplateVersionEntry[]> {
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

export const templateLocation = (entry: TemplateVersionEntry): string => `/api/templates/${entry.template.key}/versions/${entry.template.version}`;
