import { sectionKindLabels } from '#domain/contracts/sections.ts';
import type { SectionDiff } from '#domain/diff/types.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { DiffStatusBadge } from './diff-status-badge.tsx';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Props {
  section: SectionDiff;
  expanded: boolean;
  onToggle: (key: string) => void;
}

/** A section's heading line: its status, how much changed, threshold flips, and how coarsely it was compared. */
export function SectionHead({ section, expanded, onToggle }: Props) {
  const unchanged = section.status === 'unchanged';
  return (
    <div className={`flex flex-wrap items-center gap-3 border-t-2 pt-3 ${unchanged ? 'border-slate-200' : 'border-slate-500'}`}>
      <h3 className={unchanged ? 'text-base font-semibold text-slate-700' : 'text-lg font-bold'}>{section.title}</h3>
      <span className="text-sm text-slate-600">{sectionKindLabels[section.kind]}</span>
      <DiffStatusBadge status={section.status} />
      {section.kindBefore && <span className="text-sm text-amber-900">was {sectionKindLabels[section.kindBefore]}</span>}
      {section.status === 'modified' && <span className="text-sm text-slate-700">{plural(section.changes, 'change', 'changes')}</span>}
      {section.flips.toPass > 0 && <span className="text-sm font-semibold text-green-800">{plural(section.flips.toPass, 'threshold now passes', 'thresholds now pass')}</span>}
      {section.flips.toFail > 0 && <span className="text-sm font-semibold text-red-800">{plural(section.flips.toFail, 'threshold now fails', 'thresholds now fail')}</span>}
      {unchanged && (
        <button type="button" className={`${buttonClasses.secondary} px-2 py-0.5 text-sm`} aria-expanded={expanded} onClick={() => onToggle(section.key)}>
          {expanded ? 'Hide' : 'Show'} <span className="sr-only">{section.title}</span>
        </button>
      )}
      {section.coarse && (
        <p className="basis-full rounded border border-amber-600 bg-amber-50 px-2 py-1 text-sm text-amber-950">
          Part of this section changed too much to compare word by word in reasonable time; it is compared line by line, or as a whole, instead.
        </p>
      )}
    </div>
  );
}
