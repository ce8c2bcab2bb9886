import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A test double of an MLflow tracking server's model registry (MLflow cannot run here): the
// REST API 2.0 endpoints the connector uses, with the request and response shapes of MLflow
// 3.x's model_registry.proto and service.proto in their JSON form (snake_case, int64 times as
// numbers, empty lists omitted), and its errors: { error_code, message } with HTTP 404 for
// RESOURCE_DOES_NOT_EXIST and 400 for INVALID_PARAMETER_VALUE. Like open-source MLflow it reads
// a GET's fields from the query and a POST's or DELETE's from the JSON body.
// Modes: `aliases: false` is a host without alias endpoints (404 ENDPOINT_NOT_FOUND, as older
// servers and some hosted ones answer); `down` answers 503 to everything; a token, when set,
// is required as Authorization: Bearer.

export interface MlflowTag {
  key: string;
  value: string;
}

export interface MlflowModelVersionState {
  version: string;
  description?: string;
  source?: string;
  runId?: string;
  userId?: string;
  tags: Map<string, string>;
  createdAt: number;
}

export interface MlflowRunState {
  runId: string;
  runName?: string;
  metrics: { key: string; value: number; step?: number }[];
  params?: MlflowTag[];
  tags?: MlflowTag[];
  datasets?: { name: string; digest: string; sourceType: string; source: string; context?: string }[];
}

export interface MlflowRegistryServer {
  url: string;
  /** Every request received, in order: method, path, and the fields it carried. */
  requests: { method: string; path: string; fields: Record<string, unknown> }[];
  options: { aliases: boolean; down: boolean; token: string | null };
  addModelVersion(name: string, version: Omit<MlflowModelVersionState, 'tags' | 'createdAt'> & { tags?: Record<string, string>; createdAt?: number }): void;
  addRun(run: MlflowRunState): void;
  tagsOf(name: string, version: string): Record<string, string>;
  aliasesOf(name: string): Record<string, string>;
  close(): Promise<void>;
}

class MlflowError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const notFound = (message: string) => new MlflowError(404, 'RESOURCE_DOES_NOT_EXIST', message);
const invalid = (message: string) => new MlflowError(400, 'INVALID_PARAMETER_VALUE', message);

function required(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '') throw invalid(`Missing value for required parameter '${name}'.`);
  return value;
}

async function readFields(request: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  if (request.method === 'GET') return Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new MlflowError(400, 'MALFORMED_REQUEST', 'Malformed JSON in the request body.');
  }
}

