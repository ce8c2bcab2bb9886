import { useRef, useState, type SubmitEvent } from 'react';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { ThreadMessage } from '#domain/contracts/threads.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useEditMessage } from '../../api/edit-message.ts';
import { useRetractMessage } from '../../api/retract-message.ts';
import { threadAnchor } from '../../thread-abilities.ts';
import { checkMessage, splitProblem } from './field-errors.ts';
import { MessageTextField } from './message-text-field.tsx';

interface Props {
  packageId: string;
  threadId: string;
  message: ThreadMessage;
  /** Whether the signed-in user may edit or retract this message now. */
  canChange: boolean;
}

const smallButton = 'text-sm font-semibold text-blue-800 underline hover:text-blue-950';

/** One message: who wrote it and when, its text, its earlier texts, and for its author, edit and retract. */
export function MessageItem({ packageId, threadId, message, canChange }: Props) {
  const [mode, setMode] = useState<'read' | 'edit' | 'confirm-retract'>('read');
  const editButton = useRef<HTMLButtonElement>(null);
  const back = () => {
    setMode('read');
    // Back to where the reader was, not to the top of the page.
    queueMicrotask(() => editButton.current?.focus());
  };

  return (
    <li className="space-y-2 border-l-4 border-slate-200 pl-3">
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{message.author.displayName}</span>, {roleLabels[message.authorRole]} ·{' '}
        <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
        {message.editedAt && !message.retractedAt && <> · edited</>}
      </p>
      {message.retractedAt ? (
        <p className="italic text-slate-700">
          Retracted by its author on <time dateTime={message.retractedAt}>{formatDateTime(message.retractedAt)}</time>. The text stays in the audit trail.
        </p>
      ) : mode === 'edit' ? (
        <EditForm packageId={packageId} threadId={threadId} message={message} onDone={back} />
      ) : (
        <p className="whitespace-pre-wrap break-words">{message.body}</p>
      )}
      {message.history.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">
            Earlier {message.history.length === 1 ? 'text' : `texts (${message.history.length})`}
          </summary>
          <ol className="mt-2 space-y-2">
            {message.history.map((revision) => (
              <li key={revision.replacedAt} className="rounded bg-slate-50 p-2">
                <p className="whitespace-pre-wrap break-words">{revision.body}</p>
                <p className="text-slate-600">
                  Replaced on <time dateTime={revision.replacedAt}>{formatDateTime(revision.replacedAt)}</time>
                </p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {canChange && mode === 'read' && (
        <div className="flex gap-4">
          <button ref={editButton} type="button" className={smallButton} onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" className={smallButton} onClick={() => setMode('confirm-retract')}>
            Retract
          </button>
        </div>
      )}
      {canChange && mode === 'confirm-retract' && <RetractConfirm packageId={packageId} threadId={threadId} messageId={message.id} onDone={back} />}
    </li>
  );
}

function EditForm({ packageId, threadId, message, onDone }: { packageId: string; threadId: string; message: ThreadMessage; onDone: () => void }) {
  const [body, setBody] = useState(message.body);
  const [checkError, setCheckError] = useState<string>();
  const editing = useEditMessage();
  const { byField, general } = splitProblem(editing.error, { body: '/body' });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (editing.isPending) return;
    const problem = checkMessage(body) ?? (body.trim() === message.body ? 'The text is unchanged.' : undefined);
    setCheckError(problem);
    if (problem) return;
    editing.mutate({ packageId, threadId, messageId: message.id, body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <MessageTextField label="Edit your message" value={body} onChange={setBody} error={checkError ?? byField.body} />
      <p className="text-sm text-slate-600">Your earlier text stays visible in this message’s history.</p>
      {general && (
        <p role="alert" className="text-red-800">
          {general}
        </p>
      )}
      <div className="flex gap-3">
        <button type="submit" className={buttonClasses.primary}>
          {editing.isPending ? 'Saving…' : 'Save edit'}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function RetractConfirm({ packageId, threadId, messageId, onDone }: { packageId: string; threadId: string; messageId: string; onDone: () => void }) {
  const retracting = useRetractMessage();
  return (
    <div role="group" aria-label="Confirm retraction" className="space-y-2 rounded-md border border-amber-600 bg-amber-50 p-3">
      <p>Retract this message? It will show as retracted to everyone; this cannot be undone. Its text stays in the audit trail.</p>
      {retracting.error && (
        <p role="alert" className="text-red-800">
          {describeError(retracting.error)}
        </p>
      )}
      <div className="flex gap-3">
        <button
          type="button"
          // The confirmation is where focus belongs: the button that asked for it is gone.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          className={buttonClasses.primary}
          onClick={() => {
            if (retracting.isPending) return;
            // Once retracted this confirmation is gone: keep the reader on the thread.
            retracting
              .mutateAsync({ packageId, threadId, messageId })
              .then(() => document.getElementById(threadAnchor(threadId))?.focus())
              .catch(() => undefined);
          }}
        >
          {retracting.isPending ? 'Retracting…' : 'Retract message'}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onDone}>
          Keep it
        </button>
      </div>
    </div>
  );
}
