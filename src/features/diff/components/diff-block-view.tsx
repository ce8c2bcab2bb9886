import type { Section } from '#domain/contracts/sections.ts';
import { sectionText } from '#domain/annotations/section-text.ts';
import type { DiffBlock } from '../diff-blocks.ts';
import type { DiffMode } from '../diff-choice.ts';
import { CarriedThreads } from './carried-threads.tsx';
import { DiffFindings } from './diff-findings.tsx';
import { FieldTable } from './field-table.tsx';
import { RowsView } from './rows-view.tsx';
import { SectionHead } from './section-head.tsx';
import { MarkdownDiff } from './markdown-diff.tsx';
import { TextSpans } from './text-spans.tsx';

export interface BlockContext {
  packageId: string;
  from: number;
  to: number;
  mode: DiffMode;
  labels: { before: string; after: string };
  expanded: ReadonlySet<string>;
  onToggle: (key: string) => void;
  /** The section as it is in the newer version (or the older, if removed), for unchanged sections shown in full. */
  sectionContent: (key: string) => Section | undefined;
}

/** One block of the virtualized diff. */
export function DiffBlockView({ block, context }: { block: DiffBlock; context: BlockContext }) {
  const { mode, labels } = context;
  switch (block.kind) {
    case 'pending':
      return <p className="py-2 text-sm text-slate-600">Comparing section {block.index + 1}…</p>;
    case 'section':
      return <SectionHead section={block.section} expanded={context.expanded.has(block.section.key)} onToggle={context.onToggle} />;
    case 'fields':
      return <FieldTable fields={block.fields} mode={mode} labels={labels} caption={`Fields of ${block.section.title}`} />;
    case 'text':
      return (
        <div>
          {block.part === 0 && <p className="mb-1 text-sm font-semibold text-slate-700">{block.field.label}</p>}
          <TextSpans spans={block.spans} mode={mode} labels={labels} />
        </div>
      );
    case 'markdown':
      return (
        <div>
          {block.part === 0 && <p className="mb-1 text-sm font-semibold text-slate-700">{block.field.label}</p>}
          <MarkdownDiff blocks={block.blocks} mode={mode} labels={labels} idPrefix={`diff-${block.key.replaceAll(':', '-')}`} />
        </div>
      );
    case 'rows':
      return <RowsView section={block.section} rows={block.rows} mode={mode} labels={labels} />;
    case 'plain': {
      const content = context.sectionContent(block.section.key);
      return <p className="whitespace-pre-wrap text-[0.95rem] leading-relaxed text-slate-800">{content ? sectionText(content) : ''}</p>;
    }
    case 'findings':
      return <DiffFindings packageId={context.packageId} from={context.from} to={context.to} section={block.section} findings={block.findings} />;
    case 'threads':
      return <CarriedThreads packageId={context.packageId} to={context.to} threads={block.threads} />;
  }
}
