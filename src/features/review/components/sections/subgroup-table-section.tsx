import { ScrollFrame } from '#src/components/ui/scroll-frame.tsx';
import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { None } from '#src/components/ui/none.tsx';
import { describeThresholdWithUnit, formatCount, formatMeasure } from './measure.ts';
import { ResultMark } from './result-mark.tsx';
import { SectionNotes } from './section-notes.tsx';
import { describeRowFailure, groupByAttribute, rowFlag, subgroupResults } from './subgroup-results.ts';
import { tableClasses as t } from './table-classes.ts';
import { VerdictSummary } from './verdict-summary.tsx';

/** Subgroups (rows) by metrics (columns); a row that misses any threshold is flagged. */
export function SubgroupTableSection({ section }: { section: SectionOfKind<'subgroup_table'> }) {
  const results = subgroupResults(section);
  const failing = results.filter((result) => result.failing.length > 0);
  const columns = section.metrics.length + 3;
  return (
    <div className="space-y-4">
      {section.referenceGroup && (
        <p>
          <span className="font-semibold">Reference group:</span> {section.referenceGroup}
        </p>
      )}
      <VerdictSummary passes={failing.length === 0}>
        {failing.length === 0 ? (
          <p className="font-semibold">
            {results.length === 1 ? 'The subgroup meets every threshold.' : `All ${results.length} subgroups meet every threshold.`}
          </p>
        ) : failing.length === 1 && failing[0] ? (
          <p>
            <span className="font-semibold">1 subgroup fails:</span> {describeRowFailure(failing[0])}
          </p>
        ) : (
          <>
            <p className="font-semibold">
              {failing.length} subgroups fail (of {results.length}):
            </p>
            <ul className="list-disc space-y-1 pl-6">
              {failing.map((result) => (
                <li key={result.row.key}>{describeRowFailure(result)}</li>
              ))}
            </ul>
          </>
        )}
      </VerdictSummary>
      <ScrollFrame className={t.frame} label={`${section.title}: subgroups`}>
        <table className={t.table}>
          <caption className="sr-only">{section.title}: each subgroup against each metric's threshold</caption>
          <thead className={t.head}>
            <tr>
              <th scope="col" className={t.th}>Subgroup</th>
              <th scope="col" className={`${t.th} text-right`}>Sample size</th>
              {section.metrics.map((metric) => (
                <th key={metric.key} scope="col" className={t.th}>
                  {metric.name}
                  <span className="block font-normal">Threshold: {describeThresholdWithUnit(metric.threshold)}</span>
                </th>
              ))}
              <th scope="col" className={t.th}>Result</th>
            </tr>
          </thead>
          {groupByAttribute(results).map(([attribute, rows]) => (
            <tbody key={attribute} className={t.body}>
              <tr className="border-t-2 border-slate-300 bg-slate-50">
                <th scope="rowgroup" colSpan={columns} className={`${t.td} text-sm font-semibold text-slate-700`}>
                  {attribute}
                </th>
              </tr>
              {rows.map((result) => {
                const passes = result.failing.length === 0;
                return (
                  <tr key={result.row.key} className={passes ? undefined : t.failingRow}>
                    <th scope="row" className={`${t.td} ${t.edge(passes)} font-semibold`}>
                      {result.row.group}
                    </th>
                    <td className={`${t.td} text-right font-mono`}>{formatCount(result.row.sampleSize)}</td>
                    {result.cells.map((cell) => (
                      <td key={cell.metric.key} className={t.td}>
                        {cell.value === undefined ? (
                          <None />
                        ) : (
                          <span className="flex flex-wrap items-baseline gap-x-2">
                            <span className="font-mono">{formatMeasure(cell.value)}</span>
                            <span className="text-sm">
                              <ResultMark passes={cell.passes} />
                            </span>
                          </span>
                        )}
                      </td>
                    ))}
                    <td className={`${t.td} ${passes ? 'text-slate-700' : 'font-bold text-red-800'}`}>
                      <span aria-hidden="true">{passes ? '✓ ' : '✕ '}</span>
                      {rowFlag(result.failing)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </ScrollFrame>
      <SectionNotes sectionKey={section.key} notes={section.notes} />
    </div>
  );
}
