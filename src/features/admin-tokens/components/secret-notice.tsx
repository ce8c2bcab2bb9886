import { useState } from 'react';
import { buttonClasses } from '../../../components/ui/button.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The new token's secret, shown once: the server keeps only its hash, so this is the one
 * chance to copy it. Dismissing it forgets it in the browser too.
 */
export function SecretNotice({ name, modelKey, secret, onDone }: { name: string; modelKey: string; secret: string; onDone: () => void }) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = () => {
    navigator.clipboard.writeText(secret).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <section aria-labelledby="secret-heading" className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id="secret-heading" className="text-xl font-bold">
        Copy the token “{name}” now
      </h2>
      <p>
        <strong>You will not see it again.</strong> Store it in your pipeline’s secret store as <code className="font-mono">MODEL_APPROVAL_TOKEN</code>; it submits packages for{' '}
        <code className="font-mono">{modelKey}</code> as the model’s owner. If it is lost, revoke it and create another.
      </p>
      <p>
        <code aria-label="The token's secret" className="block break-all rounded border border-slate-300 bg-white p-2 font-mono">
          {secret}
        </code>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClasses.primary} onClick={copy}>
          Copy the token
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onDone}>
          I have stored it
        </button>
        <span role="status" className="text-slate-700">
          {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'Could not copy: select the token and copy it yourself.' : ''}
        </span>
      </div>
    </section>
  );
}
