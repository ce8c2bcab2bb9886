import type { Policy, PublishPolicyRequest } from '../contracts/policies.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import type { CreateTemplateRequest } from '../contracts/template-admin.ts';
import type { PublishTieringMethodRequest } from '../contracts/risk-assessment.ts';
import type { RevalidationMonths } from '../contracts/revalidation.ts';

// A proposed catalogue change beside the version it replaces, as weakenedControls compares them (docs/decisions/0192).

export type PolicyBody = Omit<PublishPolicyRequest, 'replacesVersion'>;
export type TemplateBody = Omit<CreateTemplateRequest, 'replacesVersion'>;
export type MethodBody = Omit<PublishTieringMethodRequest, 'replacesVersion'>;

/**
 * A proposed change beside the version it replaces (null: it replaces none), in the change's own
 * form. `catalogue`: every published version of every key, to find the packages the change moves
 * between keys (0192's amendment); absent, only the replaced version is compared.
 */
export type CatalogueComparison =
  | { kind: 'publish_policy'; current: PolicyBody | null; proposed: PolicyBody; catalogue?: readonly Policy[] }
  | { kind: 'publish_template'; current: TemplateBody | null; proposed: TemplateBody; catalogue?: readonly WorkflowTemplate[] }
  | { kind: 'publish_tiering_method'; current: MethodBody | null; proposed: MethodBody }
  | { kind: 'publish_revalidation_schedule'; current: { months: RevalidationMonths } | null; proposed: { months: RevalidationMonths } }
  | { kind: 'add_business_line' }
  /** `namedBy`: the current policies and templates whose scope names the line ("policy consumer-credit v1"). */
  | { kind: 'retire_business_line'; label: string; packages: number; namedBy: readonly string[] };

/** One loosened control: `field` points into the proposed change (or the current version, for something removed). */
export interface Weakening {
  field: string;
  message: string;
}

