import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { None } from '#src/components/ui/none.tsx';
import { SectionNotes } from './section-notes.tsx';

type Risk = SectionOfKind<'risk_register'>['risks'][number];
type Residual = Risk['residualRisk'];

const likelihoodLabels: Record<Risk['likelihood'], string> = {
  rare: 'Rare',
  unlikely: 'Unlikely',
  possible: 'Possible',
  likely: 'Likely',
  almost_certain: 'Almost certain',
};

const impactLabels: Record<Risk['impact'], string> = {
  negligible: 'Negligible',
  minor: 'Minor',
  moderate: 'Moderate',
  major: 'Major',
  severe: 'Severe',
};

const residualLooks: Record<Residual, { label: string; tone: string }> = {
  critical: { label: 'Critical', tone: 'border-red-800 bg-red-800 text-white' },
  high: { label: 'High', tone: 'border-red-300 bg-red-50 text-red-900' },
  medium: { label: 'Medium', tone: 'border-amber-400 bg-amber-50 text-amber-900' },
  low: { label: 'Low', tone: 'border-emerald-300 bg-emerald-50 text-emerald-900' },
};

// Most severe first, for the count above the table.
const residualOrder: readonly Residual[] = ['critical', 'high', 'medium', 'low'];

/** The word carries the level; the tint only helps scanning. */
function ResidualBadge({ level }: { level: Residual }) {
  const look = residualLooks[level];
  return <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-sm font-semibold ${look.tone}`}>{look.label}</span>;
}

/** "Residual risk: 1 high, 2 medium, 3 low." */
function residualCounts(risks: readonly Risk[]): string {
  const parts = residualOrder
    .map((level) => [level, risks.filter((risk) => risk.residualRisk === level).length] as const)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${level}`);
  return `${risks.length === 1 ? '1 risk' : `${risks.length} risks`}; residual risk: ${parts.join(', ')}.`;
}

const columns: readonly Column<Risk>[] = [
  {
    header: 'Risk',
    headerClassName: 'w-[30%]',
    className: 'font-normal',
    cell: (risk) => (
      <>
        <span className="font-semibold">{risk.title}</span>
        {risk.description && <span className="mt-1 block text-sm text-slate-700">{risk.description}</span>}
      </>
    ),
  },
  { header: 'Likelihood', cell: (risk) => likelihoodLabels[risk.likelihood] },
  { header: 'Impact', cell: (risk) => impactLabels[risk.impact] },
  {
    header: 'Controls',
    headerClassName: 'w-[30%]',
    className: 'text-sm',
    cell: (risk) =>
      risk.controls.length === 0 ? (
        <None />
      ) : (
        <ul className="list-disc space-y-1 pl-4">
          {risk.controls.map((control, index) => (
            // Free text may repeat; the position keeps keys unique.
            <li key={`${index}:${control}`}>{control}</li>
          ))}
        </ul>
      ),
  },
  { header: 'Residual risk', cell: (risk) => <ResidualBadge level={risk.residualRisk} /> },
  { header: 'Owner', className: 'text-sm', cell: (risk) => risk.owner },
];

/** Each risk with its likelihood, impact, controls, residual risk and owner. */
export function RiskRegisterSection({ section }: { section: SectionOfKind<'risk_register'> }) {
  return (
    <div className="space-y-4">
      <p>{residualCounts(section.risks)}</p>
      <DataTable look="section" caption={`${section.title}: the risk register`} columns={columns} rows={section.risks} rowKey={(risk) => risk.key} />
      <SectionNotes sectionKey={section.key} notes={section.notes} />
    </div>
  );
}
