import type { Actor } from '#domain/contracts/decisions.ts';
import type { Role } from '#domain/contracts/roles.ts';
import type { TextQuoteSelector, ThreadKind, ThreadStatus } from '#domain/contracts/threads.ts';

// The threads slice of the storage port: threads, their messages and the messages' revisions.

export interface StoredThread {
  id: string;
  packageId: string;
  versionNumber: number;
  sectionKey: string;
  kind: ThreadKind;
  severity: 'low' | 'medium' | 'high' | 'critical' | null;
  status: ThreadStatus;
  anchor: TextQuoteSelector | null;
  createdBy: Actor;
  createdAt: string;
  resolvedBy: Actor | null;
  resolvedAt: string | null;
  /** When its latest message was written (listed threads only): for an answered request, the answer. */
  lastMessageAt?: string | null;
}

/** A message as first written; it is never changed (edits and retractions are revisions). */
export interface StoredMessage {
  id: string;
  threadId: string;
  author: Actor;
  authorRole: Role;
  body: string;
  createdAt: string;
  position: number;
}

export interface StoredRevision {
  id: string;
  messageId: string;
  kind: 'edit' | 'retract';
  /** The new text for an edit; empty for a retraction. */
  body: string;
  at: string;
}

export interface ThreadsStore {
  listThreads(packageIds: readonly string[] | 'all'): Promise<StoredThread[]>;
  findThread(id: string): Promise<StoredThread | null>;
  insertThread(thread: StoredThread): Promise<void>;
  setThreadStatus(id: string, status: ThreadStatus, resolvedBy: Actor | null, resolvedAt: string | null): Promise<void>;
  listMessages(threadIds: readonly string[]): Promise<StoredMessage[]>;
  insertMessage(message: StoredMessage): Promise<void>;
  listRevisions(messageIds: readonly string[]): Promise<StoredRevision[]>;
  insertRevision(revision: StoredRevision): Promise<void>;
}
