import type { Section } from '#domain/contracts/sections.ts';
import { IdentificationEditor } from './identification-editor.tsx';
import { LineageEditor } from './lineage-editor.tsx';
import { MetricTableEditor } from './metric-table-editor.tsx';
import { NarrativeEditor } from './narrative-editor.tsx';
import { ReferencesEditor } from './references-editor.tsx';
import { RiskRegisterEditor } from './risk-register-editor.tsx';
import { SubgroupTableEditor } from './subgroup-table-editor.tsx';

/** The editor suited to the section's kind. */
export function SectionEditor({ section, pointer, onChange }: { section: Section; pointer: string; onChange: (next: Section) => void }) {
  switch (section.kind) {
    case 'identification':
      return <IdentificationEditor section={section} pointer={pointer} onChange={onChange} />;
    case 'narrative':
      return <NarrativeEditor section={section} pointer={pointer} onChange={onChange} />;
    case 'metric_table':
      return <MetricTableEditor section={section} pointer={pointer} onChange={onChange} />;
    case 'subgroup_table':
      return <SubgroupTableEditor section={section} pointer={pointer} onChange={onChange} />;
    case 'lineage':
      return <LineageEditor section={section} pointer={pointer} onChange={onChange} />;
    case 'risk_register':
      return <RiskRegisterEditor section={section} pointer={pointer} onChange={onChange} />;
    case 'references':
      return <ReferencesEditor section={section} pointer={pointer} onChange={onChange} />;
  }
}
