import { diffLines } from 'diff';

// A proposed catalogue version against the one it replaces, line by line over their JSON
// (docs/decisions/0192). Long runs of unchanged lines are folded, so the changes themselves fit
// a phone screen; both sides are printed the same way, so only real differences show.

export type DiffLine = { op: 'equal' | 'insert' | 'delete'; text: string } | { op: 'folded'; count: number };

const context = 2;

function linesOf(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The proposed JSON against the current one: changed lines with `context` unchanged lines around each, the rest folded. */
export function contentDiff(current: unknown, proposed: unknown): DiffLine[] {
  const parts = diffLines(`${JSON.stringify(current, null, 2)}\n`, `${JSON.stringify(proposed, null, 2)}\n`);
  const out: DiffLine[] = [];
  parts.forEach((part, index) => {
    const lines = linesOf(part.value);
    if (part.added || part.removed) {
      for (const text of lines) out.push({ op: part.added ? 'insert' : 'delete', text });
      return;
    }
    const head = index === 0 ? 0 : context;
    const tail = index === parts.length - 1 ? 0 : context;
    if (lines.length <= head + tail + 1) {
      for (const text of lines) out.push({ op: 'equal', text });
      return;
    }
    for (const text of lines.slice(0, head)) out.push({ op: 'equal', text });
    out.push({ op: 'folded', count: lines.length - head - tail });
    for (const text of lines.slice(lines.length - tail)) out.push({ op: 'equal', text });
  });
  return out;
}
