import { currentSessionSchema, loginRequestSchema, sessionResponseSchema } from '#domain/contracts/users.ts';
import { route, kb } from '../kernel/route-def.ts';

// Signing in and out with a password; the session cookie.

export const sessionRoutes = {
  login: route({
    id: 'login',
    method: 'POST',
    path: '/api/session',
    summary: 'Sign in with email and password; sets the session cookie',
    access: { kind: 'public' },
    params: null,
    query: null,
    body: loginRequestSchema,
    maxBodyBytes: 16 * kb,
    successStatus: 200,
    response: sessionResponseSchema,
  }),
  logout: route({
    id: 'logout',
    method: 'DELETE',
    path: '/api/session',
    summary: 'Sign out; the server ends the session',
    access: { kind: 'signed_in' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 204,
    response: null,
    allowedBeforePasswordChange: true,
  }),
  session: route({
    id: 'session',
    method: 'GET',
    path: '/api/session',
    summary: 'The signed-in user, or { user: null } when nobody is signed in',
    access: { kind: 'public' },
    params: null,
    query: null,
    body: null,
    maxBodyBytes: 0,
    successStatus: 200,
    response: currentSessionSchema,
    allowedBeforePasswordChange: true,
  }),
} as const;
