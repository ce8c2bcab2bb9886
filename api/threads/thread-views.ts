import type { Thread } from '#domain/contracts/threads.ts';
import type { StoredThread, StoreTx } from '../store/store.ts';

/** Threads as the API shows them: current texts, edit history, retractions. */
export async function threadViews(tx: StoreTx, threads: readonly StoredThread[]): Promise<Thread[]> {
  const messages = await tx.listMessages(threads.map((t) => t.id));
  const revisions = await tx.listRevisions(messages.map((m) => m.id));
  // The latest message's time is for the due clock (whose-turn.ts), not part of the thread's contract.
  return threads.map(({ lastMessageAt: _lastMessageAt, ...thread }) => ({
    ...thread,
    messages: messages
      .filter((m) => m.threadId === thread.id)
      .map((m) => {
        const mine = revisions.filter((r) => r.messageId === m.id);
        const retraction = mine.find((r) => r.kind === 'retract');
        const edits = mine.filter((r) => r.kind === 'edit');
        const texts = [m.body, ...edits.map((e) => e.body)];
        const history = edits.map((edit, index) => ({ body: texts[index] ?? '', replacedAt: edit.at }));
        return {
          id: m.id,
          author: m.author,
          authorRole: m.authorRole,
          body: retraction ? '' : (texts.at(-1) ?? ''),
          createdAt: m.createdAt,
          editedAt: edits.at(-1)?.at ?? null,
          retractedAt: retraction?.at ?? null,
          history: retraction ? [] : history,
        };
      }),
  }));
}

export async function threadView(tx: StoreTx, thread: StoredThread): Promise<Thread> {
  const [view] = await threadViews(tx, [thread]);
  if (!view) throw new Error('A thread always has a view');
  return view;
}
