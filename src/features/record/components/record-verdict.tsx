import type { RecordVerdict as Verdict } from '#domain/contracts/record.ts';
import { recordOutcome, recordOutcomeHeadlines } from '#domain/evidence/verify-record.ts';
import { CheckMark } from './check-mark.tsx';

/**
 * The verifier's verdict on the whole record, checked in this browser against the keys this
 * same server publishes: VALID, or INVALID with every failed check said at once, then every
 * check for whoever wants the detail. It says plainly that the key came from this server, so
 * the verdict is no independent check (docs/decisions/0070). A record holding seeded demo
 * decisions says so first: it is never evidence.
 */
export function RecordVerdict({ verdict }: { verdict: Verdict }) {
  const { checks } = verdict;
  const outcome = recordOutcome(verdict);
  const failed = checks.filter((check) => !check.ok);
  const tone = outcome === 'valid' ? 'border-emerald-700 bg-emerald-50' : outcome === 'invalid' ? 'border-red-700 bg-red-50' : 'border-amber-700 bg-amber-50';
  return (
    <section aria-labelledby="verdict-heading" className={`record-verdict space-y-3 rounded-md border-l-4 p-4 ${tone}`}>
      <h2 id="verdict-heading" className="text-xl font-bold">
        {outcome === 'valid' || outcome === 'invalid' ? <CheckMark ok={outcome === 'valid'} /> : <span className="font-semibold text-amber-950">{recordOutcomeHeadlines[outcome]}</span>}
        <span className="font-normal">
          {failed.length === 0 ? ` — all ${checks.length} checks passed in this browser` : ` — ${failed.length} of ${checks.length} checks failed`}
        </span>
      </h2>
      <p className="text-sm text-slate-800">
        Checked against the public keys this server publishes (/api/keys): the same server that made the record. This shows the record is intact and signed by this server, not that
        the server is honest. For an independent check, download the record and verify it with the server’s key or fingerprint obtained elsewhere (the Verify page, or npm run verify).
      </p>
      {failed.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-red-950">
          {failed.map((check, index) => (
            <li key={`${check.label}:${index}`}>
              <span className="font-semibold">{check.label}:</span> {check.detail}
            </li>
          ))}
        </ul>
      )}
      <details className="print:hidden">
        <summary className="cursor-pointer font-semibold">Every check ({checks.length})</summary>
        <ul className="mt-2 space-y-1 text-sm">
          {checks.map((check, index) => (
            <li key={`${check.label}:${index}`}>
              <CheckMark ok={check.ok}>{check.ok ? 'Passed' : 'Failed'}</CheckMark> <span className="font-semibold">{check.label}</span>: <span className="break-words">{check.detail}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
