// Class lists rather than a component: buttons and links that look like buttons share them.
const base =
  'inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-base font-semibold no-underline transition-colors disabled:cursor-not-allowed disabled:opacity-70';

export const buttonClasses = {
  primary: `${base} bg-blue-800 text-white hover:bg-blue-900 hover:text-white`,
  secondary: `${base} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 hover:text-slate-900`,
} as const;
