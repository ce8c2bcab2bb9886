import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { namesBusinessLine } from '../text/business-line.ts';

const all = ['identification', 'intended_use', 'design_methodology', 'training_data', 'evaluation', 'subgroup_fairness', 'limitations_risks', 'human_oversight', 'validation_findings', 'regulatory_references', 'security_controls'];

/** The templates a new installation starts with: one chain per risk tier, and a credit chain. */
export const defaultTemplates: readonly WorkflowTemplate[] = [
  {
    key: 'consumer-credit',
    version: 1,
    name: 'Consumer credit models',
    riskTiers: [1, 2],
    businessLines: ['Consumer lending'],
    staleApprovals: 'responsible_sections',
    emergencyRoles: ['committee'],
    steps: [
      { key: 'data_governance', name: 'Data governance', role: 'data_governance', approvalsRequired: 1, dueHours: 72, sections: ['identification', 'training_data', 'regulatory_references'] },
      { key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 120, sections: ['design_methodology', 'evaluation', 'limitations_risks', 'human_oversight', 'validation_findings'] },
      { key: 'fair_lending', name: 'Fair lending', role: 'fair_lending', approvalsRequired: 1, dueHours: 72, sections: ['subgroup_fairness', 'intended_use', 'regulatory_references'] },
      { key: 'committee', name: 'AI governance committee', role: 'committee', approvalsRequired: 1, dueHours: 168, sections: all },
    ],
  },
  {
    key: 'tier-1',
    version: 1,
    name: 'Tier 1 (critical) models',
    riskTiers: [1],
    staleApprovals: 'responsible_sections',
    emergencyRoles: ['committee'],
    steps: [
      { key: 'data_governance', name: 'Data governance', role: 'data_governance', approvalsRequired: 1, dueHours: 72, sections: ['identification', 'training_data'] },
      { key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 120, sections: ['design_methodology', 'evaluation', 'subgroup_fairness', 'limitations_risks', 'human_oversight', 'validation_findings'] },
      { key: 'privacy', name: 'Privacy', role: 'privacy', approvalsRequired: 1, dueHours: 72, sections: ['training_data', 'regulatory_references', 'security_controls'] },
      { key: 'committee', name: 'AI governance committee', role: 'committee', approvalsRequired: 1, dueHours: 168, sections: all },
    ],
  },
  {
    key: 'tier-2-3',
    version: 1,
    name: 'Tier 2 and 3 models',
    riskTiers: [2, 3],
    staleApprovals: 'responsible_sections',
    steps: [
      { key: 'data_governance', name: 'Data governance', role: 'data_governance', approvalsRequired: 1, dueHours: 72, sections: ['identification', 'training_data', 'regulatory_references'] },
      { key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 120, sections: ['design_methodology', 'evaluation', 'subgroup_fairness', 'limitations_risks', 'human_oversight', 'validation_findings'] },
      { key: 'security', name: 'Security', role: 'security', approvalsRequired: 1, dueHours: 72, sections: ['security_controls', 'intended_use'] },
    ],
  },
  {
    key: 'tier-4',
    version: 1,
    name: 'Tier 4 (experimental) models',
    riskTiers: [4],
    staleApprovals: 'every_change',
    steps: [{ key: 'model_risk', name: 'Model risk management', role: 'model_risk', approvalsRequired: 1, dueHours: 120, sections: all }],
  },
];

/** The newest template for a tier, preferring one written for the package's business line (compared by key: 0164). */
export function selectTemplate(templates: readonly WorkflowTemplate[], riskTier: number, businessLine: string): WorkflowTemplate | undefined {
  const newest = new Map<string, WorkflowTemplate>();
  for (const t of templates) {
    const seen = newest.get(t.key);
    if (!seen || t.version > seen.version) newest.set(t.key, t);
  }
  const fits = [...newest.values()].filter((t) => t.riskTiers.includes(riskTier));
  return fits.find((t) => namesBusinessLine(t.businessLines, businessLine)) ?? fits.find((t) => !t.businessLines);
}
