import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A SHA-256 shown short (enough to compare by eye) with a button that copies all of it;
 * on paper the whole hash is printed, since nobody can copy from a page.
 */
export function HashValue({ hash, label }: { hash: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const copy = () => {
    navigator.clipboard.writeText(hash).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <code className="font-mono print:hidden" title={hash}>
        {hash.slice(0, 16)}…
      </code>
      <code className="hidden break-all font-mono print:inline">{hash}</code>
      <button type="button" onClick={copy} className="text-sm font-semibold text-blue-800 underline underline-offset-2 hover:text-blue-950 print:hidden" aria-label={`Copy the full ${label}`}>
        Copy
      </button>
      <span role="status" className="text-sm text-slate-700 print:hidden">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy: select the hash from the downloaded record' : ''}
      </span>
    </span>
  );
}
