import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The second worker's script is fetched, parsed and run on the full check's critical path
// (docs/decisions/0201): with the route table and the app's problem reader it was 219 kB of
// zod and contracts, without them 16 kB. This follows the modules it runs (type-only imports
// are erased) and holds that none of them is zod or the route table.

const root = resolve(import.meta.dirname, '../../../..');
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

function reach(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      const alias = Object.keys(aliases).find((prefix) => specifier.startsWith(prefix));
      if (alias !== undefined) visit(join(root, aliases[alias] ?? '', specifier.slice(alias.length)));
      else if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else seen.add(`package:${specifier}`);
    }
  };
  visit(entry);
  return seen;
}

describe('the second integrity worker’s script', () => {
  it('runs neither zod nor the route table, only what reading and checking the chain needs', () => {
    const modules = [...reach(join(import.meta.dirname, 'range.worker.ts'))].map((file) => file.replace(`${root}/`, ''));
    expect(modules).toContain('domain/audit/verify-chain.ts');
    expect(modules.filter((file) => file.startsWith('package:'))).toEqual([]);
    expect(modules).not.toContain('api/routes.ts');
    expect(modules).not.toContain('src/lib/api-problem.ts');
  });
});
