import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFolderGraph, cycleEdges, folderCycles, importSpecifiers, type FolderGraph } from './folder-graph.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function graphOf(edges: Record<string, string[]>): FolderGraph {
  return new Map(Object.entries(edges).map(([from, targets]) => [from, new Map(targets.map((to) => [to, `${from}/a.ts imports ${to}/b.ts`]))]));
}

describe('the folder graph', () => {
  it('reads static, type-only and dynamic imports, re-exports and worker URLs, not comments', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '#api/b.ts';",
      "export { c } from '../c.ts';",
      "const d = await import('./d.ts');",
      "new Worker(new URL('./e.worker.ts', import.meta.url), { type: 'module' });",
      "// import { f } from './f.ts';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.ts', '#api/b.ts', '../c.ts', './d.ts', './e.worker.ts']);
  });

  it('finds folders that import each other round a loop, and only those', () => {
    const graph = graphOf({ api: ['api/kernel', 'domain'], 'api/kernel': ['api/store'], 'api/store': ['api/kernel'], 'server/db': ['server/db/queries'], 'server/db/queries': ['server/db/schema', 'server/db'], domain: [] });
    expect(folderCycles(graph)).toEqual([['api/kernel', 'api/store'], ['server/db', 'server/db/queries']]);
    expect(cycleEdges(graph, ['api/kernel', 'api/store'])).toEqual(['api/kernel → api/store (api/kernel/a.ts imports api/store/b.ts)', 'api/store → api/kernel (api/store/a.ts imports api/kernel/b.ts)']);
  });

  it('has no folder-level cycle in this repository', () => {
    const graph = buildFolderGraph(repoRoot);
    expect(graph.has('api/kernel')).toBe(true);
    expect(graph.get('api')?.has('api/kernel')).toBe(true);
    expect(folderCycles(graph).map((cycle) => cycleEdges(graph, cycle))).toEqual([]);
  });
});
