import type { MarkdownBlockDiff } from '#domain/diff/types.ts';
import { PackageMarkdown } from '#src/components/markdown/markdown.tsx';
import type { DiffMode } from '../diff-choice.ts';
import { markdownDiffSource } from '../markdown/markdown-diff-source.ts';
import { rehypeChangeMarks } from '../markdown/rehype-change-marks.ts';

const plugins = [rehypeChangeMarks];

// A block added or removed whole gets a bar in the margin as well as its colour and line.
const wholeBlockBars = '[&_[data-change=added]]:border-l-4 [&_[data-change=added]]:border-green-700 [&_[data-change=added]]:pl-2 [&_[data-change=removed]]:border-l-4 [&_[data-change=removed]]:border-red-700 [&_[data-change=removed]]:pl-2';

/**
 * Markdown compared block by block, rendered as the reader will read it: headings, lists and
 * tables as such, insertions underlined and deletions struck through inside them. Unified
 * shows one flow (a block rewritten shows old, then new); side by side the older text on the
 * left and the newer on the right.
 */
export function MarkdownDiff({ blocks, mode, labels, idPrefix }: { blocks: readonly MarkdownBlockDiff[]; mode: DiffMode; labels: { before: string; after: string }; idPrefix: string }) {
  if (mode === 'unified') {
    return (
      <div className={wholeBlockBars} data-markdown-diff="unified">
        <PackageMarkdown headingLevel={4} idPrefix={idPrefix} rehypePlugins={plugins}>
          {markdownDiffSource(blocks, 'unified')}
        </PackageMarkdown>
      </div>
    );
  }
  return (
    <div className={`grid grid-cols-2 gap-4 ${wholeBlockBars}`} data-markdown-diff="side-by-side">
      <div className="min-w-0">
        <p className="sr-only">{labels.before}</p>
        <PackageMarkdown headingLevel={4} idPrefix={`${idPrefix}-before`} rehypePlugins={plugins}>
          {markdownDiffSource(blocks, 'before')}
        </PackageMarkdown>
      </div>
      <div className="min-w-0 border-l border-slate-300 pl-4">
        <p className="sr-only">{labels.after}</p>
        <PackageMarkdown headingLevel={4} idPrefix={`${idPrefix}-after`} rehypePlugins={plugins}>
          {markdownDiffSource(blocks, 'after')}
        </PackageMarkdown>
      </div>
    </div>
  );
}
