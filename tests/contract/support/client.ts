import type { Store } from '#api/store/store.ts';
import { readCookie, sessionCookieName } from '#api/kernel/cookies.ts';
import { parseJson } from '#domain/json/parse-json.ts';

/** Something that answers HTTP requests: the mocks, or the real app in-process. */
export interface Target {
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
  /** The target's storage, for what no API route may do (planting a test passkey). */
  store: Store;
  /** Moves the target's clock forward (for expiries); sessions outlive it. */
  advanceClock(ms: number): void;
}

export interface Reply {
  status: number;
  headers: Headers;
  contentType: string;
  body: unknown;
}

export const origin = 'http://localhost';

/** A browser-like client with its own cookie jar. */
export class Client {
  readonly #target: Target;
  cookie: string | null = null;

  constructor(target: Target) {
    this.#target = target;
  }

  async send(method: string, path: string, options: { json?: unknown; text?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers = new Headers(options.headers);
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    } else if (options.text !== undefined) {
      body = options.text;
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    } else if (method !== 'GET' && !headers.has('content-type')) {
      // As the app's api-client: a write without a body is sent as JSON too.
      headers.set('content-type', 'application/json');
    }
    if (this.cookie) headers.set('cookie', `${sessionCookieName}=${this.cookie}`);
    const response = await this.#target.fetch(new Request(origin + path, { method, headers, body }));
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const value = readCookie(setCookie, sessionCookieName);
      this.cookie = value && !/Max-Age=0/i.test(setCookie) ? value : null;
    }
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    // NDJSON (the audit chain stream) stays text: its lines are JSON, the whole is not.
    const answer = text ? (contentType.startsWith('application/x-ndjson') ? text : parseJson(text)) : null;
    return { status: response.status, headers: response.headers, contentType, body: answer };
  }

  get = (path: string) => this.send('GET', path);
  post = (path: string, json: unknown, headers?: Record<string, string>) => this.send('POST', path, { json, ...(headers ? { headers } : {}) });
  delete = (path: string) => this.send('DELETE', path);

  async login(email: string, password = 'demo-password'): Promise<Reply> {
    return this.post('/api/session', { email, password });
  }

  /** Another person's client on the same target, signed in (model risk assessing a package the owner submitted, for instance). */
  async colleague(email: string): Promise<Client> {
    const other = new Client(this.#target);
    const reply = await other.login(email);
    if (reply.status !== 200) throw new Error(`${email} cannot sign in: ${JSON.stringify(reply.body)}`);
    return other;
  }
}
