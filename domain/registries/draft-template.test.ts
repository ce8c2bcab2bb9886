import { describe, expect, it } from 'vitest';
import { packageContentSchema } from '../contracts/package-content.ts';
import { draftTemplate, itemKeyOf, modelKeyOf } from './draft-template.ts';
import type { RegistryModelVersion, RegistryRun } from './registry-facts.ts';

const version: RegistryModelVersion = {
  name: 'Credit Risk / EU',
  version: '7',
  description: 'Retrained on 2026 Q3 applications.',
  source: 'models:/m-abc',
  runId: 'run-1',
  tags: { owner_team: 'Credit ML', risk_tier: '2', business_line: 'Consumer lending' },
  aliases: [],
  status: 'READY',
  userId: null,
  createdAt: null,
};

const run: RegistryRun = {
  id: 'run-1',
  name: null,
  metrics: [
    { key: 'AUC', value: 0.83, step: 0 },
    { key: 'auc', value: 0.82, step: 1 },
  ],
  params: {},
  tags: {},
  datasets: [
    { name: 'loans 2026q3', digest: 'd1', sourceType: 's3', source: 's3://data/train.parquet', context: 'training' },
    { name: 'loans holdout', digest: 'd2', sourceType: 's3', source: 's3://data/holdout.parquet', context: 'evaluation' },
  ],
};

describe('a draft package from a registry version', () => {
  it('fills identification from the version and its tags, metrics and lineage from the run', () => {
    const template = draftTemplate(version, run, 'owner@example.com');
    const [identification, , , lineage, evaluation] = template.sections;
    expect(identification).toMatchObject({ modelKey: 'credit-risk-eu', modelName: 'Credit Risk / EU', versionLabel: '7', ownerTeam: 'Credit ML', ownerContact: 'owner@example.com', riskTier: 2, businessLine: 'Consumer lending', changeSummary: 'Retrained on 2026 Q3 applications.' });
    expect(lineage).toMatchObject({ datasets: [{ key: 'loans-2026q3', version: 'd1', location: 's3://data/train.parquet', authorization: '' }, { key: 'loans-holdout' }], notes: 'Model artifacts: models:/m-abc' });
    expect(evaluation).toMatchObject({ dataset: { name: 'loans holdout', version: 'd2', rows: null } });
    // Two metrics whose names make the same key stay apart; thresholds are the organisation's, never the registry's.
    expect((evaluation as { metrics: { key: string; threshold: unknown }[] }).metrics).toEqual([
      expect.objectContaining({ key: 'auc', name: 'AUC', value: 0.83, threshold: null }),
      expect.objectContaining({ key: 'auc-2', name: 'auc', value: 0.82, threshold: null }),
    ]);
  });

  it('has every required section in order, and is not a valid package until the owner completes it', () => {
    const template = draftTemplate(version, null, null);
    expect(template.sections.map((s) => s.key)).toEqual(['identification', 'intended_use', 'design_methodology', 'training_data', 'evaluation', 'subgroup_fairness', 'limitations_risks', 'human_oversight', 'validation_findings', 'regulatory_references', 'security_controls']);
    expect(packageContentSchema.safeParse(template).success).toBe(false);
  });

  it('makes valid keys from any registry name, and takes a valid model_key tag as it is', () => {
    expect(itemKeyOf('  Fraud Model (v2) ')).toBe('fraud-model-v2');
    expect(itemKeyOf('***')).toBe('item');
    expect(itemKeyOf('x'.repeat(100))).toHaveLength(64);
    expect(modelKeyOf({ ...version, tags: { model_key: 'credit-risk' } })).toBe('credit-risk');
    expect(modelKeyOf({ ...version, tags: { model_key: 'Not A Key' } })).toBe('credit-risk-eu');
    expect(draftTemplate({ ...version, tags: { risk_tier: '9' } }, null, null).sections[0]).toMatchObject({ riskTier: null, ownerTeam: '' });
  });
});
