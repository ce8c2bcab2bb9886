import { z } from 'zod';
import { RegistryError, type MlflowRegistry, type RegistryModelVersion, type RegistryRun } from '#api/kernel/registry-port.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The MLflow model registry over its REST API 2.0, as MLflow 3.x serves it (model_registry.proto
// and service.proto; the JSON form of the protobuf messages, snake_case, int64 times as numbers,
// empty lists omitted). The same paths are served by Databricks workspaces and Azure ML.
//   GET    /api/2.0/mlflow/model-versions/get?name=&version=       -> { model_version }
//   GET    /api/2.0/mlflow/model-versions/search?filter=&max_results= -> { model_versions, next_page_token }
//   POST   /api/2.0/mlflow/model-versions/set-tag    { name, version, key, value } -> {}
//   DELETE /api/2.0/mlflow/model-versions/delete-tag { name, version, key }        -> {}
//   POST   /api/2.0/mlflow/registered-models/alias   { name, alias, version }      -> {}
//   DELETE /api/2.0/mlflow/registered-models/alias   { name, alias }               -> {}
//   GET    /api/2.0/mlflow/runs/get?run_id=                          -> { run: { info, data, inputs } }
// Errors: { error_code, message } with RESOURCE_DOES_NOT_EXIST on 404. A DELETE carries its
// fields both as JSON (open-source MLflow reads the body) and in the query (Databricks reads it).

const tagsSchema = z.array(z.object({ key: z.string(), value: z.string().optional() })).optional();

const modelVersionSchema = z.object({
  name: z.string(),
  version: z.union([z.string(), z.number()]).transform(String),
  creation_timestamp: z.union([z.number(), z.string()]).optional(),
  user_id: z.string().optional(),
  description: z.string().optional(),
  source: z.string().optional(),
  run_id: z.string().optional(),
  status: z.string().optional(),
  tags: tagsSchema,
  aliases: z.array(z.string()).optional(),
});

const runSchema = z.object({
  info: z.object({ run_id: z.string().optional(), run_uuid: z.string().optional(), run_name: z.string().optional() }),
  data: z
    .object({
      metrics: z.array(z.object({ key: z.string(), value: z.number(), step: z.union([z.number(), z.string()]).optional() })).optional(),
      params: tagsSchema,
      tags: tagsSchema,
    })
    .optional(),
  inputs: z
    .object({
      dataset_inputs: z
        .array(
          z.object({
            tags: tagsSchema,
            dataset: z.object({ name: z.string(), digest: z.string(), source_type: z.string().optional(), source: z.string().optional() }),
          }),
        )
        .optional(),
    })
    .optional(),
});

const errorSchema = z.object({ error_code: z.string(), message: z.string().optional() });

const tagMap = (tags: z.infer<typeof tagsSchema>): Record<string, string> => Object.fromEntries((tags ?? []).map((t) => [t.key, t.value ?? '']));

function toModelVersion(m: z.infer<typeof modelVersionSchema>): RegistryModelVersion {
  const created = m.creation_timestamp === undefined ? null : Number(m.creation_timestamp);
  return {
    name: m.name,
    version: m.version,
    description: m.description || null,
    source: m.source || null,
    runId: m.run_id || null,
    tags: tagMap(m.tags),
    aliases: m.aliases ?? [],
    status: m.status ?? null,
    userId: m.user_id || null,
    createdAt: created !== null && Number.isFinite(created) ? new Date(created).toISOString() : null,
  };
}

function toRun(r: z.infer<typeof runSchema>): RegistryRun {
  return {
    id: r.info.run_id ?? r.info.run_uuid ?? '',
    name: r.info.run_name ?? null,
    metrics: (r.data?.metrics ?? []).map((m) => ({ key: m.key, value: m.value, step: Number(m.step ?? 0) })),
    params: tagMap(r.data?.params),
    tags: tagMap(r.data?.tags),
    datasets: (r.inputs?.dataset_inputs ?? []).map((input) => ({
      name: input.dataset.name,
      digest: input.dataset.digest,
      sourceType: input.dataset.source_type ?? '',
      source: input.dataset.source ?? '',
      context: tagMap(input.tags)['mlflow.data.context'] ?? null,
    })),
  };
}

