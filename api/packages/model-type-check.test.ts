import { describe, expect, it } from 'vitest';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { retailCreditPdV1 } from '#demo/retail-credit-pd.ts';
import type { StoredVersion } from '../store/store.ts';
import { modelTypeRequiredProblems, unchangedModelTypeProblems } from './model-type-check.ts';

// The model type is stated at the first version and kept (docs/decisions/0168); a package filed
// before types were required (no type in its stored, signed content) keeps having none.

function firstVersion(modelType: string | undefined): { findVersion: () => Promise<StoredVersion> } {
  const content = structuredClone(retailCreditPdV1);
  const id = content.sections[0];
  if (id?.kind !== 'identification') throw new Error('identification first');
  if (modelType === undefined) delete id.modelType;
  else Object.assign(id, { modelType });
  const version: StoredVersion = { packageId: 'pkg', number: 1, contentHash: 'h', sectionDigests: {}, submittedBy: 'usr', submittedAt: '2026-01-01T00:00:00.000Z', canonicalContent: canonicalize(content) };
  return { findVersion: () => Promise.resolve(version) };
}

describe('the model type of a package', () => {
  it('is required of a new package', () => {
    expect(modelTypeRequiredProblems(undefined, '/content')).toEqual([expect.objectContaining({ pointer: '/content/sections/0/modelType', code: 'model_type_required' })]);
    expect(modelTypeRequiredProblems('ranking', '/content')).toEqual([]);
  });

  it('is kept by a new version: another type or none is refused', async () => {
    const tx = firstVersion('binary_classification');
    expect(await unchangedModelTypeProblems(tx, 'pkg', 'binary_classification', '/content')).toEqual([]);
    for (const changed of ['regression', undefined] as const) {
      expect(await unchangedModelTypeProblems(tx, 'pkg', changed, '/content')).toEqual([expect.objectContaining({ pointer: '/content/sections/0/modelType', code: 'model_type_changed' })]);
    }
  });

  it('stays absent for a package filed without one: adding a type later would move it to another policy', async () => {
    const tx = firstVersion(undefined);
    expect(await unchangedModelTypeProblems(tx, 'pkg', undefined, '/content')).toEqual([]);
    expect(await unchangedModelTypeProblems(tx, 'pkg', 'generative', '/content')).toEqual([expect.objectContaining({ code: 'model_type_changed' })]);
  });
});
