import type { MouseEvent } from 'react';

/** The first stop for keyboard users: past the header, straight to the page's content. */
export function SkipLink() {
  // Focus the target ourselves: following the fragment would put "#main" into the URL
  // that people copy and share.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
  };
  return (
    <a
      href="#main"
      onClick={skip}
      className="sr-only left-4 top-4 z-50 rounded-md bg-white px-4 py-2 font-semibold text-blue-900 shadow-lg focus:not-sr-only focus:absolute"
    >
      Skip to main content
    </a>
  );
}
