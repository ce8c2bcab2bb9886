import { modelTypeLabels, type SectionOfKind } from '#domain/contracts/sections.ts';
import { DefinitionList, type Fact } from '#src/components/ui/definition-list.tsx';
import { formatRiskTier } from '#src/lib/format.ts';
import { safeLinkUrl } from '#src/lib/safe-url.ts';
import { PackageMarkdown } from '#src/components/markdown/markdown.tsx';
import { sectionAnchor } from './section-anchor.ts';

/** Who and what this package is about, and what changed against the previous model version. */
export function IdentificationSection({ section }: { section: SectionOfKind<'identification'> }) {
  const mail = safeLinkUrl(`mailto:${section.ownerContact}`);
  const facts: Fact[] = [
    [
      'Model',
      <>
        {section.modelName} <span className="font-mono text-sm text-slate-700">({section.modelKey})</span>
      </>,
    ],
    ['Version', <span key="version" className="font-mono">{section.versionLabel}</span>],
    [
      'Owner',
      <>
        {section.ownerTeam}
        <span className="block">{mail ? <a href={mail}>{section.ownerContact}</a> : section.ownerContact}</span>
      </>,
    ],
    ['Risk tier', formatRiskTier(section.riskTier)],
    ['Business line', section.businessLine],
    ...(section.modelType ? [['Model type', modelTypeLabels[section.modelType]] satisfies Fact] : []),
  ];
  const changesId = `${sectionAnchor(section.key)}-changes`;
  return (
    <div className="space-y-6">
      <DefinitionList layout="stacked" facts={facts} className="sm:grid-cols-2 lg:grid-cols-3" />
      <div className="space-y-2">
        <h3 id={changesId} className="text-lg font-semibold">
          Change summary
        </h3>
        {section.changeSummary.trim() ? (
          <PackageMarkdown headingLevel={4} idPrefix={changesId}>
            {section.changeSummary}
          </PackageMarkdown>
        ) : (
          <p className="text-slate-700">The package gives no change summary.</p>
        )}
      </div>
    </div>
  );
}
