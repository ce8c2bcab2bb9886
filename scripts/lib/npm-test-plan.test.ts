import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLanePlan } from './lanes.ts';

// `npm test` runs the contract project as separate scripts, queued or in a lane of their own
// (decisions 0195, 0231). A script left out of the plan, or a scenario file neither run by its
// own script nor by the one for the rest of tests/contract/, would never run in CI, silently.

const root = new URL('../../', import.meta.url);
const scripts = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> }).scripts;
const words = (name: string) => (scripts[name] ?? '').split(/\s+/).filter((word) => word !== '');

function planNames(): string[] {
  const args = words('test');
  const plan = parseLanePlan(args.slice(args.indexOf('scripts/run-side-by-side.ts') + 1));
  if (!plan) throw new Error('npm test is not a run-side-by-side plan');
  return [...plan.lanes.flat(), ...plan.shared];
}

/** The values of every `--exclude <path>` in a script. */
const excluded = (name: string) => words(name).flatMap((word, at, all) => (all[at - 1] === '--exclude' ? [word] : []));

describe('the plan of npm test', () => {
  it('runs only scripts that exist, each once', () => {
    const names = planNames();
    expect(names.filter((name) => scripts[name] === undefined)).toEqual([]);
    expect(names.length).toBe(new Set(names).size);
  });

  it('runs every contract script that stands for a part of the project', () => {
    const parts = Object.keys(scripts).filter((name) => /^test:contract:(scenarios|rest):[^:]+$/.test(name));
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.filter((name) => !planNames().includes(name))).toEqual([]);
  });

  it('runs each integration shard of one split, 1 to N', () => {
    const shards = planNames().flatMap((name) => words(name).filter((word) => word.startsWith('--shard=')));
    const total = Number(shards[0]?.split('/')[1]);
    expect(shards.toSorted()).toEqual(Array.from({ length: total }, (_, at) => `--shard=${at + 1}/${total}`));
  });

  it('leaves out of the rest of tests/contract/ exactly the scenario files that have a script of their own', () => {
    const own = planNames().flatMap((name) => (/^test:contract:scenarios:(?!rest$)/.test(name) ? words(name).filter((word) => word.startsWith('tests/contract/')) : []));
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((file) => !existsSync(new URL(file, root)))).toEqual([]);
    expect(excluded('test:contract:scenarios:rest').toSorted()).toEqual(own.toSorted());
    expect(words('test:contract:scenarios:rest')).toContain('tests/contract/');
  });
});
