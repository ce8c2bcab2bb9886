import type { Ref } from 'react';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import { recordOutcome, recordOutcomeHeadlines, type RecordOutcome, type RecordVerification } from '#domain/evidence/verify-record.ts';
import { formatUtc } from '#src/lib/format.ts';

interface Props {
  fileName: string;
  verification: RecordVerification;
  /** The heading, focused when a new verdict appears. */
  ref: Ref<HTMLHeadingElement>;
}

const tones: Record<RecordOutcome, { box: string; text: string }> = {
  valid: { box: 'border-emerald-700 bg-emerald-50', text: 'text-emerald-900' },
  demonstration: { box: 'border-amber-700 bg-amber-50', text: 'text-amber-950' },
  unpinned: { box: 'border-amber-700 bg-amber-50', text: 'text-amber-950' },
  invalid: { box: 'border-red-700 bg-red-50', text: 'text-red-800' },
};

/**
 * The verdict on one file: VALID (signed by the key the reader pinned), CONSISTENT BUT
 * UNPINNED (every check passed against the key the file carries), INVALID or DEMONSTRATION
 * DATA (seeded demo decisions, never evidence), what the record is about, and every check.
 */
export function VerifyReport({ fileName, verification, ref }: Props) {
  const { checks, record } = verification;
  const outcome = recordOutcome(verification);
  const failed = checks.filter((check) => !check.ok).length;
  const tone = tones[outcome];
  return (
    <section aria-labelledby="verify-result" className={`space-y-4 rounded-md border-l-4 p-5 ${tone.box}`}>
      <h2 id="verify-result" ref={ref} tabIndex={-1} className="text-2xl font-bold">
        <span className={tone.text}>
          <span aria-hidden="true">{outcome === 'valid' ? '✓ ' : outcome === 'unpinned' ? '! ' : '✗ '}</span>
          {recordOutcomeHeadlines[outcome]}
        </span>{' '}
        <span className="text-lg font-normal">
          — {fileName}: {failed === 0 ? `all ${checks.length} checks passed` : `${failed} of ${checks.length} checks failed`}
        </span>
      </h2>
      {outcome === 'unpinned' && (
        <p className="text-amber-950">
          Every check passed against the server key the file itself carries, so the file is consistent, but it does not show who signed it: anyone can make such a file with a key of
          their own. Paste the server’s public key or fingerprint, obtained from the deployment you trust, and choose the file again.
        </p>
      )}
      {failed > 0 && (
        <ul aria-label="What failed" className="list-disc space-y-1 pl-5 text-red-950">
          {checks
            .filter((check) => !check.ok)
            .map((check, index) => (
              <li key={`${check.label}:${index}`}>
                <span className="font-semibold">{check.label}:</span> {check.detail}
              </li>
            ))}
        </ul>
      )}
      {record && (
        <DefinitionList layout="aligned">
          <Definition term="Model">
            {record.package.modelName} <span className="font-mono text-sm">({record.package.modelKey})</span>
          </Definition>
          <Definition term="Version" className="font-mono">{record.package.versionLabel}</Definition>
          <Definition term="Exported">
            <time dateTime={record.exportedAt}>{formatUtc(record.exportedAt)}</time> by {record.exportedBy.displayName}
          </Definition>
        </DefinitionList>
      )}
      <ul aria-label="Checks" className="space-y-2">
        {checks.map((check, index) => (
          <li key={`${check.label}:${index}`} className="flex gap-2">
            <span aria-hidden="true" className={`font-bold ${check.ok ? 'text-emerald-800' : 'text-red-800'}`}>
              {check.ok ? '✓' : '✗'}
            </span>
            <span className="min-w-0">
              <span className="sr-only">{check.ok ? 'Passed: ' : 'Failed: '}</span>
              <span className="font-semibold">{check.label}</span>
              <span className="block break-words text-sm text-slate-800">{check.detail}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
