import { readFileSync } from 'node:fs';
import { connectorsOf, type RegistryConnector, type RegistryConnectors } from '#api/kernel/registry-port.ts';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mlflowClient } from './mlflow-client.ts';
import { sageMakerRegistry } from './sagemaker-client.ts';

// The connected registries, from the configuration. Credentials (the registry token, the
// webhook secret) are read from the environment or from a file named there (a mounted secret),
// once at start; they are never written to the database, so a database dump leaks none.

function secret(value: string | undefined, file: string | undefined, readFile: (path: string) => string): string | null {
  if (value !== undefined) return value;
  if (file === undefined) return null;
  const text = readFile(file).trim();
  if (text === '') throw new Error(`The secrets file ${file} is empty`);
  return text;
}

/** The REGISTRY_* settings (server/config.ts), passed in: server/ composes registries/, not the other way round. */
export interface RegistrySettings {
  REGISTRY_MLFLOW_ID: string;
  REGISTRY_MLFLOW_URL?: string | undefined;
  REGISTRY_MLFLOW_TOKEN?: string | undefined;
  REGISTRY_MLFLOW_TOKEN_FILE?: string | undefined;
  REGISTRY_MLFLOW_WEBHOOK_SECRET?: string | undefined;
  REGISTRY_MLFLOW_WEBHOOK_SECRET_FILE?: string | undefined;
  REGISTRY_MLFLOW_ALIAS?: string | undefined;
  REGISTRY_MLFLOW_DEFAULT_OWNER?: string | undefined;
  REGISTRY_MLFLOW_POLL_MODELS?: string | undefined;
  REGISTRY_SAGEMAKER_ID?: string | undefined;
  REGISTRY_SAGEMAKER_REGION?: string | undefined;
  REGISTRY_SAGEMAKER_ENDPOINT?: string | undefined;
  REGISTRY_SAGEMAKER_EVENT_SECRET?: string | undefined;
  REGISTRY_SAGEMAKER_EVENT_SECRET_FILE?: string | undefined;
  REGISTRY_SAGEMAKER_GROUPS?: string | undefined;
  REGISTRY_SAGEMAKER_DEFAULT_OWNER?: string | undefined;
}

const listOf = (text: string | undefined): string[] => (text ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');

/** The SDK client for a region (and an endpoint other than AWS's own: a VPC endpoint, or a test double); credentials from the SDK's default chain. */
export type SageMakerClientFactory = (region: string, endpoint: string | undefined) => SageMakerClient;
const defaultSageMakerClient: SageMakerClientFactory = (region, endpoint) => new SageMakerClient({ region, ...(endpoint ? { endpoint } : {}), maxAttempts: 2 });

export function registryConnectorsFrom(config: RegistrySettings, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'), sageMakerClient: SageMakerClientFactory = defaultSageMakerClient): RegistryConnectors {
  const connectors: RegistryConnector[] = [];
  if (config.REGISTRY_MLFLOW_URL) {
    const webhookSecret = secret(config.REGISTRY_MLFLOW_WEBHOOK_SECRET, config.REGISTRY_MLFLOW_WEBHOOK_SECRET_FILE, readFile);
    if (!webhookSecret) throw new Error('REGISTRY_MLFLOW_URL is set without a webhook secret');
    connectors.push({
      id: config.REGISTRY_MLFLOW_ID,
      kind: 'mlflow',
      url: config.REGISTRY_MLFLOW_URL,
      registry: mlflowClient({ baseUrl: config.REGISTRY_MLFLOW_URL, token: secret(config.REGISTRY_MLFLOW_TOKEN, config.REGISTRY_MLFLOW_TOKEN_FILE, readFile) }),
      webhookSecret,
      alias: config.REGISTRY_MLFLOW_ALIAS ?? null,
      defaultOwnerEmail: config.REGISTRY_MLFLOW_DEFAULT_OWNER ?? null,
      pollModels: listOf(config.REGISTRY_MLFLOW_POLL_MODELS),
    });
  }
  if (config.REGISTRY_SAGEMAKER_REGION) {
    const eventSecret = secret(config.REGISTRY_SAGEMAKER_EVENT_SECRET, config.REGISTRY_SAGEMAKER_EVENT_SECRET_FILE, readFile);
    if (!eventSecret) throw new Error('REGISTRY_SAGEMAKER_REGION is set without an event secret');
    const region = config.REGISTRY_SAGEMAKER_REGION;
    const endpoint = config.REGISTRY_SAGEMAKER_ENDPOINT;
    connectors.push({
      id: config.REGISTRY_SAGEMAKER_ID ?? 'sagemaker',
      kind: 'sagemaker',
      url: endpoint ? `${region} (${endpoint})` : `AWS ${region}`,
      registry: sageMakerRegistry(sageMakerClient(region, endpoint)),
      eventSecret,
      groups: listOf(config.REGISTRY_SAGEMAKER_GROUPS),
      defaultOwnerEmail: config.REGISTRY_SAGEMAKER_DEFAULT_OWNER ?? null,
    });
  }
  return connectorsOf(connectors);
}
