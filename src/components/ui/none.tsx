/** An empty cell: a dash to the eye, the word "None" to a screen reader. */
export function None() {
  return (
    <>
      <span aria-hidden="true" className="text-slate-600">
        —
      </span>
      <span className="sr-only">None</span>
    </>
  );
}
