// Writes the published JSON Schema of package content, generated from the zod contract.
// A unit test fails when the committed file differs from what this would write.
import { writeFileSync, mkdirSync } from 'node:fs';
import { packageContentJsonSchema, packageContentSchemaPath } from '../domain/contracts/package-content-json-schema.ts';

mkdirSync('public/schemas', { recursive: true });
writeFileSync(`public${packageContentSchemaPath}`, JSON.stringify(packageContentJsonSchema(), null, 2) + '\n');
console.log(`Wrote public${packageContentSchemaPath}`);
