import { requiredSections } from '#domain/contracts/package-content.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';

const sectionTitle = (key: string) => requiredSections.find((s) => s.key === key)?.title ?? key;

/** The chain step by step, in the order it is gated: each step waits for every earlier one. */
export function TemplateSteps({ template }: { template: WorkflowTemplate }) {
  return (
    <ol className="space-y-3">
      {template.steps.map((step, i) => (
        <li key={step.key} className="rounded-md border border-slate-300 bg-white p-4">
          <p className="font-semibold">
            Step {i + 1}: {step.name} <span className="font-normal text-slate-700">({step.key})</span>
          </p>
          <p>
            Decided by {roleLabels[step.role]} · {step.approvalsRequired} {step.approvalsRequired === 1 ? 'approval' : 'approvals'} · due {step.dueHours} hours after it becomes active
          </p>
          <p className="text-slate-700">Responsible for: {step.sections.map(sectionTitle).join(', ')}</p>
        </li>
      ))}
    </ol>
  );
}

export function staleRuleText(rule: WorkflowTemplate['staleApprovals']): string {
  return rule === 'responsible_sections' ? 'An approval stands across versions unless a section its step is responsible for changed.' : 'Any new version makes every approval stale.';
}

export function tiersText(template: WorkflowTemplate): string {
  const tiers = `Risk ${template.riskTiers.length === 1 ? 'tier' : 'tiers'} ${template.riskTiers.join(', ')}`;
  return template.businessLines ? `${tiers}, for ${template.businessLines.join(', ')}` : `${tiers}, any business line`;
}
