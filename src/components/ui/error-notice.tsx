import { buttonClasses } from './button.ts';
import { describeError } from '../../lib/describe-error.ts';

interface Props {
  title: string;
  error: unknown;
  onRetry: () => void;
  retrying?: boolean;
}

/** A failed load, said plainly, with the one thing to do about it. */
export function ErrorNotice({ title, error, onRetry, retrying = false }: Props) {
  return (
    <div role="alert" className="space-y-3 rounded-md border-l-4 border-red-700 bg-white p-4 shadow-sm">
      <p className="font-semibold text-red-900">{title}</p>
      <p className="text-slate-700">{describeError(error)}</p>
      <button type="button" className={buttonClasses.secondary} onClick={onRetry} disabled={retrying}>
        {retrying ? 'Trying again…' : 'Try again'}
      </button>
    </div>
  );
}
