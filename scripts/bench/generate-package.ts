import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Section } from '#domain/contracts/sections.ts';

// Deterministic large packages for benchmarks: the same size and seed give the same bytes.

/** A seeded linear congruential generator: the same seed, the same numbers. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const words = 'model risk data drift threshold holdout calibration subgroup lineage control monitoring validation approval customer credit fraud signal feature training evaluation governance review owner policy evidence'.split(' ');

function paragraph(random: () => number, length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(words[Math.floor(random() * words.length)] ?? 'model');
  return out.join(' ') + '.';
}

/** A valid package of about `bytes` bytes spread over `sectionCount` sections (at least 11). */
export function generatePackage(options: { bytes: number; sectionCount: number; seed?: number }): PackageContent {
  const random = rng(options.seed ?? 1);
  const extra = Math.max(0, options.sectionCount - 11);
  const narrativeCount = 5 + extra;
  const perSection = Math.max(200, Math.floor(options.bytes / narrativeCount));
  const text = () => {
    const parts: string[] = [];
    let size = 0;
    while (size < perSection) {
      const p = paragraph(random, 60);
      parts.push(p);
      size += p.length + 2;
    }
    return parts.join('\n\n');
  };
  const sections: Section[] = [
    { key: 'identification', title: 'Identification', kind: 'identification', modelKey: 'bench-model', modelName: 'Benchmark model', versionLabel: '1.0.0', ownerTeam: 'Bench team', ownerContact: 'owner@example.com', riskTier: 2, businessLine: 'Benchmarks', modelType: 'regression', changeSummary: 'Generated.' },
    { key: 'intended_use', title: 'Intended use', kind: 'narrative', markdown: text() },
    { key: 'design_methodology', title: 'Design', kind: 'narrative', markdown: text() },
    { key: 'training_data', title: 'Training data', kind: 'lineage', datasets: [{ key: 'ds', name: 'Dataset', version: '1', location: 's3://bench/ds', authorization: 'Internal', sensitiveAttributes: [], derivedFrom: [] }] },
    { key: 'evaluation', title: 'Evaluation', kind: 'metric_table', dataset: { name: 'Holdout', version: '1', rows: 1000 }, metrics: [{ key: 'auc', name: 'AUC', value: 0.8, threshold: { operator: '>=', value: 0.75 } }] },
    { key: 'subgroup_fairness', title: 'Fairness', kind: 'subgroup_table', metrics: [{ key: 'dir', name: 'Disparate impact ratio', threshold: { operator: '>=', value: 0.8 } }], rows: [{ key: 'a', attribute: 'Age', group: '62+', sampleSize: 100, values: { dir: 0.9 } }] },
    { key: 'limitations_risks', title: 'Risks', kind: 'risk_register', risks: [{ key: 'r1', title: 'Drift', description: 'Drift', likelihood: 'possible', impact: 'moderate', controls: ['Monitor'], residualRisk: 'low', owner: 'Bench' }] },
    { key: 'human_oversight', title: 'Oversight', kind: 'narrative', markdown: text() },
    { key: 'validation_findings', title: 'Validation', kind: 'narrative', markdown: text() },
    { key: 'regulatory_references', title: 'References', kind: 'references', references: [{ key: 'sr11-7', framework: 'SR 11-7', citation: 'SR 11-7', relevance: 'Model risk' }] },
    { key: 'security_controls', title: 'Security', kind: 'narrative', markdown: text() },
  ];
  for (let i = 0; i < extra; i++) sections.push({ key: `appendix_${i + 1}`, title: `Appendix ${i + 1}`, kind: 'narrative', markdown: text() });
  return { schemaVersion: 'model-approval-package/1', sections };
}

/**
 * A resubmission of `content` with about `share` of the words of its narrative sections
 * replaced, spread evenly (deterministic for a seed): the "5% of words changed" revision.
 */
export function reviseWords(content: PackageContent, share: number, seed = 11): PackageContent {
  const random = rng(seed);
  const revise = (text: string) =>
    text.replace(/[a-z]+/g, (word) => (random() < share ? (words[Math.floor(random() * words.length)] ?? 'model') + 's' : word));
  return {
    ...content,
    sections: content.sections.map((section) => (section.kind === 'narrative' ? { ...section, markdown: revise(section.markdown) } : section)),
  };
}

/**
 * A resubmission of `content` in which about `sectionShare` of the narrative sections
 * changed (each chosen one with `wordShare` of its words replaced) and the rest are
 * byte-identical: "20% of the sections changed". Deterministic for a seed.
 */
export function reviseSections(content: PackageContent, sectionShare: number, options: { wordShare?: number; seed?: number } = {}): PackageContent {
  const random = rng(options.seed ?? 13);
  const narrative = content.sections.flatMap((section, index) => (section.kind === 'narrative' ? [index] : []));
  // A seeded shuffle, then the first share of it: exactly round(share × count) sections.
  const order = narrative.map((index) => ({ index, key: random() })).sort((a, b) => a.key - b.key);
  const chosen = new Set(order.slice(0, Math.round(sectionShare * narrative.length)).map((entry) => entry.index));
  const wordShare = options.wordShare ?? 0.05;
  const revise = (text: string) => text.replace(/[a-z]+/g, (word) => (random() < wordShare ? (words[Math.floor(random() * words.length)] ?? 'model') + 's' : word));
  return {
    ...content,
    sections: content.sections.map((section, index) => (section.kind === 'narrative' && chosen.has(index) ? { ...section, markdown: revise(section.markdown) } : section)),
  };
}
