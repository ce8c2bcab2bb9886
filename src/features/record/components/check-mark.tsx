/** ✓ or ✕ with the word beside it, so the verdict never rests on colour or on a glyph alone. */
export function CheckMark({ ok, children }: { ok: boolean; children?: string }) {
  return (
    <span className={`font-semibold ${ok ? 'text-emerald-900' : 'text-red-800'}`}>
      <span aria-hidden="true">{ok ? '✓ ' : '✕ '}</span>
      {children ?? (ok ? 'VALID' : 'INVALID')}
    </span>
  );
}
