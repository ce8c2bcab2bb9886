import { describe, expect, inject, it } from 'vitest';
import { routeList, type RouteDef } from '#api/routes.ts';
import { problemSchema } from '#domain/contracts/problem.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { casesFor, type FuzzCase } from './fuzz-cases.ts';
import { callerFor, origin, prepareValidInputs, sameOriginHeaders, signInAll, type ValidInput } from './fuzz-fixtures.ts';
import { postgresFuzzTarget, sqliteFuzzTarget, type FuzzTarget } from './fuzz-target.ts';

// Property-based fuzzing of every route that takes input, against the real server in
// process: hostile path parameters, queries and bodies (wrong types, huge strings, 10,000
// levels of nesting, prototype keys, lone surrogates and invalid UTF-8, integers beyond
// 2^53 and 1e400, duplicate keys, wrong content types, truncated JSON, NUL, and one-field
// mutations of a valid body). Every refusal must be a 4xx problem+json, nothing may answer
// 5xx, nothing may change, and Object.prototype must stay clean.
//
// FUZZ_SEED picks another seed, FUZZ_RUNS the random cases per part of a route (default 150).

const seed = Number(process.env.FUZZ_SEED ?? 20_260_914);
const runs = Number(process.env.FUZZ_RUNS ?? 150);

function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype]
    .map((proto) => Object.getOwnPropertyNames(proto).sort().join(','))
    .join('|');
}

function polluted(): string | null {
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin', 'roles', 'email', 'password', 'body', 'content']) if (probe[key] !== undefined) return `Object.prototype.${key} = ${JSON.stringify(probe[key])}`;
  if (Object.getPrototypeOf(probe) !== Object.prototype) return 'the prototype of {} changed';
  return null;
}

function genericInput(route: RouteDef): ValidInput {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  return { params: Object.fromEntries(names.map((name) => [name, 'fuzz'])), query: {}, body: {} };
}

