import type { RecordCheck } from '#domain/contracts/record.ts';
import { CheckMark } from './check-mark.tsx';

/**
 * The verifier's verdict on the whole record, checked in this browser: VALID, or INVALID
 * with every failed check said at once, then every check for whoever wants the detail.
 * A record holding seeded demo decisions says so first: it is never evidence.
 */
export function RecordVerdict({ valid, demonstration, checks }: { valid: boolean; demonstration: boolean; checks: readonly RecordCheck[] }) {
  const failed = checks.filter((check) => !check.ok);
  const tone = valid ? 'border-emerald-700 bg-emerald-50' : demonstration ? 'border-amber-700 bg-amber-50' : 'border-red-700 bg-red-50';
  return (
    <section aria-labelledby="verdict-heading" className={`record-verdict space-y-3 rounded-md border-l-4 p-4 ${tone}`}>
      <h2 id="verdict-heading" className="text-xl font-bold">
        {demonstration ? <span className="font-semibold text-amber-950">DEMONSTRATION DATA, not evidence</span> : <CheckMark ok={valid} />}
        <span className="font-normal">
          {valid ? ` — all ${checks.length} checks passed in this browser` : ` — ${failed.length} of ${checks.length} checks failed`}
        </span>
      </h2>
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
