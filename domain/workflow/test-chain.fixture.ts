// Test fixture (no production code imports it): the small review chain the workflow,
// dashboard and notification unit tests decide on. Each step is responsible for one section,
// so a test can make exactly one step's approvals stale.
import type { WorkflowStep, WorkflowTemplate } from '../contracts/workflow-template.ts';

export const dataGovernanceStep: WorkflowStep = { key: 'dg', name: 'Data governance', role: 'data_governance', approvalsRequired: 1, dueHours: 24, sections: ['data'] };
export const modelRiskStep: WorkflowStep = { key: 'mrm', name: 'Model risk', role: 'model_risk', approvalsRequired: 1, dueHours: 48, sections: ['metrics'] };

/** Data governance, then model risk, for risk tier 1; `changes` replaces whole fields (steps, tiers…). */
export function testChain(changes: Partial<WorkflowTemplate> = {}): WorkflowTemplate {
  return { key: 't', version: 1, name: 'Test chain', riskTiers: [1], staleApprovals: 'responsible_sections', steps: [dataGovernanceStep, modelRiskStep], ...changes };
}
