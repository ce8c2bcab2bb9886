import { connectorParamsSchema, draftIdParamsSchema, packageRegistrySchema, registryDraftListSchema, registryDraftSchema, registryIntakeResultSchema, registryWebhookBodySchema } from '#domain/contracts/registries.ts';
import { packageIdParamsSchema } from '#domain/contracts/packages.ts';
import { route, kb } from '../kernel/route-def.ts';

// Model registries: the intake endpoint a registry calls (proven by its signature, not a
// session), the drafts it makes, and each package's write-backs.

export const registriesRoutes = {
  mlflowWebhook: route({
    id: 'mlflowWebhook',
    method: 'POST',
    path: '/api/registries/{connector}/mlflow/webhook',
    summary: 'MLflow webhook intake (X-MLflow-Signature HMAC): model_version.created becomes a draft package for the owner, once per version',
    access: { kind: 'public' },
    params: connectorParamsSchema,
    query: null,
    body: registryWebhookBodySchema,
    maxBodyBytes: 256 * kb,
    successStatus: 200,
    response: registryIntakeResultSchema,
  }),
  listRegistryDrafts: route({
    id: 'listRegistryDrafts',
    method: 'GET',
    path: '/api/registries/drafts',
    summary: 'Drafts made from registry events: the caller’s own (administrators: all)',
    access: { kind: 'roles', roles: ['model_owner', 'admin'] },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: registryDraftListSchema,
  }),
  getRegistryDraft: route({
    id: 'getRegistryDraft',
    method: 'GET',
    path: '/api/registries/drafts/{id}',
    summary: 'One draft with its pre-filled package content, to complete and submit as a package',
    access: { kind: 'roles', roles: ['model_owner', 'admin'] },
    params: draftIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: registryDraftSchema,
  }),
  getPackageRegistry: route({
    id: 'getPackageRegistry',
    method: 'GET',
    path: '/api/packages/{id}/registry',
    summary: 'The registry version a package came from, and where each write-back of its decisions stands',
    access: { kind: 'signed_in' },
    params: packageIdParamsSchema,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: packageRegistrySchema,
  }),
} as const;
