import type { Ref } from 'react';
import { Definition, DefinitionList } from '#src/components/ui/definition-list.tsx';
import type { RecordVerification } from '#domain/evidence/verify-record.ts';
import { formatUtc } from '#src/lib/format.ts';

interface Props {
  fileName: string;
  verification: RecordVerification;
  /** The heading, focused when a new verdict appears. */
  ref: Ref<HTMLHeadingElement>;
}

/**
 * The verdict on one file: VALID, INVALID or DEMONSTRATION DATA (seeded demo decisions, never
 * evidence), what the record is about, and every check with ✓ or ✗.
 */
export function VerifyReport({ fileName, verification, ref }: Props) {
  const { valid, demonstration, checks, record } = verification;
  const failed = checks.filter((check) => !check.ok).length;
  const tone = valid ? 'border-emerald-700 bg-emerald-50' : demonstration ? 'border-amber-700 bg-amber-50' : 'border-red-700 bg-red-50';
  return (
    <section aria-labelledby="verify-result" className={`space-y-4 rounded-md border-l-4 p-5 ${tone}`}>
      <h2 id="verify-result" ref={ref} tabIndex={-1} className="text-2xl font-bold">
        <span className={valid ? 'text-emerald-900' : demonstration ? 'text-amber-950' : 'text-red-800'}>
          <span aria-hidden="true">{valid ? '✓ ' : '✗ '}</span>
          {valid ? 'VALID' : demonstration ? 'DEMONSTRATION DATA, not evidence' : 'INVALID'}
        </span>{' '}
        <span className="text-lg font-normal">
          — {fileName}: {valid ? `all ${checks.length} checks passed` : `${failed} of ${checks.length} checks failed`}
        </span>
      </h2>
      {!valid && (
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
