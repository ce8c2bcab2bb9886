import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { buttonClasses } from '#src/components/ui/button.ts';
import { formatDateTime } from '#src/lib/format.ts';

interface Props {
  baseVersion: number;
  restoredAt: string | null;
  pristine: boolean;
  onDiscard: () => void;
}

/** Where the draft is kept, that it came back after a reload, and the way to start over. */
export function DraftBar({ baseVersion, restoredAt, pristine, onDiscard }: Props) {
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
        Your draft is kept in this browser tab until you submit it or discard it.
      </p>
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
