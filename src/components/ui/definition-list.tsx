import { createContext, use, type ReactNode } from 'react';

export type Fact = readonly [term: string, value: ReactNode];

interface Layout {
  list: string;
  /** Around each term and its value; `contents` leaves the pair in the list's own grid. */
  pair: string | undefined;
  term: string;
  value: string | undefined;
}

const layouts = {
  /** Each term above its value, the pairs in a grid whose columns the caller gives. */
  stacked: { list: 'grid gap-x-8 gap-y-4', pair: undefined, term: 'text-sm font-semibold text-slate-600', value: 'mt-1' },
  /** Terms in a narrow column beside their values: a summary to check at a glance, as in a dialog. */
  compact: { list: 'grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1', pair: 'contents', term: 'font-semibold', value: undefined },
  /** Terms beside their values on a wide screen, above them on a narrow one: a record's facts. */
  aligned: { list: 'grid gap-x-8 gap-y-2 sm:grid-cols-[max-content_minmax(0,1fr)]', pair: 'contents', term: 'font-semibold text-slate-600', value: undefined },
} as const satisfies Record<string, Layout>;

const LayoutContext = createContext<Layout>(layouts.stacked);

interface Props {
  layout: keyof typeof layouts;
  /** Added to the list's classes: its columns, a frame, a text size. */
  className?: string;
  /** Terms and values, for a list of plain ones; children for anything else. */
  facts?: readonly Fact[];
  children?: ReactNode;
}

/** Terms and their values, as a definition list. */
export function DefinitionList({ layout, className, facts, children }: Props) {
  const look = layouts[layout];
  return (
    <LayoutContext value={look}>
      <dl className={className ? `${look.list} ${className}` : look.list}>
        {facts?.map(([term, value]) => (
          <Definition key={term} term={term}>
            {value}
          </Definition>
        ))}
        {children}
      </dl>
    </LayoutContext>
  );
}

/** One term and its value, laid out as the list around it says. */
export function Definition({ term, className, children }: { term: ReactNode; className?: string | undefined; children: ReactNode }) {
  const look = use(LayoutContext);
  const value = [look.value, className].filter(Boolean).join(' ') || undefined;
  return (
    <div className={look.pair}>
      <dt className={look.term}>{term}</dt>
      <dd className={value}>{children}</dd>
    </div>
  );
}
