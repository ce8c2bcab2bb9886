import { z } from 'zod';

/**
 * The catalogue changes every package is judged by, each of which a second administrator
 * approves once two administrators exist (docs/decisions/0182): a policy version, a workflow
 * template version, a tiering method version, a revalidation schedule version, and adding or
 * retiring a business line.
 */
export const catalogueChangeKindSchema = z.enum(['publish_policy', 'publish_template', 'publish_tiering_method', 'publish_revalidation_schedule', 'add_business_line', 'retire_business_line']);
export type CatalogueChangeKind = z.infer<typeof catalogueChangeKindSchema>;
