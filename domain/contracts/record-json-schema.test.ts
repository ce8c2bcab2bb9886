import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approvalRecordJsonSchema, approvalRecordSchemaPath } from './record-json-schema.ts';
import { approvalRecordSchemaId } from './record.ts';

describe('published approval record JSON Schema', () => {
  it('is up to date with the zod contract (run `npm run schema` after changing it)', () => {
    const published = JSON.parse(readFileSync(`public${approvalRecordSchemaPath}`, 'utf8')) as unknown;
    expect(published).toEqual(approvalRecordJsonSchema());
  });

  it('is published where its $id says, and refuses members it does not name', () => {
    const schema = approvalRecordJsonSchema();
    expect(schema.$id).toBe(approvalRecordSchemaId);
    expect(approvalRecordSchemaPath).toBe('/schemas/approval-record-1.schema.json');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['signature', 'versions', 'decisions', 'audit', 'serverKeys']));
    const properties = schema.properties as Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }>;
    expect(properties.signature?.additionalProperties).toBe(false);
    expect(Object.keys(properties.audit?.properties ?? {})).toEqual(['entries', 'proofs', 'treeHead', 'checkpoint', 'tlogProofs']);
  });
});