/** A failure message, or null when the answer is right for the case. */
async function check(fuzzCase: FuzzCase, response: Response): Promise<string | null> {
  const { status } = response;
  const text = await response.text();
  if (status >= 500) return `answered ${status}: ${text.slice(0, 200)}`;
  if (fuzzCase.expect === 'reject' && (status < 400 || status >= 500)) return `accepted with ${status}: ${text.slice(0, 200)}`;
  if (status < 400) return null;
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) return `${status} with content-type ${type}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `${status} whose body is not JSON: ${text.slice(0, 100)}`;
  }
  const problem = problemSchema.safeParse(body);
  if (!problem.success) return `${status} with a body that is no problem: ${text.slice(0, 200)}`;
  if (problem.data.status !== status) return `${status} with a problem saying ${problem.data.status}`;
  if (/at .+\.ts:\d+/.test(text)) return `${status} leaking a stack trace`;
  return null;
}

function requestFor(fuzzCase: FuzzCase, cookie: string | null): Request {
  const headers = new Headers(sameOriginHeaders);
  if (fuzzCase.contentType !== null) headers.set('content-type', fuzzCase.contentType);
  if (cookie) headers.set('cookie', `${sessionCookieName}=${cookie}`);
  for (const [name, value] of Object.entries(fuzzCase.extraHeaders)) headers.set(name, value);
  const body = fuzzCase.body === null || fuzzCase.method === 'GET' ? null : fuzzCase.body;
  return new Request(origin + fuzzCase.url, { method: fuzzCase.method, headers, body: body as BodyInit | null });
}

interface Outcome {
  routes: number;
  cases: number;
  dropped: number;
  byKind: Map<string, number>;
  withoutFixture: string[];
  /** One line per route, kind of case and kind of failure, with how many cases failed alike. */
  failures: string[];
}

/** Groups failures that differ only in the generated value, so one bug reads as one line. */
class Failures {
  readonly #groups = new Map<string, { first: string; count: number }>();
  add(group: string, text: string): void {
    const found = this.#groups.get(group);
    if (found) found.count++;
    else this.#groups.set(group, { first: text, count: 1 });
  }
  lines(): string[] {
    return [...this.#groups.values()].map(({ first, count }) => (count > 1 ? `${first} (and ${count - 1} more like it)` : first));
  }
}

async function fuzz(target: FuzzTarget, options: { runs: number }): Promise<Outcome> {
  const cookies = await signInAll(target);
  const valid = await prepareValidInputs(target, cookies);
  const outcome: Outcome = { routes: 0, cases: 0, dropped: 0, byKind: new Map(), withoutFixture: [], failures: [] };
  const failures = new Failures();
  const cleanPrototypes = prototypeSnapshot();
  let auditSize = await target.auditSize();

  for (const route of routeList) {
    if (!route.params && !route.query && !route.body) continue;
    let input = valid.get(route.id);
    if (!input) {
      outcome.withoutFixture.push(route.id);
      input = genericInput(route);
    }
    const { cases, dropped } = casesFor(route, input, { seed, runs: options.runs });
    outcome.routes++;
    outcome.dropped += dropped;
    const caller = callerFor(route);
    const cookie = caller === null ? null : (cookies.get(caller) ?? null);
    const before = await target.digest();
    for (const fuzzCase of cases) {
      outcome.cases++;
      outcome.byKind.set(fuzzCase.kind, (outcome.byKind.get(fuzzCase.kind) ?? 0) + 1);
      const where = `${route.id} [${fuzzCase.kind}] ${fuzzCase.label}`;
      const errorsBefore = target.loggedErrors.length;
      let failure: string | null;
      try {
        failure = await check(fuzzCase, await target.fetch(requestFor(fuzzCase, cookie)));
      } catch (error) {
        failure = `threw ${String(error)}`;
      }
      const logged = target.loggedErrors.slice(errorsBefore);
      if (logged.length > 0) failure = `${failure ?? 'answered'}; server logged: ${logged.map((e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e))).join(' | ').slice(0, 300)}`;
      if (failure) failures.add(`${route.id} ${fuzzCase.kind} ${failure.slice(0, 16)}`, `${where}: ${failure}`);
      const size = await target.auditSize();
      if (size !== auditSize) {
        failures.add(`${route.id} ${fuzzCase.kind} audit`, `${where}: the audit log grew from ${auditSize} to ${size} entries`);
        auditSize = size;
      }
      const pollution = polluted() ?? (prototypeSnapshot() === cleanPrototypes ? null : 'a built-in prototype gained or lost a property');
      if (pollution) failures.add(`${route.id} pollution`, `${where}: ${pollution}`);
    }
    if ((await target.digest()) !== before) failures.add(`${route.id} digest`, `${route.id}: the database changed during its ${cases.length} cases`);
  }
  outcome.failures = failures.lines();
  return outcome;
}

function report(engine: string, outcome: Outcome): void {
  const kinds = [...outcome.byKind].map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(`fuzz: ${outcome.routes} routes, ${outcome.cases} cases (${engine}; seed ${seed}; ${kinds}; ${outcome.dropped} random variants the contract accepts were not sent)`);
  if (outcome.withoutFixture.length > 0) console.log(`fuzz: no valid input known for ${outcome.withoutFixture.join(', ')}: fuzzed from an empty body`);
}

describe('fuzzing every route with hostile input', () => {
  it('on SQLite: every hostile request is refused with a problem, never 5xx, and changes nothing', async () => {
    const target = await sqliteFuzzTarget();
    try {
      const outcome = await fuzz(target, { runs });
      report('SQLite', outcome);
      expect(outcome.routes).toBeGreaterThan(20);
      expect(outcome.failures.slice(0, 60)).toEqual([]);
    } finally {
      await target.close();
    }
  }, 240_000);

  // PostgreSQL refuses what SQLite stores (NUL in text), so the fixed part of the corpus
  // runs there too, with fewer random cases.
  it('on PostgreSQL: the same, with fewer random cases', async () => {
    const target = await postgresFuzzTarget(inject('databaseUrl'));
    try {
      const outcome = await fuzz(target, { runs: Math.ceil(runs / 6) });
      report('PostgreSQL', outcome);
      expect(outcome.failures.slice(0, 60)).toEqual([]);
    } finally {
      await target.close();
    }
  }, 240_000);
});
