import { useId, type Ref } from 'react';
import type { FieldErrors } from '../field-errors.ts';
import { fieldId } from '../field-errors.ts';

interface Props {
  ref: Ref<HTMLDivElement>;
  title: string;
  /** What the server said about the request as a whole, if it said anything. */
  detail: string | null;
  errors: FieldErrors;
  describe: (pointer: string) => string;
  onGo: (pointer: string) => void;
}

/**
 * Every problem, each a link to the field it is about (or to what contains it, when no
 * field shows it): the page's first stop after a refused check or submission.
 */
export function ErrorSummary({ ref, title, detail, errors, describe, onGo }: Props) {
  const titleId = useId();
  const entries = Object.entries(errors);
  return (
    <div ref={ref} role="alert" aria-labelledby={titleId} tabIndex={-1} className="space-y-2 rounded-md border-l-4 border-red-700 bg-white p-4 shadow-sm">
      <h2 id={titleId} className="text-lg font-bold text-red-900">
        {title}
      </h2>
      {detail && <p className="text-slate-700">{detail}</p>}
      {entries.length > 0 && (
        <ul className="list-disc space-y-1 pl-5">
          {entries.map(([pointer, message]) => (
            <li key={pointer}>
              <a
                href={`#${fieldId(pointer)}`}
                onClick={(event) => {
                  event.preventDefault();
                  onGo(pointer);
                }}
                className="text-red-900 underline"
              >
                {describe(pointer)}: {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
