// The folder graph: folder A points at folder B when a file in A imports a file in B. A
// strongly connected component of more than one folder is a folder-level cycle: neither
// folder can be read, moved or tested without the other. ESLint's import-x/no-cycle sees
// file cycles only; this sees the coarser ones that still tangle the tree.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { parseJson } from '#domain/json/parse-json.ts';

/** The top-level folders that hold the project's code. */
export const sourceFolders = ['api', 'domain', 'server', 'mocks', 'src', 'demo', 'tests', 'e2e', 'scripts'] as const;

const sourceFile = /\.(?:ts|tsx|mts|js|mjs)$/;
/**
 * Test files are left out: a test may reach for the whole app around its subject (render the
 * app, seed the demo), and no code imports a test, so its imports say nothing about how the
 * code itself is layered. Test helpers (tests/support, src/test) are code and count.
 */
const testFile = /\.test\.(?:ts|tsx)$/;
/** Workers are started from a URL, not an import, but they are a dependency all the same. */
const workerUrl = /new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(path);
    return sourceFile.test(entry.name) && !testFile.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier of a file: static and dynamic imports, re-exports and worker URLs. */
export function importSpecifiers(text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return [...importedFiles.map((file) => file.fileName), ...Array.from(text.matchAll(workerUrl), (match) => match[1] ?? '')];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The package.json `imports` aliases, `#api/*` → `./api/*`. */
function readAliases(root: string): [prefix: string, target: string][] {
  const manifest = parseJson(readFileSync(join(root, 'package.json'), 'utf8')) as { imports?: Record<string, string> };
  return Object.entries(manifest.imports ?? {}).map(([alias, target]) => [alias.replace(/\*$/, ''), join(root, target.replace(/\*$/, ''))]);
}

/** The file a specifier names, or undefined for packages and Node built-ins. */
function resolveSpecifier(specifier: string, fromFile: string, aliases: readonly [string, string][]): string | undefined {
  const alias = aliases.find(([prefix]) => specifier.startsWith(prefix));
  const base = alias ? join(alias[1], specifier.slice(alias[0].length)) : specifier.startsWith('.') ? resolve(dirname(fromFile), specifier) : undefined;
  if (base === undefined) return undefined;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')];
  return candidates.find(isFile);
}

/** Folder → folder it imports from → one import that makes the edge (for the report). */
export type FolderGraph = Map<string, Map<string, string>>;

/** The graph of the source folders below root, folders named relative to the root. */
export function buildFolderGraph(root: string): FolderGraph {
  const aliases = readAliases(root);
  const graph: FolderGraph = new Map();
  for (const file of sourceFolders.flatMap((folder) => listFilesIfAny(join(root, folder)))) {
    const from = relative(root, dirname(file));
    const targets = graph.get(from) ?? new Map<string, string>();
    graph.set(from, targets);
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(specifier, file, aliases);
      if (target === undefined) continue;
      const to = relative(root, dirname(target));
      if (to === from || to.startsWith('..') || targets.has(to)) continue;
      targets.set(to, `${relative(root, file)} imports ${relative(root, target)}`);
    }
  }
  return graph;
}

function listFilesIfAny(folder: string): string[] {
  try {
    return listFiles(folder);
  } catch {
    return [];
  }
}

/** Tarjan's algorithm: the strongly connected components with more than one folder. */
export function folderCycles(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (folder: string): void => {
    index.set(folder, index.size);
    lowLink.set(folder, index.get(folder) ?? 0);
    stack.push(folder);
    onStack.add(folder);
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(folder, Math.min(lowLink.get(folder) ?? 0, lowLink.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowLink.set(folder, Math.min(lowLink.get(folder) ?? 0, index.get(next) ?? 0));
      }
    }
    if (lowLink.get(folder) !== index.get(folder)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const folder of [...graph.keys()].sort()) if (!index.has(folder)) visit(folder);
  return cycles;
}

/** Within a cycle, which folder imports which, and one import that does it: what to untangle. */
export function cycleEdges(graph: FolderGraph, cycle: readonly string[]): string[] {
  const members = new Set(cycle);
  return cycle.flatMap((from) =>
    [...(graph.get(from) ?? [])]
      .filter(([to]) => members.has(to))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([to, example]) => `${from} → ${to} (${example})`),
  );
}
