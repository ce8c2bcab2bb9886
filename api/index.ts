import { createKernel, type ApiFetch, type KernelHooks } from './kernel/handle-request.ts';
import { routeList } from './routes.ts';
import { handlers } from './handlers.ts';
import { auditRefusal, auditDenied } from './denials/denials.ts';
import { authenticateBearer, checkTokenScope } from './tokens/bearer-auth.ts';
import { limitWrites } from './throttle/rate-limits.ts';

// The application as one function from Request to Response, the same for the Node server
// and the MSW mocks. This file is the only part of api/ that server/ and mocks/ import.

const hooks: KernelHooks = { authenticateBearer, checkScope: checkTokenScope, auditDenied, auditRefusal, limitWrites };

/** The whole JSON API: the one route table, its handlers and the capabilities' hooks. */
export const handleApiRequest: ApiFetch = createKernel({ routes: routeList, handlers, hooks });

export type { ApiDeps, PasswordPort } from './kernel/context.ts';
export type { Store } from './store/store.ts';
export type { ApiFetch } from './kernel/handle-request.ts';
/** The version read without the pipeline, when it plainly succeeds (the Node server's read path, 0190). */
export { keptVersionRead, plainVersionRead, routeMatchesPlainRead } from './packages/plain-version-read.ts';
export type { VersionAnswer } from './store/packages.ts';
