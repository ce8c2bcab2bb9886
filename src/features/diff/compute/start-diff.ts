import { diffSections } from './diff-sections.ts';
import type { DiffProgress, DiffRequest } from './diff-protocol.ts';

/**
 * Starts a comparison and returns how to stop it. In a Web Worker where the browser has one
 * (always, in the app); on the main thread, a section per task, where it has not (jsdom in
 * component tests), so the same page code runs in both.
 */
export function startDiff(request: DiffRequest, onProgress: (progress: DiffProgress) => void): () => void {
  if (typeof Worker === 'undefined') return startInThread(request, onProgress);
  const worker = new Worker(new URL('./diff.worker.ts', import.meta.url), { type: 'module', name: 'package-diff' });
  worker.onmessage = (event: MessageEvent<DiffProgress>) => onProgress(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onProgress({ type: 'error', message: event.message || 'The comparison could not start.' });
  };
  worker.postMessage(request);
  return () => worker.terminate();
}

function startInThread(request: DiffRequest, onProgress: (progress: DiffProgress) => void): () => void {
  let cancelled = false;
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  diffSections(request, (progress) => !cancelled && onProgress(progress), pause, () => cancelled).catch((error: unknown) => {
    if (!cancelled) onProgress({ type: 'error', message: error instanceof Error ? error.message : 'The comparison failed.' });
  });
  return () => {
    cancelled = true;
  };
}
