import type { z } from 'zod';
import { ApiProblem, readProblem } from '#src/lib/api-problem.ts';
import { readJsonAnswer } from '#src/lib/read-json-answer.ts';

/** Reads one API answer and parses it with its contract. */
export type FetchJson = <S extends z.ZodType>(path: string, schema: S) => Promise<z.output<S>>;

/**
 * The integrity check's reader. It runs in a worker, where the app's api-client (built on
 * `window`) is not available; the session cookie goes along as with any same-origin fetch.
 */
export function createFetchJson(origin: string): FetchJson {
  return async (path, schema) => {
    const response = await fetch(new URL(path, origin), { headers: { accept: 'application/json, application/problem+json' }, credentials: 'same-origin' });
    if (!response.ok) throw new ApiProblem(await readProblem(response));
    const parsed = schema.safeParse(await readJsonAnswer(response));
    if (!parsed.success) throw new Error(`The API answered GET ${path} in an unexpected shape`, { cause: parsed.error });
    return parsed.data;
  };
}
