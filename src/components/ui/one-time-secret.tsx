import { useState, type ReactNode } from 'react';
import { buttonClasses } from './button.ts';

type CopyState = 'idle' | 'copied' | 'failed';

interface Props {
  headingId: string;
  heading: string;
  /** What the secret is, in a word or two: "token", "secret". */
  noun: string;
  /** The accessible name of the secret's text. */
  secretLabel: string;
  secret: string;
  /** Where to keep it and what it does, after "You will not see it again." */
  children: ReactNode;
  onDone: () => void;
}

/**
 * A secret the server shows once (it keeps only a hash, or never returns it again): the one
 * chance to copy it. Dismissing it forgets it in the browser too.
 */
export function OneTimeSecret({ headingId, heading, noun, secretLabel, secret, children, onDone }: Props) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = () => {
    navigator.clipboard.writeText(secret).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id={headingId} className="text-xl font-bold">
        {heading}
      </h2>
      <p>
        <strong>You will not see it again.</strong> {children}
      </p>
      <p>
        <code aria-label={secretLabel} className="block break-all rounded border border-slate-300 bg-white p-2 font-mono">
          {secret}
        </code>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClasses.primary} onClick={copy}>
          Copy the {noun}
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onDone}>
          I have stored it
        </button>
        <span role="status" className="text-slate-700">
          {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? `Could not copy: select the ${noun} and copy it yourself.` : ''}
        </span>
      </div>
    </section>
  );
}
