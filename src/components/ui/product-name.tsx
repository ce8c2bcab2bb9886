import { Link } from 'react-router';
import { productName } from '../../lib/use-page-title.ts';

/** The product's mark and name, a link home. With `collapse`, a phone shows the mark alone (the name stays the link's name). */
export function ProductName({ collapse = false }: { collapse?: boolean }) {
  return (
    <Link to="/" className="flex items-center gap-2 text-lg font-bold text-slate-900 no-underline hover:text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7 shrink-0">
        <rect width="32" height="32" rx="6" fill="#1e3a8a" />
        <path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className={collapse ? 'max-sm:sr-only whitespace-nowrap' : 'whitespace-nowrap'}>{productName}</span>
    </Link>
  );
}
