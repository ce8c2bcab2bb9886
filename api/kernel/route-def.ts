import type { z } from 'zod';
import type { Role } from '#domain/contracts/roles.ts';

// What one route of the table declares. The kernel runs a request through it: match,
// access, bounded body, contracts in and out. Each capability module declares its routes
// with route(); api/routes.ts spreads them into the one table.

/** Who may call a route: anyone, any signed-in user, or holders of the listed roles. */
export type Access = { kind: 'public' } | { kind: 'signed_in' } | { kind: 'roles'; roles: readonly Role[] };

export type Schema = z.ZodType | null;

export interface RouteDef<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema, R extends Schema = Schema> {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI-style path, e.g. /api/packages/{id}. */
  path: string;
  summary: string;
  access: Access;
  params: P;
  query: Q;
  body: B;
  /** Largest accepted body in bytes; larger gets 413. */
  maxBodyBytes: number;
  successStatus: 200 | 201 | 204;
  response: R;
  /** A route whose answer is not JSON (response null, body a BinaryBody): its media type, for the OpenAPI document. */
  binaryResponse?: 'application/pdf' | 'application/x-ndjson';
  /** Callable by an account that must first replace its temporary password (reading the session, signing out, changing it). */
  allowedBeforePasswordChange?: true;
}

export const kb = 1024;
export const mb = 1024 * kb;

/** Keeps a route's schema types exact, so handlers and clients infer from them. */
export function route<P extends Schema, Q extends Schema, B extends Schema, R extends Schema>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

/** Fills an OpenAPI-style path with values: apiPath('/api/packages/{id}', { id: 'p1' }). */
export function apiPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
