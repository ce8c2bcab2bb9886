// The verdict on a value: a shape and a word, so it never rests on colour alone.
const looks = {
  pass: { symbol: '✓', word: 'Pass', classes: 'text-emerald-800' },
  fail: { symbol: '✕', word: 'Fail', classes: 'font-bold text-red-800' },
} as const;

export function ResultMark({ passes }: { passes: boolean }) {
  const look = passes ? looks.pass : looks.fail;
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap ${look.classes}`}>
      <span aria-hidden="true">{look.symbol}</span>
      {look.word}
    </span>
  );
}
