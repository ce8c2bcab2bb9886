// The workflow template a package was decided under, carried in the record (issue 17,
// docs/decisions/0103): its definition, held to the package's template reference, to the steps
// the record lists and the decisions signed on them, and to the hash the package.submitted audit
// entry fixed when the package arrived, so neither a re-signed record nor a template changed in
// the database afterwards can show a chain other than the one the package was submitted to.
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { canonicalSha256Hex } from '../crypto/canonical-sha256.ts';
import { emergencyStepKey } from '../workflow/emergency.ts';
import { fail, pass, short } from './check.ts';

/** Hex SHA-256 of the RFC 8785 form of a template version: what package.submitted states. */
export function templateHash(template: WorkflowTemplate): Promise<string> {
  return canonicalSha256Hex(template);
}

function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function chainProblems(record: ApprovalRecord, template: WorkflowTemplate): string[] {
  const problems: string[] = [];
  const ref = record.package.template;
  if (ref.key !== template.key || ref.version !== template.version || ref.name !== template.name) {
    problems.push(`/templateDefinition is ${template.key} version ${template.version} (${template.name}), /package/template names ${ref.key} version ${ref.version} (${ref.name}).`);
  }
  if ((ref.allowSameDeciderAcrossSteps === true) !== (template.allowSameDeciderAcrossSteps === true)) {
    problems.push(`/package/template ${ref.allowSameDeciderAcrossSteps ? 'relaxes' : 'keeps'} segregation of duties, the definition ${template.allowSameDeciderAcrossSteps ? 'relaxes' : 'keeps'} it.`);
  }
  if (record.steps.length !== template.steps.length) problems.push(`/steps lists ${record.steps.length} steps, the template ${template.steps.length}.`);
  for (const [index, step] of record.steps.entries()) {
    const defined = template.steps[index];
    if (!defined) continue;
    for (const name of ['key', 'name', 'role', 'approvalsRequired'] as const) {
      if (step[name] !== defined[name]) problems.push(`/steps/${index}/${name} is ${JSON.stringify(step[name])}, the template says ${JSON.stringify(defined[name])}.`);
    }
  }
  for (const [index, decision] of record.decisions.entries()) {
    if (decision.stepKey === emergencyStepKey) {
      if (!(template.emergencyRoles ?? []).includes(decision.role)) problems.push(`/decisions/${index} is an emergency approval in the ${decision.role} role, which the template does not allow.`);
      continue;
    }
    const defined = template.steps.find((s) => s.key === decision.stepKey);
    if (!defined) problems.push(`/decisions/${index} decides step ${decision.stepKey}, which the template does not have.`);
    else if (defined.role !== decision.role) problems.push(`/decisions/${index} decides step ${decision.stepKey} in the ${decision.role} role; the template gives it to ${defined.role}.`);
  }
  return problems;
}

export async function templateCheck(record: ApprovalRecord): Promise<RecordCheck | null> {
  const template = record.templateDefinition;
  if (!template) return null;
  const label = 'Workflow template';
  const problems = chainProblems(record, template);
  const hash = await templateHash(template);
  const submitted = record.audit.entries.find((entry) => entry.action === 'package.submitted');
  const stated = member(submitted?.after, 'template');
  const statedHash = member(stated, 'hash');
  if (submitted && typeof statedHash === 'string' && statedHash !== hash) {
    problems.push(`/templateDefinition hashes to ${short(hash)}; audit entry #${submitted.seq} (package.submitted) fixed ${short(statedHash)}: the package was submitted to another definition.`);
  }
  if (problems.length > 0) return fail(label, problems.join(' '));
  const logged = submitted && typeof statedHash === 'string' ? `, the definition audit entry #${submitted.seq} fixed at submission (hash ${short(hash)})` : ' (the package was submitted before its audit entry named the template: the definition rests on the record signature)';
  return pass(label, `${template.key} version ${template.version}: ${template.steps.length} step${template.steps.length === 1 ? '' : 's'}, each as /steps lists it and every decision in its step's role${logged}.`);
}
