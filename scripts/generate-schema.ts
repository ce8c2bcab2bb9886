// Writes the published JSON Schemas (package content, approval record), generated from the
// zod contracts. Unit tests fail when a committed file differs from what this would write.
import { writeFileSync, mkdirSync } from 'node:fs';
import { packageContentJsonSchema, packageContentSchemaPath } from '#domain/contracts/package-content-json-schema.ts';
import { approvalRecordJsonSchema, approvalRecordSchemaPath } from '#domain/contracts/record-json-schema.ts';

mkdirSync('public/schemas', { recursive: true });
for (const [path, schema] of [
  [packageContentSchemaPath, packageContentJsonSchema()],
  [approvalRecordSchemaPath, approvalRecordJsonSchema()],
] as const) {
  writeFileSync(`public${path}`, JSON.stringify(schema, null, 2) + '\n');
  console.log(`Wrote public${path}`);
}
