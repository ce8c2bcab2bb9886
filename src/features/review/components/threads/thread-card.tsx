import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import type { CarriedThread } from '#domain/annotations/carry-over.ts';
import { threadKindLabels, type Thread, type ThreadStatus } from '#domain/contracts/threads.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useReplyToThread } from '../../api/reply-to-thread.ts';
import { useResolveThread } from '../../api/resolve-thread.ts';
import { threadAnchor, type ThreadAbilities } from '../../thread-abilities.ts';
import { checkMessage, splitProblem } from './field-errors.ts';
import { MessageItem } from './message-item.tsx';
import { MessageTextField } from './message-text-field.tsx';

// A symbol beside the word, so a status never relies on colour alone.
const statusLook: Record<ThreadStatus, { text: string; classes: string }> = {
  open: { text: '● Open', classes: 'bg-amber-100 text-amber-950' },
  answered: { text: '↩ Answered', classes: 'bg-blue-100 text-blue-950' },
  resolved: { text: '✓ Resolved', classes: 'bg-emerald-100 text-emerald-950' },
};

interface Props {
  thread: Thread;
  abilities: ThreadAbilities;
  /** Why the thread's version can no longer change, shown instead of the actions. */
  lock: string | null;
  /** Whether the quoted passage was found on the page (highlighted). */
  quoteFound: boolean | undefined;
  isOwnerViewing: boolean;
  /** Set for a thread of an earlier version shown on a later one: how it stands there. */
  carry?: Pick<CarriedThread, 'state' | 'reason'> | undefined;
  /** Takes the reader to the highlighted passage in the section's text; absent when it is not there. */
  onShowQuote?: (() => void) | undefined;
}

// Like the status: a symbol and words, not colour alone.
function carryLook({ state, reason }: Pick<CarriedThread, 'state' | 'reason'>, from: number): { text: string; classes: string } {
  if (state === 'carried_over') return { text: `↪ Carried over from version ${from}`, classes: 'border-sky-700 bg-sky-50 text-sky-950' };
  const why = reason === 'section_removed' ? 'the section was removed' : 'the quoted passage is not in this version';
  return { text: `⚠ Outdated: ${why}`, classes: 'border-orange-700 bg-orange-50 text-orange-950' };
}

