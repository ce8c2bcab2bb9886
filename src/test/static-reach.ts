import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// The modules a browser evaluates when it imports a file: its static imports, followed
// (type-only imports are erased), as paths from the repository's root; packages as
// `package:<name>`. For tests that hold what a page or a worker must not load.

export const repositoryRoot = resolve(import.meta.dirname, '../..');
const aliases: Record<string, string> = { '#domain/': 'domain/', '#api/': 'api/', '#src/': 'src/' };

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^import\s+(type\s+)?([^'";]*?)\s*from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
    const [, typeOnly, names = '', from, bare] = match;
    if (bare !== undefined) found.push(bare);
    else if (typeOnly === undefined && !/^\{(\s*type\s+[^,}]+,?)+\s*\}$/.test(names.trim()) && from !== undefined) found.push(from);
  }
  return found;
}

/** Every module the entries' static imports reach, the entries included. */
export function staticReach(...entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      const alias = Object.keys(aliases).find((prefix) => specifier.startsWith(prefix));
      if (alias !== undefined) visit(join(repositoryRoot, aliases[alias] ?? '', specifier.slice(alias.length)));
      else if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else seen.add(`package:${specifier}`);
    }
  };
  for (const entry of entries) visit(resolve(repositoryRoot, entry));
  return [...seen].map((file) => file.replace(`${repositoryRoot}/`, ''));
}
