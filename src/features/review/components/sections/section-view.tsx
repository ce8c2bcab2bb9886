import { memo } from 'react';
import type { Section } from '#domain/contracts/sections.ts';
import { IdentificationSection } from './identification-section.tsx';
import { LineageSection } from './lineage-section.tsx';
import { MetricTableSection } from './metric-table-section.tsx';
import { NarrativeSection } from './narrative-section.tsx';
import { ReferencesSection } from './references-section.tsx';
import { RiskRegisterSection } from './risk-register-section.tsx';
import { SubgroupTableSection } from './subgroup-table-section.tsx';

/**
 * A section's body, rendered as what its kind says it is. Memoized: a version's content
 * never changes, and re-parsing long Markdown on every render of the page would be waste.
 */
export const SectionView = memo(function SectionView({ section }: { section: Section }) {
  switch (section.kind) {
    case 'identification':
      return <IdentificationSection section={section} />;
    case 'narrative':
      return <NarrativeSection section={section} />;
    case 'metric_table':
      return <MetricTableSection section={section} />;
    case 'subgroup_table':
      return <SubgroupTableSection section={section} />;
    case 'lineage':
      return <LineageSection section={section} />;
    case 'risk_register':
      return <RiskRegisterSection section={section} />;
    case 'references':
      return <ReferencesSection section={section} />;
    default: {
      // A new kind in the contract fails the build here until it has a renderer.
      const unknown: never = section;
      return unknown;
    }
  }
});
