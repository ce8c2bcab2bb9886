import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryError } from '#api/kernel/registry-port.ts';
import { startMlflowRegistryServer, type MlflowRegistryServer } from '#tests/support/mlflow-registry-server.ts';
import { mlflowClient } from './mlflow-client.ts';

// The MLflow connector over real HTTP, against the registry test double on localhost.

let server: MlflowRegistryServer;
beforeEach(async () => {
  server = await startMlflowRegistryServer({ token: 'dapi-test-token' });
  server.addModelVersion('Credit Risk', { version: '3', description: 'Gradient boosting, retrained on 2026 Q3', source: 'models:/m-abc', runId: 'run-1', userId: 'ana@example.com', tags: { owner: 'owner@example.com' } });
  server.addRun({
    runId: 'run-1',
    runName: 'train-2026-q3',
    metrics: [
      { key: 'auc', value: 0.83 },
      { key: 'recall', value: 0.71, step: 4 },
    ],
    params: [{ key: 'max_depth', value: '6' }],
    datasets: [{ name: 'loans-2026q3', digest: 'a1b2c3', sourceType: 's3', source: '{"uri": "s3://data/loans/2026q3.parquet"}', context: 'training' }],
  });
});
afterEach(() => server.close());

const client = () => mlflowClient({ baseUrl: server.url, token: 'dapi-test-token', timeoutMs: 2_000 });

async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RegistryError)) throw new Error(`Expected a RegistryError, got ${String(error)}`);
  return error;
}

describe('MLflow connector (REST API 2.0, over HTTP)', () => {
  it('reads a model version with its tags and aliases, sending name and version in the query', async () => {
    const version = await client().getModelVersion('Credit Risk', '3');
    expect(version).toEqual({
      name: 'Credit Risk',
      version: '3',
      description: 'Gradient boosting, retrained on 2026 Q3',
      source: 'models:/m-abc',
      runId: 'run-1',
      tags: { owner: 'owner@example.com' },
      aliases: [],
      status: 'READY',
      userId: 'ana@example.com',
      createdAt: new Date(1_764_900_000_000).toISOString(),
    });
    expect(server.requests.at(-1)).toEqual({ method: 'GET', path: '/api/2.0/mlflow/model-versions/get', fields: { name: 'Credit Risk', version: '3' } });
  });

  it('reads a run: metrics, params and the datasets with their context', async () => {
    const run = await client().getRun('run-1');
    expect(run.metrics).toEqual([
      { key: 'auc', value: 0.83, step: 0 },
      { key: 'recall', value: 0.71, step: 4 },
    ]);
    expect(run.params).toEqual({ max_depth: '6' });
    expect(run.datasets).toEqual([{ name: 'loans-2026q3', digest: 'a1b2c3', sourceType: 's3', source: '{"uri": "s3://data/loans/2026q3.parquet"}', context: 'training' }]);
  });

  it('searches versions by name', async () => {
    const found = await client().searchModelVersions("name='Credit Risk'");
    expect(found.map((v) => v.version)).toEqual(['3']);
    expect(await client().searchModelVersions("name='Nothing'")).toEqual([]);
  });

  it('sets and deletes tags and moves an alias, with the fields MLflow expects in the JSON body', async () => {
    const registry = client();
    await registry.setModelVersionTag('Credit Risk', '3', 'approval_status', 'approved');
    await registry.setAlias('Credit Risk', 'champion', '3');
    expect(server.tagsOf('Credit Risk', '3')).toEqual({ owner: 'owner@example.com', approval_status: 'approved' });
    expect(server.aliasesOf('Credit Risk')).toEqual({ champion: '3' });
    expect((await registry.getModelVersion('Credit Risk', '3')).aliases).toEqual(['champion']);
    expect(server.requests.find((r) => r.path.endsWith('/set-tag'))).toEqual({ method: 'POST', path: '/api/2.0/mlflow/model-versions/set-tag', fields: { name: 'Credit Risk', version: '3', key: 'approval_status', value: 'approved' } });

    await registry.deleteModelVersionTag('Credit Risk', '3', 'approval_status');
    await registry.deleteAlias('Credit Risk', 'champion');
    expect(server.tagsOf('Credit Risk', '3')).toEqual({ owner: 'owner@example.com' });
    expect(server.aliasesOf('Credit Risk')).toEqual({});
    expect(server.requests.find((r) => r.method === 'DELETE' && r.path.endsWith('/alias'))?.fields).toEqual({ name: 'Credit Risk', alias: 'champion' });
  });

  it('maps RESOURCE_DOES_NOT_EXIST to not_found, with MLflow’s message', async () => {
    const error = await failure(client().getModelVersion('Credit Risk', '99'));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.code).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(error.message).toContain('Model Version (name=Credit Risk, version=99) not found');
    expect((await failure(client().getRun('no-such-run'))).kind).toBe('not_found');
  });

  it('a host without alias endpoints answers 404: unsupported, not not_found', async () => {
    server.options.aliases = false;
    const error = await failure(client().setAlias('Credit Risk', 'champion', '3'));
    expect(error.kind).toBe('unsupported');
    expect(error.status).toBe(404);
  });

  it('a registry answering 503, or not there at all, is unavailable (worth retrying)', async () => {
    server.options.down = true;
    const down = await failure(client().setModelVersionTag('Credit Risk', '3', 'approval_status', 'approved'));
    expect(down.kind).toBe('unavailable');
    expect(down.code).toBe('TEMPORARILY_UNAVAILABLE');
    const url = server.url;
    await server.close();
    const gone = await failure(mlflowClient({ baseUrl: url, timeoutMs: 1_000 }).getModelVersion('Credit Risk', '3'));
    expect(gone.kind).toBe('unavailable');
    server = await startMlflowRegistryServer();
  });

  it('a wrong token or a bad parameter is refused (retrying will not help)', async () => {
    const wrong = await failure(mlflowClient({ baseUrl: server.url, token: 'wrong' }).getModelVersion('Credit Risk', '3'));
    expect(wrong).toMatchObject({ kind: 'refused', status: 401, code: 'UNAUTHENTICATED' });
    const bad = await failure(client().searchModelVersions('tags.x LIKE 1'));
    expect(bad).toMatchObject({ kind: 'refused', status: 400, code: 'INVALID_PARAMETER_VALUE' });
  });
});
