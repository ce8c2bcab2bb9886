// `npm run bench`: measures, never asserts in tests. Writes bench/results.md with the
// median, min and max of several runs, and ratios and budgets measured side by side in the
// same run; exits non-zero when a budget is missed.
//
//   npm run bench                        every group
//   npm run bench -- --only server       one group (node, browser, server, scale, export, bundle, findings, browser-scale), or several: --only node,bundle
//   npm run bench -- --only server --load-seconds 3 --load-runs 1    a quicker server run while iterating
//   npm run bench -- --only scale --scale-sizes 200,2000              the scale group on smaller inventories
//
// A subset writes bench/results-<groups>.md, so the full table in bench/results.md stays whole.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { benchBrowser } from './bench/browser-benchmarks.ts';
import { benchBrowserScale } from './bench/browser-scale-benchmarks.ts';
import { benchBundleRows } from './bench/bundle-size.ts';
import { benchNode } from './bench/node-benchmarks.ts';
import { benchExportLoad } from './bench/server-export.ts';
import { benchFindingsRegister } from './bench/findings-register.ts';
import { benchServerLoad } from './bench/server-load.ts';
import { benchServerScale } from './bench/server-scale.ts';
import { missText, passes, renderTables, type Report } from './bench/table.ts';

const groups = ['node', 'browser', 'server', 'scale', 'export', 'bundle', 'findings', 'browser-scale'] as const;
type Group = (typeof groups)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    'load-seconds': { type: 'string', default: '10' },
    'load-runs': { type: 'string', default: '3' },
    'load-packages': { type: 'string', default: '1000' },
    'scale-sizes': { type: 'string', default: '1000,10000' },
  },
});
const chosen = values.only === undefined ? [...groups] : values.only.split(',').map((name) => name.trim());
const unknown = chosen.filter((name) => !(groups as readonly string[]).includes(name));
if (unknown.length > 0 || chosen.length === 0) {
  console.error(`--only takes one or more of ${groups.join(', ')} (comma-separated); got "${values.only ?? ''}"`);
  process.exit(2);
}
const selected = new Set(chosen as Group[]);
const load = { seconds: Number(values['load-seconds']), runs: Number(values['load-runs']), packages: Number(values['load-packages']) };
if (![load.seconds, load.runs, load.packages].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--load-seconds, --load-runs and --load-packages take whole numbers above 0');
  process.exit(2);
}
const scaleSizes = values['scale-sizes'].split(',').map(Number);
if (scaleSizes.length === 0 || !scaleSizes.every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--scale-sizes takes whole numbers above 0, comma-separated');
  process.exit(2);
}

const report: Report = { rows: [], budgets: [], notes: [] };
const extra: string[] = [];
const started = new Date();
const loadBefore = loadavg();
const timings: string[] = [];
const timed = async (group: Group, work: () => Promise<unknown>) => {
  if (!selected.has(group)) return;
  console.error(`[bench] ${group}…`);
  const start = performance.now();
  await work();
  timings.push(`${group} ${((performance.now() - start) / 1000).toFixed(0)} s`);
};

await timed('node', () => benchNode(report));
await timed('browser', () => benchBrowser(report));
await timed('bundle', async () => extra.push(...(await benchBundleRows(report))));
await timed('server', () => benchServerLoad(report, load));
await timed('scale', () => benchServerScale(report, { seconds: load.seconds, sizes: scaleSizes }));
await timed('export', () => benchExportLoad(report));
await timed('findings', () => benchFindingsRegister(report));
await timed('browser-scale', () => benchBrowserScale(report));

const loadAfter = loadavg();
const whole = selected.size === groups.length;
const lines = [
  '# Benchmarks',
  '',
  `Run: ${started.toISOString()}, Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores; groups: ${[...selected].join(', ')} (${timings.join(', ')}). Load average (1, 5, 15 min) ${loadBefore.map((x) => x.toFixed(1)).join(', ')} at the start, ${loadAfter.map((x) => x.toFixed(1)).join(', ')} at the end: other work on the machine shares the cores and moves every figure.`,
  '',
  ...renderTables(report),
  '',
  ...extra,
  '## Notes',
  '',
  ...report.notes.flatMap((note) => [note, '']),
];
const file = whole ? 'bench/results.md' : `bench/results-${[...selected].join('-')}.md`;
writeFileSync(file, lines.join('\n'));
console.log(lines.join('\n'));
console.error(`[bench] written to ${file}`);

for (const budget of report.budgets) {
  if (passes(budget) === false) {
    console.error(missText(budget));
    process.exitCode = 1;
  }
}