/** One annotation thread: its kind and status, the quoted passage, the messages, and what the reader may do. */
export function ThreadCard({ thread, abilities, lock, quoteFound, isOwnerViewing, carry, onShowQuote }: Props) {
  const id = threadAnchor(thread.id);
  const status = statusLook[thread.status];
  const outdated = carry?.state === 'outdated';
  const carried = carry ? carryLook(carry, thread.versionNumber) : null;
  return (
    <article id={id} tabIndex={-1} aria-labelledby={`${id}-title`} data-thread className="scroll-mt-4 space-y-3 bg-white rounded-md border border-slate-300 p-4">
      <header className="space-y-1">
        <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2 font-semibold">
          {threadKindLabels[thread.kind]}
          {thread.severity && <span className="font-normal">· {thread.severity} severity</span>}
          <span className={`rounded px-2 py-0.5 text-sm ${status.classes}`}>{status.text}</span>
        </h3>
        <p className="text-sm text-slate-700">
          Opened by {thread.createdBy.displayName} on <time dateTime={thread.createdAt}>{formatDateTime(thread.createdAt)}</time> on version {thread.versionNumber} ·{' '}
          {/* The kind is added for screen readers after the visible words, never instead of them (WCAG 2.5.3: a voice user says what they see). */}
          <Link to={{ search: `?version=${thread.versionNumber}`, hash: id }}>
            Link to this thread{' '}
            <span className="sr-only">({threadKindLabels[thread.kind].toLowerCase()})</span>
          </Link>
        </p>
        {carried && (
          <p>
            <span className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${carried.classes}`}>{carried.text}</span>
          </p>
        )}
      </header>
      {thread.anchor && (
        <figure className="space-y-1">
          <blockquote className={`line-clamp-6 border-l-4 px-3 py-1 italic ${outdated ? 'border-slate-400 bg-slate-100' : 'border-amber-500 bg-amber-50'}`}>“{thread.anchor.exact}”</blockquote>
          {!outdated && quoteFound === true && onShowQuote && (
            <button type="button" className="text-sm text-blue-800 underline decoration-1 underline-offset-2 hover:text-blue-950" onClick={onShowQuote}>
              <span aria-hidden="true">↖ </span>Show in the text
            </button>
          )}
          {outdated ? (
            <figcaption className="text-sm text-slate-700">As quoted on version {thread.versionNumber}.</figcaption>
          ) : (
            quoteFound === false && <figcaption className="text-sm text-slate-700">This passage is not on the page as rendered; it is quoted here as it was selected.</figcaption>
          )}
        </figure>
      )}
      <ol className="space-y-3">
        {thread.messages.map((message) => (
          <MessageItem key={message.id} packageId={thread.packageId} threadId={thread.id} message={message} canChange={abilities.changeMessage(message)} />
        ))}
      </ol>
      {thread.status === 'resolved' && thread.resolvedBy && thread.resolvedAt && (
        <p className="text-sm font-semibold text-emerald-900">
          Resolved by {thread.resolvedBy.displayName} on <time dateTime={thread.resolvedAt}>{formatDateTime(thread.resolvedAt)}</time>.
        </p>
      )}
      {lock && thread.status !== 'resolved' && <p className="text-sm text-slate-700">{lock}</p>}
      {(abilities.reply || abilities.resolve) && (
        <div className="flex flex-wrap items-start gap-3">
          {abilities.reply && <Reply thread={thread} answering={isOwnerViewing && thread.kind === 'clarification'} />}
          {abilities.resolve && <ResolveButton thread={thread} />}
        </div>
      )}
    </article>
  );
}

/**
 * "Reply…" until the reader means to write: a thread in the margin stays a few lines tall, and
 * the form, once open, has the focus (and gives it back to the button on Cancel or when sent).
 */
function Reply({ thread, answering }: { thread: Thread; answering: boolean }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  if (!open)
    return (
      <button ref={button} type="button" aria-expanded={false} className={`${buttonClasses.secondary} px-3 py-1 text-sm`} onClick={() => setOpen(true)}>
        Reply…
      </button>
    );
  return <ReplyForm thread={thread} answering={answering} onDone={close} />;
}

function ReplyForm({ thread, answering, onDone }: { thread: Thread; answering: boolean; onDone: () => void }) {
  const [body, setBody] = useState('');
  const [checkError, setCheckError] = useState<string>();
  const field = useRef<HTMLTextAreaElement>(null);
  const replying = useReplyToThread();
  useEffect(() => field.current?.focus(), []);
  const { byField, general } = splitProblem(replying.error, { body: '/body' });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (replying.isPending) return;
    const problem = checkMessage(body);
    setCheckError(problem);
    if (problem) return;
    replying.mutate({ packageId: thread.packageId, threadId: thread.id, body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate className="w-full space-y-2">
      <MessageTextField label={answering ? 'Your answer' : 'Reply'} value={body} onChange={setBody} error={checkError ?? byField.body} textareaRef={field} />
      {general && (
        <p role="alert" className="text-red-800">
          {general}
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClasses.primary}>
          {replying.isPending ? 'Sending…' : answering ? 'Send answer' : 'Send reply'}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ResolveButton({ thread }: { thread: Thread }) {
  const resolving = useResolveThread();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={`${buttonClasses.secondary} px-3 py-1 text-sm`}
        onClick={() => {
          if (resolving.isPending) return;
          // The button goes away with the thread's actions: keep the reader on the thread.
          // (mutateAsync: a mutate callback would not run, this button being gone by then.)
          resolving
            .mutateAsync({ packageId: thread.packageId, threadId: thread.id })
            .then(() => document.getElementById(threadAnchor(thread.id))?.focus())
            .catch(() => undefined);
        }}
      >
        {resolving.isPending ? 'Resolving…' : 'Resolve thread'}
      </button>
      {resolving.error && (
        <p role="alert" className="text-red-800">
          {describeError(resolving.error)}
        </p>
      )}
    </div>
  );
}
