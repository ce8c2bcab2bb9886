import { z } from 'zod';
import { problemSchema } from '#domain/contracts/problem.ts';
import type { RouteDef } from './route-def.ts';
import { secureSessionCookieName, sessionCookieName } from './cookies.ts';

// OpenAPI 3.1 generated from the route table and its zod contracts, so the document cannot
// describe an API other than the one served.

type JsonObject = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonObject;
  delete json['$schema'];
  return json;
}

function parametersOf(route: RouteDef): JsonObject[] {
  const out: JsonObject[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input');
    const properties = (json['properties'] ?? {}) as Record<string, JsonObject>;
    const required = new Set((json['required'] ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema: property });
    }
  }
  return out;
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

function operationOf(route: RouteDef): JsonObject {
  const responses: JsonObject = {
    [String(route.successStatus)]: route.response
      ? { description: 'Success', content: { 'application/json': { schema: schemaOf(route.response, 'output') } } }
      : route.binaryResponse
        ? { description: 'Success', content: { [route.binaryResponse]: { schema: { type: 'string', format: 'binary' } } } }
        : { description: 'Success, no content' },
    '400': { description: 'Malformed request', content: problemContent },
    default: { description: 'A problem (RFC 9457)', content: problemContent },
  };
  if (route.access.kind !== 'public') responses['401'] = { description: 'Not signed in', content: problemContent };
  if (route.access.kind === 'roles') responses['403'] = { description: `Needs role: ${route.access.roles.join(', ')}`, content: problemContent };
  if (route.body) {
    responses['413'] = { description: 'Body too large', content: problemContent };
    responses['422'] = { description: 'Invalid content; every problem listed with its field path', content: problemContent };
  }
  // Writes per caller, and sign-in attempts, are throttled (docs/decisions/0065-throttling.md).
  if (route.method !== 'GET') responses['429'] = { description: 'Too many requests; Retry-After says when to try again', content: problemContent };
  return {
    operationId: route.id,
    summary: route.summary,
    ...(route.access.kind === 'public' ? { security: [] } : {}),
    parameters: parametersOf(route),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
    responses,
  };
}

export function buildOpenApiDocument(routeList: readonly RouteDef[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routeList) {
    const entry = paths[route.path] ?? {};
    entry[route.method.toLowerCase()] = operationOf(route);
    paths[route.path] = entry;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Model approval API', version: '1.0.0', description: 'Review and sign ML model approval packages.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName, description: `${secureSessionCookieName} when the public origin is https` } },
      schemas: { Problem: schemaOf(problemSchema, 'output') },
    },
    security: [{ session: [] }],
    paths,
  };
}
