import { describe, expect, it } from 'vitest';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { registryConnectorsFrom } from './connectors.ts';

describe('registry connectors from the configuration', () => {
  it('none unless REGISTRY_MLFLOW_URL is set', () => {
    expect(registryConnectorsFrom({ REGISTRY_MLFLOW_ID: 'mlflow' }).list()).toEqual([]);
  });

  it('an MLflow registry with its secrets from files, never from the database', () => {
    const files: Record<string, string> = { '/run/secrets/mlflow-token': 'dapi-123\n', '/run/secrets/mlflow-hook': 'a-long-webhook-secret\n' };
    const settings = { REGISTRY_MLFLOW_ID: 'mlflow', REGISTRY_MLFLOW_URL: 'https://mlflow.example.com', REGISTRY_MLFLOW_TOKEN_FILE: '/run/secrets/mlflow-token', REGISTRY_MLFLOW_WEBHOOK_SECRET_FILE: '/run/secrets/mlflow-hook', REGISTRY_MLFLOW_ALIAS: 'champion' };
    const [connector] = registryConnectorsFrom(settings, (path) => files[path] ?? '').list();
    expect(connector).toMatchObject({ id: 'mlflow', kind: 'mlflow', url: 'https://mlflow.example.com', webhookSecret: 'a-long-webhook-secret', alias: 'champion', defaultOwnerEmail: null });
  });

  it('refuses an empty secrets file', () => {
    expect(() => registryConnectorsFrom({ REGISTRY_MLFLOW_ID: 'mlflow', REGISTRY_MLFLOW_URL: 'https://mlflow.example.com', REGISTRY_MLFLOW_WEBHOOK_SECRET_FILE: '/empty' }, () => '\n')).toThrow(/empty/);
  });

  it('a SageMaker registry: its event secret from a file, the polled groups, the client for its region and endpoint', () => {
    const made: [string, string | undefined][] = [];
    const settings = { REGISTRY_MLFLOW_ID: 'mlflow', REGISTRY_SAGEMAKER_ID: 'sagemaker', REGISTRY_SAGEMAKER_REGION: 'eu-west-1', REGISTRY_SAGEMAKER_ENDPOINT: 'https://vpce.example', REGISTRY_SAGEMAKER_EVENT_SECRET_FILE: '/run/secrets/eb', REGISTRY_SAGEMAKER_GROUPS: 'card-fraud, credit-risk' };
    const [connector] = registryConnectorsFrom(
      settings,
      () => 'an-eventbridge-secret\n',
      (region, endpoint) => {
        made.push([region, endpoint]);
        return new SageMakerClient({ region });
      },
    ).list();
    expect(connector).toMatchObject({ id: 'sagemaker', kind: 'sagemaker', url: 'eu-west-1 (https://vpce.example)', eventSecret: 'an-eventbridge-secret', groups: ['card-fraud', 'credit-risk'], defaultOwnerEmail: null });
    expect(made).toEqual([['eu-west-1', 'https://vpce.example']]);
    expect(() => registryConnectorsFrom({ REGISTRY_MLFLOW_ID: 'mlflow', REGISTRY_SAGEMAKER_REGION: 'eu-west-1' })).toThrow(/event secret/);
  });
});
