import { z } from 'zod';
import { packageContentSchema, packageSchemaVersion, requiredSections } from './package-content.ts';

/** Where the schema is published, beside the app: /schemas/model-approval-package-1.schema.json */
export const packageContentSchemaPath = '/schemas/model-approval-package-1.schema.json';

/**
 * The JSON Schema (2020-12) of package content, for pipelines and GRC tools. Rules that
 * JSON Schema cannot say (unique section keys, the fixed order of required sections) are
 * stated in the description and enforced by the API.
 */
export function packageContentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(packageContentSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://model-approval.example${packageContentSchemaPath}`,
    title: `Model approval package (${packageSchemaVersion})`,
    description: `Content of one version of a model approval package. Sections must have unique keys and must begin with these, in this order: ${requiredSections.map((s) => `${s.key} (${s.kind})`).join(', ')}.`,
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
