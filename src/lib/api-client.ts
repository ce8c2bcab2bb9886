import type { z } from 'zod';
import { ApiProblem, readProblem } from './api-problem.ts';
import { dropEarlyAnswers, requestEarly, takeEarly } from './early-responses.ts';
import { readJsonAnswer } from './read-json-answer.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface BaseOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the same-origin API and parses the answer with its contract, so a component never
 * sees a body the contract does not describe. Non-2xx answers throw an ApiProblem.
 */
export async function apiFetch<S extends z.ZodType>(path: string, options: BaseOptions & { schema: S }): Promise<z.output<S>>;
export async function apiFetch(path: string, options?: BaseOptions & { schema?: null }): Promise<void>;
export async function apiFetch(path: string, options: BaseOptions & { schema?: z.ZodType | null } = {}): Promise<unknown> {
  const { method = 'GET', body, signal, schema } = options;
  // A GET asked for before the page's code loaded (prefetchEarly) is that request's answer.
  const early = method === 'GET' && body === undefined ? takeEarly(path) : undefined;
  const response = await (early ?? send(path, method, body, signal)).finally(() => {
    if (method !== 'GET') dropEarlyAnswers();
  });
  if (!response.ok) throw new ApiProblem(await readProblem(response));
  if (!schema) return undefined;
  const parsed = schema.safeParse(await readJsonAnswer(response));
  if (!parsed.success) {
    throw new Error(`The API answered ${method} ${new URL(path, window.location.origin).pathname} in an unexpected shape`, { cause: parsed.error });
  }
  return parsed.data;
}

/** Starts apiFetch's GET of `path` now, for its next call with that path to take (early-responses.ts). */
export function prefetchEarly(path: string): void {
  void requestEarly(path, (early) => send(early, 'GET', undefined, undefined));
}

/**
 * As prefetchEarly, and reads a copy of a successful answer's JSON for the caller (null for a
 * refusal or a failure): the page's own request still takes and checks the answer itself. The
 * copy is made as the answer arrives, before any reader of the original can have begun.
 */
export function prefetchEarlyJson(path: string): Promise<unknown> {
  return requestEarly(path, (early) => send(early, 'GET', undefined, undefined))
    .then((response): Promise<unknown> | null => (response.ok ? readJsonAnswer(response.clone()) : null))
    .catch(() => null);
}

function send(path: string, method: Method, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  // Every write says JSON, a body-less one too: the API refuses writes of any other type (415).
  if (body !== undefined || method !== 'GET') headers.set('content-type', 'application/json');
  // Resolved against the page's origin: jsdom's fetch needs an absolute URL, and in the
  // browser it is the same request.
  const url = new URL(path, window.location.origin);
  return fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
    signal: signal ?? null,
  });
}
