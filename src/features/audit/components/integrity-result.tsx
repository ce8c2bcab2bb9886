import type { IntegrityResult } from '../integrity/integrity-protocol.ts';
import type { IntegrityRun } from '../integrity/use-integrity-check.ts';
import { formatUtc } from '../entry-summary.ts';
import { BreakList } from './break-list.tsx';

const numberFormat = new Intl.NumberFormat('en');
const short = (hash: string) => `${hash.slice(0, 12)}…`;

function Verdict({ result }: { result: IntegrityResult }) {
  const { head, resumed } = result;
  if (result.intact && resumed) {
    return (
      <p className="font-semibold text-green-800">
        <span aria-hidden="true">✓ </span>Intact: {numberFormat.format(result.size)} entries, root {result.rootHash ? short(result.rootHash) : '(empty log)'}.{' '}
        {resumed.checked === 0
          ? `Nothing was added since the checkpoint you verified (${numberFormat.format(resumed.fromSize)} entries): the server signed the same one again.`
          : `Only the ${numberFormat.format(resumed.checked)} ${resumed.checked === 1 ? 'entry' : 'entries'} added since the checkpoint you verified (${numberFormat.format(resumed.fromSize)} entries) ${resumed.checked === 1 ? 'was' : 'were'} read: the server proved the log extends it, and signed the new checkpoint.`}
      </p>
    );
  }
  if (result.intact && head) {
    return (
      <div className="space-y-1">
        <p className="font-semibold text-green-800">
          <span aria-hidden="true">✓ </span>Intact: {numberFormat.format(result.size)} entries, root {result.rootHash ? short(result.rootHash) : '(empty log)'}, tree head signed by key {head.keyId} at {formatUtc(head.timestamp)}.
        </p>
        {result.previous && (
          <p className="text-sm text-slate-700">
            The log still extends the tree head you verified on {formatUtc(result.previous.head.timestamp)} ({numberFormat.format(result.previous.head.treeSize)} entries).
          </p>
        )}
      </div>
    );
  }
  const firstEntry = result.breaks.find((item) => item.seq !== null);
  return (
    <div className="space-y-2">
      <p className="font-semibold text-red-800">
        <span aria-hidden="true">✕ </span>
        {firstEntry ? `Broken at entry #${firstEntry.seq ?? ''}: ${firstEntry.reason}` : `Broken: ${result.breaks[0]?.reason ?? 'the log does not verify'}`}
      </p>
      <p className="text-sm text-slate-700">
        {result.breakCount === 1 ? '1 problem' : `${numberFormat.format(result.breakCount)} problems`} in {numberFormat.format(result.size)} entries:
      </p>
      <BreakList breaks={result.breaks} total={result.breakCount} />
    </div>
  );
}

/** What the check in this browser found, or how far it has got. */
export function IntegrityResultView({ run }: { run: IntegrityRun }) {
  switch (run.state) {
    case 'idle':
      return <p className="text-slate-700">Not checked yet.</p>;
    case 'running':
      return (
        <p className="text-slate-700">
          {run.total === 0 ? 'Starting the check…' : `Checked ${numberFormat.format(run.checked)} of ${numberFormat.format(run.total)} entries…`}
        </p>
      );
    case 'failed':
      return <p className="font-semibold text-red-800">The check could not finish: {run.message}</p>;
    case 'done':
      return (
        <div className="space-y-2">
          <Verdict result={run.result} />
          {run.result.fullBecause && <p className="text-sm text-slate-700">The whole log was read: {run.result.fullBecause}.</p>}
          <p className="text-sm text-slate-600">
            Checked in {numberFormat.format(Math.round(run.result.timings.totalMs))} ms, of which {numberFormat.format(Math.round(run.result.timings.verifyMs))} ms recomputing hashes and checking signatures.
          </p>
        </div>
      );
  }
}
