import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { buttonClasses } from '#src/components/ui/button.ts';
import { auditKeys } from '../api/audit-keys.ts';
import { useAuditVerdict } from '../api/verify-audit.ts';
import { useIntegrityCheck } from '../integrity/use-integrity-check.ts';
import { IntegrityResultView } from './integrity-result.tsx';
import { ServerVerdict } from './server-verdict.tsx';
import { routes } from '#api/routes.ts';

const wholeLogPath = `${routes.streamAuditChain.path}?afterSeq=0`;

/**
 * The integrity check of the whole log, run in this browser (a worker reads every entry and
 * recomputes every hash, the Merkle root and the tree head's signature), with the server's
 * own verdict beside it. Only the browser's needs no trust in the server.
 */
export function IntegrityPanel() {
  const { run, start } = useIntegrityCheck();
  const [asked, setAsked] = useState(false);
  const verdict = useAuditVerdict(asked);
  const queryClient = useQueryClient();
  // The server is asked once the browser's check is done: where both share a machine's cores
  // (a laptop, the demo), its re-verification of a large log would delay the browser's.
  const check = (everyEntry: boolean) => {
    // A verdict still being read is dropped first: the server stops reading when its request
    // is gone (docs/decisions/0224), instead of sharing its turns with this check's requests.
    void queryClient.cancelQueries({ queryKey: auditKeys.verdict() });
    start({
      everyEntry,
      settled: () => {
        if (asked) void verdict.refetch();
        else setAsked(true);
      },
    });
  };
  return (
    <section aria-labelledby="integrity-heading" className="space-y-4 rounded-md border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="space-y-1">
          <h2 id="integrity-heading" className="text-xl font-semibold">
            Integrity of the whole log
          </h2>
          <p className="max-w-prose text-sm text-slate-700">
            Your browser reads every entry, recomputes its hash and its link to the one before, rebuilds the Merkle tree, and checks the server’s signed tree head and that the log still extends the last one you checked. Once it has checked the log, it reads only the entries added since, with the server’s proof that the log only grew; <em>Check every entry</em> reads them all again.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonClasses.primary} onClick={() => check(false)} disabled={run.state === 'running'}>
            {run.state === 'running' ? 'Checking…' : 'Check integrity'}
          </button>
          <button type="button" className={buttonClasses.secondary} onClick={() => check(true)} disabled={run.state === 'running'}>
            Check every entry
          </button>
          {/* The same bytes the check reads, for an auditor's own tools and `npm run verify -- --log`:
              a single sign-on account has no password to fetch them with from a command line. */}
          <a href={wholeLogPath} download="audit-log.ndjson" className={buttonClasses.secondary}>
            Download the log (NDJSON)
          </a>
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <div role="status" aria-live="polite" className="space-y-2">
          <h3 className="font-semibold">In your browser</h3>
          <IntegrityResultView run={run} />
        </div>
        <div role="status" aria-live="polite" className="space-y-2">
          <h3 className="font-semibold">The server’s verdict</h3>
          <ServerVerdict verdict={verdict} />
        </div>
      </div>
    </section>
  );
}
