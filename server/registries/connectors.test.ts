import { describe, expect, it } from 'vitest';
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
});
