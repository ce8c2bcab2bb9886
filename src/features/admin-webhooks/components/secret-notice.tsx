import { useState } from 'react';
import { buttonClasses } from '../../../components/ui/button.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/** The new endpoint's signing secret, shown once: dismissing it forgets it in the browser too. */
export function SecretNotice({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = () => {
    navigator.clipboard.writeText(secret).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <section aria-labelledby="webhook-secret-heading" className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id="webhook-secret-heading" className="text-xl font-bold">
        Copy the signing secret now
      </h2>
      <p>
        <strong>You will not see it again.</strong> Give it to the receiver at <code className="break-all font-mono">{url}</code>: it checks the{' '}
        <code className="font-mono">webhook-signature</code> header of every request with it (Standard Webhooks, HMAC-SHA256).
      </p>
      <p>
        <code aria-label="The signing secret" className="block break-all rounded border border-slate-300 bg-white p-2 font-mono">
          {secret}
        </code>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClasses.primary} onClick={copy}>
          Copy the secret
        </button>
        <button type="button" className={buttonClasses.secondary} onClick={onDone}>
          I have stored it
        </button>
        <span role="status" className="text-slate-700">
          {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'Could not copy: select the secret and copy it yourself.' : ''}
        </span>
      </div>
    </section>
  );
}
