import type { Store, StoredUser } from '../store.ts';

/** Hashes and checks passwords: scrypt on the server, something cheap in the mocks. */
export interface PasswordPort {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface ApiDeps {
  store: Store;
  passwords: PasswordPort;
  now: () => Date;
  /** Unguessable ids and tokens. */
  randomToken: () => string;
  sessionTtlMs: number;
  /** Where unexpected errors go; never to the client. */
  logError: (error: unknown) => void;
  /** Whether an error means storage is unreachable (answered 503, not logged as a bug); absent in the mocks. */
  isUnavailable?: (error: unknown) => boolean;
}

export interface RequestContext {
  deps: ApiDeps;
  user: StoredUser | null;
  sessionTokenHash: string | null;
  /** The API token a pipeline called with (acting as the model's owner); absent for sessions. */
  apiToken?: { id: string; name: string; modelKey: string } | null;
  /** Whether the request came over https, so cookies get Secure. */
  secure: boolean;
  method: string;
  path: string;
  /** This API's origin as the client addressed it: what a passkey assertion must be made for. */
  origin: string;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: [string, string][];
}
