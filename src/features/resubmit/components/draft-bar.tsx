import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { buttonClasses } from '#src/components/ui/button.ts';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import type { SaveState } from './use-resubmit-draft.ts';

interface Props {
  baseVersion: number;
  restoredAt: string | null;
  pristine: boolean;
  saveState: SaveState;
  onDiscard: () => void;
}

/** Where the server's copy stands, in words. */
function savedText(state: SaveState): string {
  if (state.kind === 'saving') return 'Saving…';
  if (state.kind === 'saved') return `Saved at ${formatDateTime(state.at)}.`;
  return '';
}

/** Where the draft is kept, that it came back after a reload, and the way to start over. */
export function DraftBar({ baseVersion, restoredAt, pristine, saveState, onDiscard }: Props) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  if (pristine && !restoredAt) return null;
  return (
    <div className="space-y-3 rounded-md border-l-4 border-blue-800 bg-blue-50 p-4">
      <p>
        {restoredAt ? (
          <>
            Restored your unsaved draft from <time dateTime={restoredAt}>{formatDateTime(restoredAt)}</time>.{' '}
          </>
        ) : null}
        Your draft is saved for you alone as you type: it opens in any tab or on any device where you sign in, until you submit it or discard it.{' '}
        <span role="status">{savedText(saveState)}</span>
      </p>
      {saveState.kind === 'failed' && (
        <p role="alert" className="border-l-4 border-red-700 pl-3 text-red-900">
          The draft could not be saved: {describeError(saveState.error)} Your changes are still here; they are saved again with your next change.
        </p>
      )}
      {asking ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="font-semibold">Discard every change and answer, and start again from version {baseVersion}?</p>
          <button
            ref={confirmRef}
            type="button"
            className={buttonClasses.primary}
            onClick={() => {
              setAsking(false);
              onDiscard();
            }}
          >
            Yes, discard the draft
          </button>
          <button
            type="button"
            className={buttonClasses.secondary}
            onClick={() => {
              flushSync(() => setAsking(false));
              discardRef.current?.focus();
            }}
          >
            Keep the draft
          </button>
        </div>
      ) : (
        <button
          ref={discardRef}
          type="button"
          className={buttonClasses.secondary}
          onClick={() => {
            flushSync(() => setAsking(true));
            confirmRef.current?.focus();
          }}
        >
          Discard draft
        </button>
      )}
    </div>
  );
}
