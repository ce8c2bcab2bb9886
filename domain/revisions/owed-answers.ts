import type { Decision } from '../contracts/decisions.ts';
import type { Thread } from '../contracts/threads.ts';

// Which questions a resubmission must answer: every concern of every rejection of the latest
// version, and every clarification request still waiting for the owner. The server enforces
// it; the resubmit form lists the same targets before anything is sent.

/** The rejections of the latest version, whose concerns each need an answer. */
export function rejectionsToAnswer<D extends Pick<Decision, 'versionNumber' | 'decision'>>(decisions: readonly D[], latestVersion: number): D[] {
  return decisions.filter((decision) => decision.versionNumber === latestVersion && decision.decision === 'reject');
}

/** A clarification request the owner has not answered yet. */
export function isOpenClarification(thread: Pick<Thread, 'kind' | 'status'>): boolean {
  return thread.kind === 'clarification' && thread.status === 'open';
}
