// `npm run cycles`: prints every folder-level import cycle (folders whose files import each
// other, directly or round a loop) and exits 1 if there is any. A folder should depend on
// folders below it only; scripts/lib/folder-graph.test.ts keeps the count at zero.
import { buildFolderGraph, cycleEdges, folderCycles } from './lib/folder-graph.ts';

const graph = buildFolderGraph(process.cwd());
const cycles = folderCycles(graph);
console.log(`${cycles.length} folder-level import cycle${cycles.length === 1 ? '' : 's'} among ${graph.size} folders`);
for (const [number, cycle] of cycles.entries()) {
  console.log(`\n${number + 1}. ${cycle.join(' ↔ ')}`);
  for (const edge of cycleEdges(graph, cycle)) console.log(`   ${edge}`);
}
process.exitCode = cycles.length === 0 ? 0 : 1;
