import { describe, expect, it } from 'vitest';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { retailCreditPdV1 } from '#demo/retail-credit-pd.ts';
import type { StoredVersion } from '../store/store.ts';
import { modelTypeRequiredProblems, sameModelFilingProblems, unchangedModelTypeProblems } from './model-type-check.ts';

// The model type is stated at the first version and kept (docs/decisions/0168); a package filed
// before types were required (no type in its stored, signed content) keeps having none. Checked
// against the latest version (0174): a legacy package may have changed type between versions.

function versionWith(number: number, modelType: string | undefined): StoredVersion {
  const content = structuredClone(retailCreditPdV1);
  const id = content.sections[0];
  if (id?.kind !== 'identification') throw new Error('identification first');
  if (modelType === undefined) delete id.modelType;
  else Object.assign(id, { modelType });
  return { packageId: 'pkg', number, contentHash: 'h', sectionDigests: {}, submittedBy: 'usr', submittedAt: '2026-01-01T00:00:00.000Z', canonicalContent: canonicalize(content) };
}

/** A package `pkg` of model `m` whose versions state these types, in order. */
function versionsOf(...types: (string | undefined)[]) {
  const versions = types.map((type, i) => versionWith(i + 1, type));
  return {
    findVersion: (_id: string, n: number) => Promise.resolve(versions.find((v) => v.number === n) ?? null),
    listVersionFacts: () => Promise.resolve(versions),
    findLatestPackageOfModel: () => Promise.resolve({ id: 'pkg', modelKey: 'm', modelName: 'M', versionLabel: '1.0.0', riskTier: 2, businessLine: 'Consumer lending', ownerTeam: 't', ownerId: 'usr', templateKey: 'k', templateVersion: 1, createdAt: '', updatedAt: '' }),
  };
}

const firstVersion = (modelType: string | undefined) => versionsOf(modelType);

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

describe('a package filed before the rule, whose type changed between versions', () => {
  // Version 1 states no type; version 2 (before 0168) states "generative", which chooses its policy now.
  const tx = versionsOf(undefined, 'generative');

  it('keeps its latest version\'s type at a resubmission, not its first version\'s', async () => {
    expect(await unchangedModelTypeProblems(tx, 'pkg', 'generative', '/content')).toEqual([]);
    expect(await unchangedModelTypeProblems(tx, 'pkg', undefined, '/content')).toEqual([expect.objectContaining({ pointer: '/content/sections/0/modelType', code: 'model_type_changed' })]);
  });

  it('keeps it for a new package of the same model', async () => {
    const filing = { businessLine: 'Consumer lending', modelType: 'binary_classification' as const };
    expect(await sameModelFilingProblems(tx, 'm', filing, '/content')).toEqual([expect.objectContaining({ pointer: '/content/sections/0/modelType', code: 'model_type_changed' })]);
    expect(await sameModelFilingProblems(tx, 'm', { ...filing, modelType: 'generative' }, '/content')).toEqual([]);
  });
});
