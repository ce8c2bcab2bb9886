import { Fragment, memo, useMemo, type ComponentProps } from 'react';
import Markdown, { type Components, type ExtraProps, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { ScrollFrame } from '#src/components/ui/scroll-frame.tsx';
import { isExternalUrl, safeLinkUrl } from '#src/lib/safe-url.ts';
import { markdownParts } from './markdown-parts.ts';
import { markdownClasses } from './markdown-styles.ts';
import { rehypePrefixFootnoteLabel } from './rehype-prefix-footnote-label.ts';
import { remarkDemoteHeadings, type DemoteHeadingsOptions } from './remark-demote-headings.ts';

interface Props {
  children: string;
  /** The level of the text's shallowest heading: one below the heading it sits under. */
  headingLevel: DemoteHeadingsOptions['top'];
  /** Prefix for ids the Markdown generates (footnotes), unique on the page. */
  idPrefix: string;
  /** Further rehype plugins, run after ours (the diff marks its changes with one). */
  rehypePlugins?: Options['rehypePlugins'];
}

/**
 * Past this many characters a text is parsed in parts of about this size, each in a render of
 * its own: React yields between them when the render is a transition (the review page's later
 * sections), so one long narrative is several short tasks, not one of 20–35 ms (0232).
 */
const partChars = 6_000;

/**
 * Submitted Markdown, rendered as inert text. Raw HTML is never interpreted (react-markdown
 * shows it as the literal text the submitter wrote; there is no rehype-raw), every link and
 * image address goes through `safeLinkUrl`, and images are not loaded: a package must not
 * make the reviewer's browser fetch from elsewhere (tracking pixels), and the CSP would
 * block it anyway.
 *
 * Memoized: parsing is most of what rendering Markdown costs, and a page that re-renders
 * around an unchanged text (the diff view, each time more sections arrive) need not parse it
 * again. Props compare shallowly, so the text compares by value.
 *
 * A long text is cut where the parts give exactly the whole's blocks (markdown-parts.ts); the
 * line break the whole puts between two blocks is put between two parts. Not when the caller
 * adds rehype plugins: theirs may need the whole text's tree (the diff's marks do).
 */
export const PackageMarkdown = memo(function PackageMarkdown({ children, headingLevel, idPrefix, rehypePlugins }: Props) {
  const split = useMemo(() => (rehypePlugins ? null : markdownParts(children, partChars)), [children, rehypePlugins]);
  return (
    <div className={markdownClasses}>
      {split ? (
        split.parts.map((part, index) => (
          <Fragment key={index}>
            {index > 0 && '\n'}
            <MarkdownText headingLevel={headingLevel} idPrefix={idPrefix} shallowest={split.shallowest}>
              {part}
            </MarkdownText>
          </Fragment>
        ))
      ) : (
        <MarkdownText headingLevel={headingLevel} idPrefix={idPrefix} rehypePlugins={rehypePlugins}>
          {children}
        </MarkdownText>
      )}
    </div>
  );
});

/** One parse: the whole text, or one part of it with the whole's shallowest heading. */
const MarkdownText = memo(function MarkdownText({ children, headingLevel, idPrefix, rehypePlugins = [], shallowest }: Props & { shallowest?: number | undefined }) {
  return (
    <Markdown
      remarkPlugins={[remarkGfm, [remarkDemoteHeadings, { top: headingLevel, shallowest }]]}
      remarkRehypeOptions={{ clobberPrefix: `${idPrefix}-`, footnoteLabelTagName: `h${headingLevel}` }}
      rehypePlugins={[[rehypePrefixFootnoteLabel, { prefix: `${idPrefix}-` }], ...(rehypePlugins ?? [])]}
      urlTransform={(url) => safeLinkUrl(url)}
      components={components}
    >
      {children}
    </Markdown>
  );
});

function MarkdownLink({ node: _node, href, children, ...rest }: ComponentProps<'a'> & ExtraProps) {
  // `rest` holds only what remark-rehype generates (ids, footnote attributes): raw HTML,
  // where a submitter could write attributes of their own, is never interpreted.
  if (!href) {
    return (
      <span id={rest.id}>
        {children} <span className="text-sm text-slate-600">(link removed: not a web or email address)</span>
      </span>
    );
  }
  return (
    <a {...rest} href={href} {...(isExternalUrl(href) ? { rel: 'noreferrer noopener' } : {})}>
      {children}
    </a>
  );
}

function MarkdownImage({ src, alt }: ComponentProps<'img'> & ExtraProps) {
  const label = alt ? `Image not shown: ${alt}` : 'Image not shown';
  if (typeof src !== 'string' || !src) return <span className="italic text-slate-700">[{label}]</span>;
  return (
    <a href={src} rel="noreferrer noopener" className="italic">
      [{label}]
    </a>
  );
}

/** GFM task-list boxes, as words a screen reader can say instead of unlabeled inputs. */
function MarkdownInput({ type, checked }: ComponentProps<'input'> & ExtraProps) {
  if (type !== 'checkbox') return null;
  return (
    <span className="mr-1">
      <span aria-hidden="true">{checked ? '☑' : '☐'}</span>
      <span className="sr-only">{checked ? 'Done: ' : 'Not done: '}</span>
    </span>
  );
}

/** A table scrolls sideways in a frame of its own on a narrow screen, so the page never does. */
function MarkdownTable({ node: _node, ...rest }: ComponentProps<'table'> & ExtraProps) {
  return (
    <ScrollFrame label="Table">
      <table {...rest} />
    </ScrollFrame>
  );
}

const components: Components = { a: MarkdownLink, img: MarkdownImage, input: MarkdownInput, table: MarkdownTable };
