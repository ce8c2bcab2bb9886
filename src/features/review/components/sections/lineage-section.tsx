import type { ReactNode } from 'react';
import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { DefinitionList, type Fact } from '#src/components/ui/definition-list.tsx';
import { None } from '#src/components/ui/none.tsx';
import { formatCount } from './measure.ts';
import { sectionAnchor } from './section-anchor.ts';
import { SectionNotes } from './section-notes.tsx';

type Dataset = SectionOfKind<'lineage'>['datasets'][number];

/** Each dataset with its version, location, authorization and what it was derived from. */
export function LineageSection({ section }: { section: SectionOfKind<'lineage'> }) {
  const anchorOf = (datasetKey: string) => `${sectionAnchor(section.key)}-dataset-${datasetKey}`;
  const byKey = new Map(section.datasets.map((dataset) => [dataset.key, dataset]));

  const derivedFrom = (dataset: Dataset): ReactNode => {
    if (dataset.derivedFrom.length === 0) return 'Not derived: a source dataset';
    return (
      <ul className="list-disc space-y-1 pl-6">
        {dataset.derivedFrom.map((key) => {
          const source = byKey.get(key);
          return (
            <li key={key}>
              {source ? (
                <a href={`#${anchorOf(key)}`}>{source.name}</a>
              ) : (
                <>
                  <span className="font-mono text-sm">{key}</span> (not listed in this section)
                </>
              )}
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <div className="space-y-4">
      <ul className="space-y-4">
        {section.datasets.map((dataset) => {
          const facts: Fact[] = [
            ['Version', <span key="version" className="font-mono text-sm">{dataset.version}</span>],
            ['Location', <code key="location" className="break-all font-mono text-sm">{dataset.location}</code>],
            ['Rows', dataset.rows === undefined ? <None key="rows" /> : formatCount(dataset.rows)],
            ['Period', dataset.period ?? <None key="period" />],
            ['Authorization', dataset.authorization],
            [
              'Sensitive attributes',
              dataset.sensitiveAttributes.length === 0 ? (
                'None declared'
              ) : (
                <ul key="sensitive" className="list-disc space-y-1 pl-6">
                  {dataset.sensitiveAttributes.map((attribute, index) => (
                    // Free text may repeat; the position keeps keys unique.
                    <li key={`${index}:${attribute}`}>{attribute}</li>
                  ))}
                </ul>
              ),
            ],
            ['Derived from', derivedFrom(dataset)],
          ];
          return (
            <li key={dataset.key} id={anchorOf(dataset.key)} className="scroll-mt-4 space-y-3 rounded-md border border-slate-200 p-4">
              <h3 className="text-lg font-semibold">{dataset.name}</h3>
              {dataset.description && <p className="text-slate-700">{dataset.description}</p>}
              <DefinitionList layout="aligned" facts={facts} />
            </li>
          );
        })}
      </ul>
      <SectionNotes sectionKey={section.key} notes={section.notes} />
    </div>
  );
}
