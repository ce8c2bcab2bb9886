import { describeError } from '#src/lib/describe-error.ts';
import { checkIntegrity } from './check-integrity.ts';
import { createIntegrityApi } from './integrity-api.ts';
import type { IntegrityMessage, IntegrityRequest } from './integrity-protocol.ts';

/**
 * Starts an integrity check and returns how to stop it. In a module Web Worker where the
 * browser has one (always, in the app); on the main thread where it has not (jsdom in
 * component tests), so the same page code runs in both.
 */
export function startIntegrityCheck(request: IntegrityRequest, onMessage: (message: IntegrityMessage) => void): () => void {
  if (typeof Worker === 'undefined') return startInThread(request, onMessage);
  const worker = new Worker(new URL('./integrity.worker.ts', import.meta.url), { type: 'module', name: 'audit-integrity' });
  worker.onmessage = (event: MessageEvent<IntegrityMessage>) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onMessage({ type: 'error', message: event.message || 'The integrity check could not start.' });
  };
  worker.postMessage(request);
  return () => worker.terminate();
}

function startInThread(request: IntegrityRequest, onMessage: (message: IntegrityMessage) => void): () => void {
  let stopped = false;
  const forward = (message: IntegrityMessage) => {
    if (!stopped) onMessage(message);
  };
  checkIntegrity(request, createIntegrityApi(window.location.origin, request.pageSize), forward)
    .then((result) => forward({ type: 'done', result }))
    .catch((error: unknown) => forward({ type: 'error', message: describeError(error) }));
  return () => {
    stopped = true;
  };
}