export async function startMlflowRegistryServer(options: { aliases?: boolean; token?: string } = {}): Promise<MlflowRegistryServer> {
  const models = new Map<string, { aliases: Map<string, string>; versions: Map<string, MlflowModelVersionState> }>();
  const runs = new Map<string, MlflowRunState>();
  const state: MlflowRegistryServer['options'] = { aliases: options.aliases ?? true, down: false, token: options.token ?? null };
  const requests: MlflowRegistryServer['requests'] = [];

  function versionOf(name: string, version: string): MlflowModelVersionState {
    const model = models.get(name);
    if (!model) throw notFound(`Registered Model with name=${name} not found`);
    const found = model.versions.get(version);
    if (!found) throw notFound(`Model Version (name=${name}, version=${version}) not found`);
    return found;
  }

  function modelVersionJson(name: string, v: MlflowModelVersionState): Record<string, unknown> {
    const aliases = [...(models.get(name)?.aliases ?? new Map<string, string>())].filter(([, version]) => version === v.version).map(([alias]) => alias);
    const tags = [...v.tags].map(([key, value]) => ({ key, value }));
    return {
      name,
      version: v.version,
      creation_timestamp: v.createdAt,
      last_updated_timestamp: v.createdAt,
      ...(v.userId ? { user_id: v.userId } : {}),
      current_stage: 'None',
      ...(v.description ? { description: v.description } : {}),
      ...(v.source ? { source: v.source } : {}),
      ...(v.runId ? { run_id: v.runId } : {}),
      status: 'READY',
      ...(tags.length > 0 ? { tags } : {}),
      ...(state.aliases && aliases.length > 0 ? { aliases } : {}),
    };
  }

  function runJson(run: MlflowRunState): Record<string, unknown> {
    return {
      info: { run_id: run.runId, run_uuid: run.runId, ...(run.runName ? { run_name: run.runName } : {}), experiment_id: '0', status: 'FINISHED', lifecycle_stage: 'active' },
      data: {
        metrics: run.metrics.map((m) => ({ key: m.key, value: m.value, timestamp: 1_700_000_000_000, step: m.step ?? 0 })),
        ...(run.params?.length ? { params: run.params } : {}),
        ...(run.tags?.length ? { tags: run.tags } : {}),
      },
      inputs: {
        dataset_inputs: (run.datasets ?? []).map((d) => ({
          ...(d.context ? { tags: [{ key: 'mlflow.data.context', value: d.context }] } : {}),
          dataset: { name: d.name, digest: d.digest, source_type: d.sourceType, source: d.source },
        })),
      },
    };
  }

  function route(method: string, path: string, fields: Record<string, unknown>): Record<string, unknown> {
    const endpoint = `${method} ${path}`;
    const aliasEndpoint = path === '/api/2.0/mlflow/registered-models/alias';
    if (aliasEndpoint && !state.aliases) throw new MlflowError(404, 'ENDPOINT_NOT_FOUND', `No API route ${path}`);
    switch (endpoint) {
      case 'GET /api/2.0/mlflow/model-versions/get': {
        const name = required(fields, 'name');
        return { model_version: modelVersionJson(name, versionOf(name, required(fields, 'version'))) };
      }
      case 'GET /api/2.0/mlflow/model-versions/search': {
        const filter = typeof fields.filter === 'string' ? fields.filter : '';
        const byName = /^name\s*=\s*'([^']*)'$/.exec(filter.trim());
        if (filter !== '' && !byName) throw invalid(`Invalid filter '${filter}'`);
        const names = byName ? [byName[1] ?? ''] : [...models.keys()];
        const found = names.flatMap((name) => [...(models.get(name)?.versions.values() ?? [])].map((v) => modelVersionJson(name, v)));
        return found.length > 0 ? { model_versions: found } : {};
      }
      case 'POST /api/2.0/mlflow/model-versions/set-tag': {
        const v = versionOf(required(fields, 'name'), required(fields, 'version'));
        v.tags.set(required(fields, 'key'), typeof fields.value === 'string' ? fields.value : '');
        return {};
      }
      case 'DELETE /api/2.0/mlflow/model-versions/delete-tag': {
        const name = required(fields, 'name');
        const version = required(fields, 'version');
        const key = required(fields, 'key');
        const v = versionOf(name, version);
        if (!v.tags.delete(key)) throw notFound(`No tag with name: ${key} for model ${name} version ${version}`);
        return {};
      }
      case 'POST /api/2.0/mlflow/registered-models/alias': {
        const name = required(fields, 'name');
        const version = required(fields, 'version');
        versionOf(name, version);
        models.get(name)?.aliases.set(required(fields, 'alias'), version);
        return {};
      }
      case 'DELETE /api/2.0/mlflow/registered-models/alias': {
        const name = required(fields, 'name');
        const model = models.get(name);
        if (!model) throw notFound(`Registered Model with name=${name} not found`);
        // MLflow deletes an alias that is not there without complaint.
        model.aliases.delete(required(fields, 'alias'));
        return {};
      }
      case 'GET /api/2.0/mlflow/runs/get': {
        const runId = required(fields, 'run_id');
        const run = runs.get(runId);
        if (!run) throw notFound(`Run with id=${runId} not found`);
        return { run: runJson(run) };
      }
      default:
        throw new MlflowError(404, 'ENDPOINT_NOT_FOUND', `No API route ${endpoint}`);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    try {
      const fields = await readFields(request, url);
      requests.push({ method: request.method ?? '', path: url.pathname, fields });
      if (state.down) throw new MlflowError(503, 'TEMPORARILY_UNAVAILABLE', 'The server is temporarily unavailable.');
      if (state.token !== null && request.headers.authorization !== `Bearer ${state.token}`) throw new MlflowError(401, 'UNAUTHENTICATED', 'Credentials are required.');
      answer(200, route(request.method ?? '', url.pathname, fields));
    } catch (error) {
      if (error instanceof MlflowError) answer(error.status, { error_code: error.code, message: error.message });
      else answer(500, { error_code: 'INTERNAL_ERROR', message: String(error) });
    }
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    options: state,
    addModelVersion(name, version) {
      const model = models.get(name) ?? { aliases: new Map<string, string>(), versions: new Map<string, MlflowModelVersionState>() };
      models.set(name, model);
      model.versions.set(version.version, { ...version, tags: new Map(Object.entries(version.tags ?? {})), createdAt: version.createdAt ?? 1_764_900_000_000 });
    },
    addRun(run) {
      runs.set(run.runId, run);
    },
    tagsOf(name, version) {
      return Object.fromEntries(versionOf(name, version).tags);
    },
    aliasesOf(name) {
      return Object.fromEntries(models.get(name)?.aliases ?? []);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
