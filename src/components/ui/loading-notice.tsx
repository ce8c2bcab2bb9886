/** A wait the reader can hear as well as see; the parent region carries aria-busy. */
export function LoadingNotice({ children }: { children: string }) {
  return (
    <p role="status" className="flex items-center gap-3 py-6 text-slate-700">
      <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700 motion-reduce:animate-none" />
      {children}
    </p>
  );
}
