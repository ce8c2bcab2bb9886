import { describe, expect, it } from 'vitest';
import { sageMakerArnOf, sageMakerFacts, sageMakerGroupOf, sageMakerKeyOf } from './sagemaker-facts.ts';
import type { SageMakerModelPackage } from './registry-facts.ts';

const arn = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/card-fraud/12';

const pkg: SageMakerModelPackage = {
  arn,
  groupName: 'card-fraud',
  version: 12,
  approvalStatus: 'PendingManualApproval',
  description: null,
  customerMetadata: { model_key: 'card-fraud-detection' },
  createdAt: '2026-12-05T07:00:00.000Z',
  createdBy: 'ana',
  modelDataUrl: 's3://m/12/model.tar.gz',
  metricReports: [{ kind: 'Explainability.Report', s3Uri: 's3://m/12/shap.json' }],
  modelCardContent: JSON.stringify({
    model_overview: { model_description: 'From the card.' },
    business_details: { line_of_business: 'Cards' },
    evaluation_details: [{ metric_groups: [{ metric_data: [{ name: 'auc', type: 'number', value: 0.9 }, { name: 'f1', type: 'number', value: '0.7' }, { name: 'curve', type: 'linear_graph', value: [1, 2] }] }] }],
  }),
};

describe('SageMaker model packages as registry facts', () => {
  it('keys a versioned ARN by its versionless part and version, and rebuilds it', () => {
    expect(sageMakerKeyOf(arn)).toEqual({ registryModel: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/card-fraud', registryVersion: '12' });
    expect(sageMakerArnOf('arn:aws:sagemaker:eu-west-1:123456789012:model-package/card-fraud', '12')).toBe(arn);
    expect(sageMakerGroupOf('arn:aws:sagemaker:eu-west-1:123456789012:model-package/card-fraud')).toBe('card-fraud');
    for (const bad of ['arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/card-fraud', 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/card-fraud', 'arn:aws:s3:::bucket/x/1', `${arn}/extra`]) expect(sageMakerKeyOf(bad)).toBeNull();
  });

  it('reads the model card: description, numeric metrics only, line of business; tags from customer metadata', () => {
    const { modelVersion, run } = sageMakerFacts(pkg);
    expect(modelVersion).toMatchObject({ name: 'card-fraud', version: '12', description: 'From the card.', source: 's3://m/12/model.tar.gz', tags: { model_key: 'card-fraud-detection', business_line: 'Cards' }, status: 'PendingManualApproval', userId: 'ana' });
    expect(run.metrics).toEqual([
      { key: 'auc', value: 0.9, step: 0 },
      { key: 'f1', value: 0.7, step: 0 },
    ]);
    expect(run.notes).toEqual(['SageMaker ModelMetrics Explainability.Report: s3://m/12/shap.json']);
    expect(run.origin).toBe('the SageMaker model card of card-fraud version 12');
  });

  it('a card that is not JSON, or none, pre-fills nothing from it', () => {
    for (const modelCardContent of ['{not json', null]) {
      const { modelVersion, run } = sageMakerFacts({ ...pkg, modelCardContent });
      expect(modelVersion.description).toBeNull();
      expect(run.metrics).toEqual([]);
      expect(run.narratives).toBeUndefined();
    }
  });
});
