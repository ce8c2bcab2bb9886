import type { z } from 'zod';
import type { RequestContext, HandlerResult } from './context.ts';
import type { RouteDef } from '../routes.ts';

type InferOr<T> = T extends z.ZodType ? z.infer<T> : undefined;


export interface HandlerInput<R extends RouteDef> {
  params: InferOr<R['params']>;
  query: InferOr<R['query']>;
  body: InferOr<R['body']>;
}

export type Handler = (ctx: RequestContext, input: { params: unknown; query: unknown; body: unknown }) => Promise<HandlerResult>;

/**
 * Ties a handler to its route so its input is typed from the route's contracts. The
 * request pipeline has already validated the input against those same schemas.
 */
export function defineHandler<R extends RouteDef>(_route: R, fn: (ctx: RequestContext, input: HandlerInput<R>) => Promise<HandlerResult>): Handler {
  return fn as Handler;
}
