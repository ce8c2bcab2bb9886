import type { RefObject } from 'react';
import type { FieldProblem } from '#domain/contracts/problem.ts';
import { describeError } from '#src/lib/describe-error.ts';

interface Props {
  /** Focused after a refusal, so the summary is what a screen reader hears next. */
  summaryRef: RefObject<HTMLDivElement | null>;
  /** The request's error, if it failed (nothing is shown otherwise). */
  error: unknown;
  /** What did not happen ("The policy was not published."). */
  title: string;
  /** The server's problems: each is also shown at its field. */
  errors: readonly FieldProblem[];
}

/** Above a form: that it was refused, and each problem (or the error) in a list. */
export function FormFailureSummary({ summaryRef, error, title, errors }: Props) {
  return (
    <div ref={summaryRef} tabIndex={-1} aria-live="polite">
      {error !== null && error !== undefined && (
        <div role="alert" className="space-y-2 rounded-md border-l-4 border-red-700 bg-white p-4">
          <p className="font-semibold text-red-900">{title}</p>
          {errors.length > 0 ? (
            <ul className="list-disc pl-6">
              {errors.map((e) => (
                <li key={`${e.pointer}-${e.message}`}>{e.message}</li>
              ))}
            </ul>
          ) : (
            <p>{describeError(error)}</p>
          )}
        </div>
      )}
    </div>
  );
}
