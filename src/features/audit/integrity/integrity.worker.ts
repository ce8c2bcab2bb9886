import { describeError } from '#src/lib/describe-error.ts';
import { checkIntegrity } from './check-integrity.ts';
import { createIntegrityApi } from './integrity-api.ts';
import type { IntegrityMessage, IntegrityRequest } from './integrity-protocol.ts';

// Checks the audit log off the main thread: up to a million entries to hash and a Merkle
// tree to build, while the reader keeps scrolling the log. One check per worker; the page
// terminates it when the check is no longer wanted.

const post = (message: IntegrityMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<IntegrityRequest>) => {
  checkIntegrity(event.data, createIntegrityApi(self.location.origin, event.data.pageSize), post)
    .then((result) => post({ type: 'done', result }))
    .catch((error: unknown) => post({ type: 'error', message: describeError(error) }));
};
