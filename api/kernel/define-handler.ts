import type { z } from 'zod';
import type { RequestContext, HandlerResult } from './context.ts';
import type { RouteDef } from './route-def.ts';
import type { SerializedJson } from './serialized-json.ts';
import type { BinaryBody } from './binary-body.ts';

type InferOr<T> = T extends z.ZodType ? z.infer<T> : undefined;
/** What the handler may answer: the route's response contract (or its JSON already serialized). */
type ResponseOf<T> = T extends z.ZodType ? z.input<T> | SerializedJson : null | undefined | BinaryBody;

export interface HandlerInput<R extends RouteDef> {
  params: InferOr<R['params']>;
  query: InferOr<R['query']>;
  body: InferOr<R['body']>;
}

/** A handler's answer, its body checked against the route's response schema by the compiler. */
export interface TypedResult<R extends RouteDef> extends HandlerResult {
  body?: ResponseOf<R['response']>;
}

export type Handler = (ctx: RequestContext, input: { params: unknown; query: unknown; body: unknown }) => Promise<HandlerResult>;

/**
 * Ties a handler to its route: its input is typed from the route's contracts (which the
 * request pipeline has already validated), and its answer must fit the route's response
 * contract, so a handler cannot drift from what the OpenAPI document and clients expect.
 */
export function defineHandler<R extends RouteDef>(_route: R, fn: (ctx: RequestContext, input: HandlerInput<R>) => Promise<TypedResult<R>>): Handler {
  return fn as Handler;
}
