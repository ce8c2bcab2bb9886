import { z } from 'zod';
import { sectionSchema, type SectionKind } from './sections.ts';

export const packageSchemaVersion = 'model-approval-package/1' as const;

/**
 * The sections every package must have, in their fixed review order, with the kind each
 * must be (sources: EU AI Act Annex IV, SR 11-7, Model Cards). A package may add sections
 * of its own after these.
 */
export const requiredSections = [
  { key: 'identification', kind: 'identification', title: 'Identification' },
  { key: 'intended_use', kind: 'narrative', title: 'Intended use and deployment scope' },
  { key: 'design_methodology', kind: 'narrative', title: 'Design and methodology' },
  { key: 'training_data', kind: 'lineage', title: 'Training data provenance' },
  { key: 'evaluation', kind: 'metric_table', title: 'Evaluation against policy thresholds' },
  { key: 'subgroup_fairness', kind: 'subgroup_table', title: 'Subgroup fairness' },
  { key: 'limitations_risks', kind: 'risk_register', title: 'Known limitations, risks and mitigations' },
  { key: 'human_oversight', kind: 'narrative', title: 'Human oversight and monitoring' },
  { key: 'validation_findings', kind: 'narrative', title: 'Independent validation findings' },
  { key: 'regulatory_references', kind: 'references', title: 'Regulatory cross-references' },
  { key: 'security_controls', kind: 'narrative', title: 'Security and implementation controls' },
] as const satisfies readonly { key: string; kind: SectionKind; title: string }[];

export type RequiredSectionKey = (typeof requiredSections)[number]['key'];

export const packageContentSchema = z
  .object({
    schemaVersion: z.literal(packageSchemaVersion),
    sections: z.array(sectionSchema).max(500, 'A package has at most 500 sections'),
  })
  .superRefine((content, ctx) => {
    const seen = new Map<string, number>();
    content.sections.forEach((section, index) => {
      const first = seen.get(section.key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sections', index, 'key'], message: `Section key "${section.key}" is already used by section ${first}` });
      } else {
        seen.set(section.key, index);
      }
    });
    requiredSections.forEach((required, order) => {
      const index = seen.get(required.key);
      if (index === undefined) {
        ctx.addIssue({ code: 'custom', path: ['sections'], message: `Missing required section "${required.key}" (${required.title})` });
        return;
      }
      const section = content.sections[index];
      if (section && section.kind !== required.kind) {
        ctx.addIssue({ code: 'custom', path: ['sections', index, 'kind'], message: `Section "${required.key}" must be of kind "${required.kind}"` });
      }
      if (index !== order) {
        ctx.addIssue({ code: 'custom', path: ['sections', index], message: `Section "${required.key}" must be section ${order} in the fixed review order` });
      }
    });
  });
export type PackageContent = z.infer<typeof packageContentSchema>;

export function identificationOf(content: PackageContent) {
  const section = content.sections[0];
  if (section?.kind !== 'identification') throw new Error('A validated package starts with its identification section');
  return section;
}
