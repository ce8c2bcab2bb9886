import { useState, type SubmitEvent } from 'react';
import type { VersionSummary } from '#domain/contracts/packages.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import type { DiffChoice, DiffMode } from '../diff-choice.ts';

interface Props {
  versions: readonly VersionSummary[];
  choice: DiffChoice;
  onCompare: (next: Pick<DiffChoice, 'from' | 'to' | 'mode'>) => void;
}

/**
 * Which two versions to compare, and how to show them. The versions apply on "Compare" (so
 * moving through a closed list with the arrow keys does not start a comparison per step);
 * the mode applies at once, as it changes only the presentation.
 */
export function VersionForm({ versions, choice, onCompare }: Props) {
  const [from, setFrom] = useState(choice.from);
  const [to, setTo] = useState(choice.to);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onCompare({ from, to, mode: choice.mode });
  };
  const setMode = (mode: DiffMode) => onCompare({ from: choice.from, to: choice.to, mode });
  const options = versions.map((version) => (
    <option key={version.number} value={version.number}>
      Version {version.number}
    </option>
  ));
  return (
    <div className="flex flex-wrap items-end gap-6">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Versions to compare">
        <div className="flex flex-col">
          <label htmlFor="diff-from" className="text-sm font-semibold">
            From
          </label>
          <select id="diff-from" value={from} onChange={(event) => setFrom(Number(event.target.value))} className="rounded border border-slate-400 px-2 py-1">
            {options}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor="diff-to" className="text-sm font-semibold">
            To
          </label>
          <select id="diff-to" value={to} onChange={(event) => setTo(Number(event.target.value))} className="rounded border border-slate-400 px-2 py-1">
            {options}
          </select>
        </div>
        <button type="submit" className={buttonClasses.secondary} disabled={from === to}>
          Compare
        </button>
        {from === to && <p className="text-sm text-slate-700">Choose two different versions.</p>}
      </form>
      <div role="group" aria-label="Layout" className="flex gap-1">
        {(['unified', 'side-by-side'] as const).map((mode) => (
          <button key={mode} type="button" aria-pressed={choice.mode === mode} onClick={() => setMode(mode)} className={`rounded border px-3 py-1 text-sm font-semibold ${choice.mode === mode ? 'border-blue-800 bg-blue-800 text-white' : 'border-slate-400 bg-white text-slate-900 hover:bg-slate-100'}`}>
            {mode === 'unified' ? 'Unified' : 'Side by side'}
          </button>
        ))}
      </div>
    </div>
  );
}
