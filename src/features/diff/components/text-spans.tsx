import type { TextSpan } from '#domain/diff/types.ts';
import type { DiffMode } from '../diff-choice.ts';

const inserted = 'rounded-sm bg-green-100 text-green-950 underline decoration-green-700 underline-offset-2';
const deleted = 'rounded-sm bg-red-100 text-red-950 line-through decoration-red-700';

function Span({ span }: { span: TextSpan }) {
  if (span.op === 'insert') return <ins className={inserted}>{span.text}</ins>;
  if (span.op === 'delete') return <del className={deleted}>{span.text}</del>;
  return <>{span.text}</>;
}

const textClasses = 'whitespace-pre-wrap break-words text-[0.95rem] leading-relaxed';

/**
 * A text diff as the reader asked for it: unified (deletions struck through, insertions
 * underlined, in one flow) or side by side (the older text with its deletions on the left,
 * the newer with its insertions on the right). Underline and strike-through carry the
 * meaning as well as the colour, for readers who cannot tell red from green.
 */
export function TextSpans({ spans, mode, labels }: { spans: readonly TextSpan[]; mode: DiffMode; labels: { before: string; after: string } }) {
  if (mode === 'unified') {
    return (
      <p className={textClasses}>
        {spans.map((span, index) => (
          <Span key={index} span={span} />
        ))}
      </p>
    );
  }
  return (
    <div className="grid grid-cols-2 gap-4">
      <div>
        <p className="sr-only">{labels.before}</p>
        <p className={textClasses}>
          {spans.map((span, index) => (span.op === 'insert' ? null : <Span key={index} span={span} />))}
        </p>
      </div>
      <div className="border-l border-slate-300 pl-4">
        <p className="sr-only">{labels.after}</p>
        <p className={textClasses}>
          {spans.map((span, index) => (span.op === 'delete' ? null : <Span key={index} span={span} />))}
        </p>
      </div>
    </div>
  );
}
