import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageContentJsonSchema, packageContentSchemaPath } from './package-content-json-schema.ts';

describe('published package JSON Schema', () => {
  it('is up to date with the zod contract (run `npm run schema` after changing it)', () => {
    const published = JSON.parse(readFileSync(`public${packageContentSchemaPath}`, 'utf8')) as unknown;
    expect(published).toEqual(packageContentJsonSchema());
  });

  it('describes every section kind', () => {
    const text = JSON.stringify(packageContentJsonSchema());
    for (const kind of ['identification', 'narrative', 'metric_table', 'subgroup_table', 'lineage', 'risk_register', 'references']) expect(text).toContain(`"${kind}"`);
  });
});