export interface MlflowClientOptions {
  /** The tracking server's base URL, e.g. https://mlflow.example.com or a Databricks workspace URL. */
  baseUrl: string;
  /** Sent as Authorization: Bearer (a Databricks or Azure token, or MLflow auth); none when absent. */
  token?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function mlflowClient(options: MlflowClientOptions): MlflowRegistry {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const send = options.fetch ?? fetch;

  async function call(method: 'GET' | 'POST' | 'DELETE', path: string, fields: Record<string, string | number>): Promise<unknown> {
    const url = new URL(`${base}/api/2.0/mlflow/${path}`);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (method !== 'POST') for (const [key, value] of Object.entries(fields)) url.searchParams.set(key, String(value));
    if (method !== 'GET') {
      body = JSON.stringify(fields);
      headers['content-type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await send(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new RegistryError('unavailable', timedOut ? `MLflow did not answer ${method} ${path} within ${timeoutMs} ms` : `MLflow could not be reached for ${method} ${path}`);
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? {} : parseJson(text);
    } catch {
      parsed = null;
    }
    if (response.ok) {
      if (parsed === null) throw new RegistryError('unavailable', `MLflow answered ${method} ${path} with something that is not JSON`, { status: response.status });
      return parsed;
    }
    const error = errorSchema.safeParse(parsed);
    const code = error.success ? error.data.error_code : null;
    const message = `MLflow answered ${response.status}${code ? ` ${code}` : ''} to ${method} ${path}${error.success && error.data.message ? `: ${error.data.message}` : ''}`;
    if (code === 'RESOURCE_DOES_NOT_EXIST') throw new RegistryError('not_found', message, { status: response.status, code });
    if (response.status === 404) throw new RegistryError('unsupported', message, { status: 404, code });
    if (response.status === 429 || response.status >= 500 || code === 'TEMPORARILY_UNAVAILABLE' || code === 'REQUEST_LIMIT_EXCEEDED') {
      throw new RegistryError('unavailable', message, { status: response.status, code });
    }
    throw new RegistryError('refused', message, { status: response.status, code });
  }

  function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
    const result = schema.safeParse(value);
    if (!result.success) throw new RegistryError('unavailable', `MLflow's ${what} answer is not in the expected shape`);
    return result.data;
  }

  return {
    async getModelVersion(name, version) {
      const answer = parse(z.object({ model_version: modelVersionSchema }), await call('GET', 'model-versions/get', { name, version }), 'model-versions/get');
      return toModelVersion(answer.model_version);
    },
    async searchModelVersions(filter, maxResults = 100) {
      const answer = parse(z.object({ model_versions: z.array(modelVersionSchema).optional() }), await call('GET', 'model-versions/search', { filter, max_results: maxResults }), 'model-versions/search');
      return (answer.model_versions ?? []).map(toModelVersion);
    },
    async getRun(runId) {
      const answer = parse(z.object({ run: runSchema }), await call('GET', 'runs/get', { run_id: runId }), 'runs/get');
      return toRun(answer.run);
    },
    async setModelVersionTag(name, version, key, value) {
      await call('POST', 'model-versions/set-tag', { name, version, key, value });
    },
    async deleteModelVersionTag(name, version, key) {
      await call('DELETE', 'model-versions/delete-tag', { name, version, key });
    },
    async setAlias(name, alias, version) {
      await call('POST', 'registered-models/alias', { name, alias, version });
    },
    async deleteAlias(name, alias) {
      await call('DELETE', 'registered-models/alias', { name, alias });
    },
  };
}
