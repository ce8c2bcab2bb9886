import type { ConnectionTest } from '#domain/contracts/registries.ts';
import { RegistryError, type RegistryConnector } from '../kernel/registry-port.ts';

// "Test connection" on the administrators' page: one real read call with the configured
// credentials (MLflow model-versions/search for one version; SageMaker ListModelPackages for
// one package), timed, with what it answered or why it failed.

export async function testConnection(connector: RegistryConnector, now: () => Date): Promise<ConnectionTest> {
  const started = now();
  const at = started.toISOString();
  const elapsed = () => Math.max(0, now().getTime() - started.getTime());
  const call = connector.kind === 'mlflow' ? 'GET model-versions/search (max_results=1)' : `ListModelPackages (MaxResults=1${connector.groups[0] ? `, group ${connector.groups[0]}` : ''})`;
  try {
    let detail: string;
    if (connector.kind === 'mlflow') {
      const found = await connector.registry.searchModelVersions('', 1);
      detail = found[0] ? `Connected: the registry answered with ${found[0].name} version ${found[0].version}.` : 'Connected: the registry answered; it has no model versions yet.';
    } else {
      const found = await connector.registry.listModelPackages({ ...(connector.groups[0] ? { groupName: connector.groups[0] } : {}), maxResults: 1 });
      detail = found[0] ? `Connected: SageMaker answered with ${found[0].groupName ?? found[0].arn} version ${found[0].version ?? '?'}.` : 'Connected: SageMaker answered; no model packages listed yet.';
    }
    return { connector: connector.id, ok: true, call, detail, durationMs: elapsed(), at };
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    return { connector: connector.id, ok: false, call, detail: `${error.kind === 'unavailable' ? 'Unreachable' : error.kind === 'refused' ? 'Refused' : 'Failed'}: ${error.message}`, durationMs: elapsed(), at };
  }
}
