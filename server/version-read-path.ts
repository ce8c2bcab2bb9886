import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { keptVersionRead, plainVersionRead, type ApiDeps, type VersionAnswer } from '#api/index.ts';
import { securityHeaderRecord } from './security-headers.ts';

// `GET /api/packages/{id}/versions/{n}`, the app's hottest route, answered from Node's own
// request and response in front of the Hono listener (docs/decisions/0190): no WHATWG Request,
// Response or Headers objects, no Hono dispatch, no scan of the route table. The checks and the
// body are the pipeline's own (api/packages/plain-version-read.ts); only a plain success is
// answered here. Anything else (no or a refused session, a package the caller may not see, no
// such version, an error, HEAD, a query, a condition, a bearer token, an unusual path or Host)
// goes to the pipeline untouched, which answers it as it answers every other request. A test
// holds both paths to the same status, headers and bytes (tests/integration/version-read-path.test.ts).
// A read whose every row and whole answer SQLite keeps now is answered at once, with the same
// checks on the same rows and no promise (keptVersionRead, docs/decisions/0202); the rest waits
// for the reads.

/** Ids as the app makes them (letters, digits, `_`, `-`): no escape to decode, no dot segment to resolve. */
const versionPath = /^\/api\/packages\/([A-Za-z0-9_-]{1,64})\/versions\/([1-9][0-9]{0,6})$/;
/** The version numbers the route's parameters accept. */
const maxVersion = 1_000_000;
/** A Host @hono/node-server takes as it is (its own test); any other goes through its checks on the pipeline. */
const plainHost = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
/** Request headers the pipeline would act on, or might one day: their requests are its own. */
const thePipelines = ['authorization', 'if-none-match', 'if-modified-since', 'range'] as const;

interface PlainRead {
  packageId: string;
  n: number;
  cookies: string;
  requestUrl: string;
}

/** The request, when it is plainly a version read this path may answer. */
function plainRead(req: IncomingMessage): PlainRead | null {
  // HTTP/1.0 answers carry their length in another place: the pipeline's.
  if (req.method !== 'GET' || req.httpVersion !== '1.1') return null;
  const found = versionPath.exec(req.url ?? '');
  const host = req.headers.host;
  const cookies = req.headers.cookie;
  if (!found?.[1] || !found[2] || host === undefined || !plainHost.test(host) || cookies === undefined) return null;
  const n = Number(found[2]);
  if (n > maxVersion || thePipelines.some((name) => req.headers[name] !== undefined)) return null;
  // As @hono/node-server names the request's scheme: https on a TLS socket.
  const scheme = 'encrypted' in req.socket && req.socket.encrypted === true ? 'https' : 'http';
  return { packageId: found[1], n, cookies, requestUrl: `${scheme}://${host}${req.url ?? ''}` };
}

/** The headers of a plain answer, per scheme: the pipeline's, in its order (kernel's json()). */
const answerHeaders = (security: Readonly<Record<string, string>>): Readonly<Record<string, string>> => Object.freeze({ ...security, 'content-type': 'application/json', 'cache-control': 'no-store' });

/** The server's request listener: version reads that plainly succeed here, the rest to `pipeline`. */
export function versionReadPath(deps: ApiDeps, pipeline: RequestListener): RequestListener {
  const headersFor = new Map<Readonly<Record<string, string>>, Readonly<Record<string, string>>>();
  const send = (res: ServerResponse, read: PlainRead, body: VersionAnswer) => {
    const security = securityHeaderRecord(deps.publicOrigin, () => read.requestUrl);
    let headers = headersFor.get(security);
    if (!headers) headersFor.set(security, (headers = answerHeaders(security)));
    res.statusCode = 200;
    // Set one by one and sent with end(): Node then writes them in this order followed by its
    // Date, Connection, Keep-Alive and the Content-Length of the body, as for the pipeline's.
    // Bytes kept whole (0199) are shared with other reads: end() only reads them.
    for (const name in headers) res.setHeader(name, headers[name] ?? '');
    res.end(body);
  };
  const respond = async (req: IncomingMessage, res: ServerResponse, read: PlainRead, secure: boolean) => {
    let body: VersionAnswer | null;
    try {
      body = await plainVersionRead(deps, read.cookies, secure, read.packageId, read.n);
    } catch {
      // The database down, or anything unexpected: the pipeline answers (a 503, a logged 500).
      body = null;
    }
    if (body === null) pipeline(req, res);
    else send(res, read, body);
  };
  return (req, res) => {
    const read = plainRead(req);
    if (read === null) return pipeline(req, res);
    const secure = (deps.publicOrigin ?? read.requestUrl).startsWith('https:');
    // Everything kept (SQLite, 0202): answered now, with no promise, no read and no wait.
    let kept: VersionAnswer | undefined;
    try {
      kept = keptVersionRead(deps, read.cookies, secure, read.packageId, read.n);
    } catch {
      kept = undefined; // plainVersionRead tries, and the pipeline answers what it cannot
    }
    if (kept !== undefined) send(res, read, kept);
    else void respond(req, res, read, secure);
  };
}
