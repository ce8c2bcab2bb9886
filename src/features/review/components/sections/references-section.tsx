import type { SectionOfKind } from '#domain/contracts/sections.ts';
import { safeLinkUrl } from '#src/lib/safe-url.ts';

type Reference = SectionOfKind<'references'>['references'][number];

function ReferenceTitle({ reference }: { reference: Reference }) {
  // The contract allows only http(s) addresses; the check is repeated where the link is made.
  const href = reference.url ? safeLinkUrl(reference.url) : null;
  const text = reference.title ?? reference.url;
  if (!text) return null;
  return (
    <p className="wrap-anywhere">
      {href ? (
        <a href={href} rel="noreferrer noopener">
          {text}
        </a>
      ) : (
        text
      )}
    </p>
  );
}

/** The regulations and standards the package relies on, and why each one matters here. */
export function ReferencesSection({ section }: { section: SectionOfKind<'references'> }) {
  return (
    <ul className="divide-y divide-slate-200">
      {section.references.map((reference) => (
        <li key={reference.key} className="space-y-1 py-3 first:pt-0 last:pb-0">
          <p>
            <span className="font-semibold">{reference.framework}</span>
            <span aria-hidden="true" className="text-slate-500">
              {' · '}
            </span>
            <cite className="not-italic">{reference.citation}</cite>
          </p>
          <ReferenceTitle reference={reference} />
          {reference.relevance && <p className="text-slate-700">{reference.relevance}</p>}
        </li>
      ))}
    </ul>
  );
}
