import type { FindingSeverity } from '#domain/contracts/findings.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { defaultBlockingSeverities } from '#domain/findings/lifecycle.ts';
import type { WorkflowTemplate } from '#domain/contracts/workflow-template.ts';

// The template form (a new template, or a new version of one) edits a draft of plain strings,
// so whatever the administrator typed reaches the server as typed and comes back with the
// server's own message beside its field.

export interface StepDraft {
  /** Stable across edits and removals, for React keys only; never sent. */
  uid: string;
  key: string;
  name: string;
  role: Role | '';
  approvalsRequired: string;
  dueHours: string;
  sections: string[];
}

export interface TemplateDraft {
  key: string;
  name: string;
  riskTiers: number[];
  /** One business line per line of text. */
  businessLines: string;
  staleApprovals: WorkflowTemplate['staleApprovals'];
  emergencyRoles: Role[];
  /** Relaxes segregation of duties: said on every package and record under the template. */
  allowSameDeciderAcrossSteps: boolean;
  /** The severities of open finding that block an approval. */
  blockingFindingSeverities: FindingSeverity[];
  steps: StepDraft[];
}

let nextUid = 0;
export const newStepUid = () => `step-${++nextUid}`;

export function emptyStep(): StepDraft {
  return { uid: newStepUid(), key: '', name: '', role: '', approvalsRequired: '1', dueHours: '72', sections: [] };
}

/** A new template: nothing chosen yet, one empty step, approvals standing unless their sections changed. */
export function emptyDraft(): TemplateDraft {
  return { key: '', name: '', riskTiers: [], businessLines: '', staleApprovals: 'responsible_sections', emergencyRoles: [], allowSameDeciderAcrossSteps: false, blockingFindingSeverities: [...defaultBlockingSeverities], steps: [emptyStep()] };
}

export function draftFrom(template: WorkflowTemplate): TemplateDraft {
  return {
    key: template.key,
    name: template.name,
    riskTiers: [...template.riskTiers],
    businessLines: (template.businessLines ?? []).join('\n'),
    staleApprovals: template.staleApprovals,
    emergencyRoles: [...(template.emergencyRoles ?? [])],
    allowSameDeciderAcrossSteps: template.allowSameDeciderAcrossSteps === true,
    blockingFindingSeverities: [...(template.blockingFindingSeverities ?? defaultBlockingSeverities)],
    steps: template.steps.map((s) => ({ uid: newStepUid(), key: s.key, name: s.name, role: s.role, approvalsRequired: String(s.approvalsRequired), dueHours: String(s.dueHours), sections: [...s.sections] })),
  };
}

/** A number field as typed: blank stays missing (the server says so), anything else is sent as a number. */
function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * The request body; a step without a role is sent with an empty one, for the server to name
 * the field. `replacesVersion` is 0 for a new template (the server refuses a key already
 * taken) or the version the draft started from (refused if another was published since).
 */
export function requestFrom(draft: TemplateDraft, replacesVersion: number) {
  const businessLines = draft.businessLines.split('\n').map((line) => line.trim()).filter(Boolean);
  return {
    key: draft.key,
    name: draft.name,
    riskTiers: [...draft.riskTiers].sort(),
    ...(businessLines.length > 0 ? { businessLines } : {}),
    staleApprovals: draft.staleApprovals,
    emergencyRoles: draft.emergencyRoles,
    // Sent only when relaxed: the default is segregation, and an explicit true is the only way out.
    ...(draft.allowSameDeciderAcrossSteps ? { allowSameDeciderAcrossSteps: true } : {}),
    blockingFindingSeverities: draft.blockingFindingSeverities,
    steps: draft.steps.map((s) => ({ key: s.key, name: s.name, role: s.role, approvalsRequired: numberOf(s.approvalsRequired), dueHours: numberOf(s.dueHours), sections: s.sections })),
    replacesVersion,
  };
}
