import type { BusinessLine } from '#domain/contracts/business-lines.ts';
import { useCatalogueProposes } from '#src/lib/catalogue-proposes.ts';
import { ConfirmStep } from '#src/components/ui/confirm-step.tsx';
import { ProposedNotice } from '#src/components/ui/proposed-notice.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useRetireBusinessLine } from '../api/change-business-lines.ts';

/** The organisation's lines, in use first; each line in use can be retired (confirmed first). */
export function BusinessLineList({ lines }: { lines: readonly BusinessLine[] }) {
  const retiring = useRetireBusinessLine();
  const proposes = useCatalogueProposes();
  if (lines.length === 0) return <p className="rounded-md border border-slate-200 bg-white p-4">No business line is listed yet: no package can be submitted until one is.</p>;
  const ordered = [...lines.filter((l) => l.retiredAt === null), ...lines.filter((l) => l.retiredAt !== null)];
  return (
    <>
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
        {ordered.map((line) => (
          <li key={line.key} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <h3 className="font-semibold">{line.label}</h3>
              <p className="text-sm text-slate-600">
                {line.retiredAt === null ? (
                  'In use'
                ) : (
                  <>
                    Retired <time dateTime={line.retiredAt}>{formatDateTime(line.retiredAt)}</time>: packages filed under it keep it
                  </>
                )}
              </p>
            </div>
            {line.retiredAt === null && (
              <ConfirmStep
                action={proposes ? 'Propose retiring' : 'Retire'}
                actionLabel={proposes ? `Propose retiring ${line.label}` : `Retire ${line.label}`}
                label={`Confirm retiring ${line.label}`}
                confirm={proposes ? 'Propose retiring the business line' : 'Retire business line'}
                cancel="Cancel"
                onConfirm={(done) => retiring.mutate(line.key, { onSettled: done })}
              >
                Retire it? No new package, policy or template may name it; what names it keeps it.{proposes && ' It is retired once another administrator approves it on Catalogue proposals.'}
              </ConfirmStep>
            )}
          </li>
        ))}
      </ul>
      {retiring.data?.proposed && <ProposedNotice />}
      {retiring.error && (
        <p role="alert" className="text-red-800">
          {describeError(retiring.error)}
        </p>
      )}
    </>
  );
}
