import type { LoaderFunction } from 'react-router';
import { nextTask } from '../lib/next-task.ts';
import type * as appShell from './app-shell.tsx';

type AppShellModule = typeof appShell;

let frame: Promise<AppShellModule> | undefined;

/**
 * The signed-in frame's code, evaluated in parts, each in a task of its own (docs/decisions/0215).
 * Imported as one module graph, the API's contracts (Zod schemas built as their modules run),
 * react-aria's module-level setup (the page's first `Intl` use, reading the viewport) and the
 * page's own modules ran as one main-thread task of 50–80 ms CPU when a package page or the diff
 * view opened. The contracts come first, then the frame; a page that waits for this
 * (`afterFrame`) comes last. Loaded once; a failed load is forgotten, so the next navigation
 * tries again.
 */
export function loadFrame(): Promise<AppShellModule> {
  frame ??= evaluateInParts().catch((error: unknown) => {
    frame = undefined;
    throw error;
  });
  return frame;
}

/**
 * The contracts in the order they import each other: importing one evaluates it and whatever it
 * imports that has not run yet, so each step evaluates a layer the step before did not (Zod
 * builds every schema as its module runs: together 30–45 ms of CPU on a loaded machine).
 */
const contractLayers = [
  // Package content, sections, decisions, policies.
  () => import('#domain/contracts/policies.ts'),
  // Threads, findings, workflow templates, the audit log.
  () => import('#domain/contracts/audit.ts'),
  // Signatures, governance, packages, the record.
  () => import('#domain/contracts/record.ts'),
  // The API's route table, and the contracts only it brings.
  () => import('#api/routes.ts'),
];

async function evaluateInParts(): Promise<AppShellModule> {
  for (const layer of contractLayers) {
    await layer();
    await nextTask();
  }
  const shell = await import('./app-shell.tsx');
  await nextTask();
  return shell;
}

/**
 * A route's page code, loaded once the frame's is: every page imports the contracts and the
 * frame's modules too, and whichever import was ready first would evaluate them all in one
 * task. Only for pages whose chunks the HTML already preloads (server/routes/route-preloads.ts):
 * elsewhere the page's chunks would be asked for only after the frame's were evaluated.
 */
export function afterFrame<T>(load: () => Promise<T>): () => Promise<T> {
  return async () => {
    await loadFrame();
    return load();
  };
}

/** The same for a route's loader: the loader's own modules import the contracts and the frame's. */
export function loaderAfterFrame(loader: LoaderFunction): LoaderFunction {
  return async (...args) => {
    await loadFrame();
    return loader(...args);
  };
}
