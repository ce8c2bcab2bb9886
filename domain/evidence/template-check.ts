// The workflow template a package was decided under, carried in the record (issue 17,
// docs/decisions/0103): its definition, held to the package's template reference, to the steps
// the record lists and the decisions signed on them, and to the hash the package.submitted audit
// entry fixed when the package arrived (or a later entry, when the tier that applies moved it to
// another chain: 0106, 0167), so neither a re-signed record nor a template changed in the
// database afterwards can show a chain other than the one the package was decided under.
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

/** The chain's re-selections by the tier that applies (0106, 0167): the entry's template, with its hash from 0167 on. */
const reselections: ReadonlySet<string> = new Set(['risk.assessed', 'risk.override_confirmed', 'package.chain_changed']);

interface FixedChain {
  seq: number;
  action: string;
  key: unknown;
  version: unknown;
  hash: unknown;
}

/** The last audit entry that fixed the package's chain: its submission, or a tier that moved it since. */
function fixingEntry(record: ApprovalRecord): FixedChain | null {
  let found: FixedChain | null = null;
  for (const entry of [...record.audit.entries].sort((a, b) => a.seq - b.seq)) {
    const named = entry.action === 'package.chain_changed' ? entry.after : entry.action === 'package.submitted' || reselections.has(entry.action) ? member(entry.after, 'template') : undefined;
    if (entry.action === 'package.submitted' || named !== undefined) found = { seq: entry.seq, action: entry.action, key: member(named, 'key'), version: member(named, 'version'), hash: member(named, 'hash') };
  }
  return found;
}

/** Steps a stricter tier's chain dropped (0167): decisions signed on them before the move stay in the record, counting for nothing. */
function droppedSteps(record: ApprovalRecord): Set<string> {
  const out = new Set<string>();
  for (const entry of record.audit.entries) {
    const dropped = entry.action === 'package.chain_changed' ? member(entry.after, 'dropped') : undefined;
    if (Array.isArray(dropped)) for (const key of dropped) if (typeof key === 'string') out.add(key);
  }
  return out;
}

function chainProblems(record: ApprovalRecord, template: WorkflowTemplate): string[] {
  const problems: string[] = [];
  const dropped = droppedSteps(record);
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
    if (!defined && dropped.has(decision.stepKey)) continue;
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
  const fixed = fixingEntry(record);
  const where = fixed && `audit entry #${fixed.seq} (${fixed.action})`;
  if (fixed && typeof fixed.hash === 'string' && fixed.hash !== hash) {
    problems.push(`/templateDefinition hashes to ${short(hash)}; ${where} fixed ${short(fixed.hash)}: the package ${fixed.action === 'package.submitted' ? 'was submitted' : 'was moved'} to another definition.`);
  }
  // A re-selection logged before 0167 names the template without its hash: held to its key and version.
  if (fixed && typeof fixed.hash !== 'string' && fixed.action !== 'package.submitted' && (fixed.key !== template.key || fixed.version !== template.version)) {
    problems.push(`/templateDefinition is ${template.key} version ${template.version}; ${where} moved the package to ${String(fixed.key)} version ${String(fixed.version)}.`);
  }
  if (problems.length > 0) return fail(label, problems.join(' '));
  const logged = !fixed || (fixed.action === 'package.submitted' && typeof fixed.hash !== 'string') ? ' (the package was submitted before its audit entry named the template: the definition rests on the record signature)' : typeof fixed.hash === 'string' ? `, the definition ${fixed.action === 'package.submitted' ? `audit entry #${fixed.seq} fixed at submission` : `${where ?? ''} fixed when the tier moved the package to it`} (hash ${short(hash)})` : `, the template ${where} moved the package to (logged without a hash: the definition rests on the record signature)`;
  return pass(label, `${template.key} version ${template.version}: ${template.steps.length} step${template.steps.length === 1 ? '' : 's'}, each as /steps lists it and every decision in its step's role${logged}.`);
}
