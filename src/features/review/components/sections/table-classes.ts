// The look of the data tables in sections, shared so they read as one document.
export const tableClasses = {
  // Wide tables scroll sideways in their frame on a narrow screen, never the page.
  frame: 'rounded-md border border-slate-200',
  table: 'w-full border-collapse text-left',
  head: 'border-b border-slate-200 bg-slate-100',
  th: 'px-3 py-2 align-bottom text-sm font-semibold text-slate-700',
  td: 'px-3 py-2 align-top',
  body: 'divide-y divide-slate-200',
  // A failing row is tinted, and its first cell edged, on top of the words that say it fails.
  failingRow: 'bg-red-50',
  edge: (passes: boolean) => `border-l-4 ${passes ? 'border-l-transparent' : 'border-l-red-700'}`,
} as const;
