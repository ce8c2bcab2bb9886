import { packageSchemaVersion, requiredSections } from '../contracts/package-content.ts';
import type { RegistryModelVersion, RegistryRun } from './registry-facts.ts';

// What a registry event pre-fills in a draft package. The registry knows the model's name,
// version, description and tags, the run's metrics and the datasets it read; it does not know
// the policy thresholds (the organisation sets them), the intended use, the risks or the
// narratives: those stay empty (thresholds null) for the owner to complete. The result has the
// package's shape, so the owner edits it and submits it as any package; it is not valid until
// then, on purpose.

/** Registry tags read into the identification section when present. */
export const registryTagNames = { modelKey: 'model_key', ownerTeam: 'owner_team', riskTier: 'risk_tier', businessLine: 'business_line', owner: 'owner' } as const;

const maxKeyLength = 64;

/** A package key from a registry name: lowercase letters, digits, "_", "-", "." (MLflow names allow more). */
export function itemKeyOf(name: string, fallback = 'item'): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, maxKeyLength)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

function uniqueKeys(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = itemKeyOf(name);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base.slice(0, maxKeyLength - String(count).length - 1)}-${count}`;
  });
}

/** The package's model key: the version's model_key tag when it is a valid key, else the registry name made one. */
export function modelKeyOf(version: RegistryModelVersion): string {
  const tagged = version.tags[registryTagNames.modelKey];
  if (tagged && /^[a-z0-9][a-z0-9_.-]{0,63}$/.test(tagged)) return tagged;
  return itemKeyOf(version.name, 'model');
}

export interface DraftTemplate {
  schemaVersion: typeof packageSchemaVersion;
  sections: Record<string, unknown>[];
}

function titleOf(key: (typeof requiredSections)[number]['key']): string {
  return requiredSections.find((s) => s.key === key)?.title ?? key;
}

const evaluationContexts = new Set(['evaluation', 'eval', 'validation', 'test', 'holdout']);

export function draftTemplate(version: RegistryModelVersion, run: RegistryRun | null, ownerEmail: string | null): DraftTemplate {
  const tags = version.tags;
  const tier = Number(tags[registryTagNames.riskTier]);
  const datasets = run?.datasets ?? [];
  const datasetKeys = uniqueKeys(datasets.map((d) => d.name));
  const evaluated = datasets.find((d) => d.context !== null && evaluationContexts.has(d.context.toLowerCase()));
  const metricKeys = uniqueKeys((run?.metrics ?? []).map((m) => m.key));
  const origin = run?.origin ?? `MLflow run ${run?.id ?? ''}`;
  const narrative = (key: (typeof requiredSections)[number]['key']) => ({ key, kind: 'narrative', title: titleOf(key), markdown: run?.narratives?.[key] ?? '' });
  const notes = [...(version.source ? [`Model artifacts: ${version.source}`] : []), ...(run?.notes ?? [])];
  return {
    schemaVersion: packageSchemaVersion,
    sections: [
      {
        key: 'identification',
        kind: 'identification',
        title: titleOf('identification'),
        modelKey: modelKeyOf(version),
        modelName: version.name,
        versionLabel: version.version,
        ownerTeam: tags[registryTagNames.ownerTeam] ?? '',
        ownerContact: ownerEmail ?? '',
        riskTier: Number.isInteger(tier) && tier >= 1 && tier <= 4 ? tier : null,
        businessLine: tags[registryTagNames.businessLine] ?? '',
        changeSummary: version.description ?? '',
      },
      narrative('intended_use'),
      narrative('design_methodology'),
      {
        key: 'training_data',
        kind: 'lineage',
        title: titleOf('training_data'),
        datasets: datasets.map((d, i) => ({
          key: datasetKeys[i],
          name: d.name,
          version: d.digest,
          location: d.source,
          authorization: '',
          sensitiveAttributes: [],
          derivedFrom: [],
          description: `Read by ${origin} (${d.sourceType || 'unknown source type'}${d.context ? `, ${d.context}` : ''}).`,
        })),
        ...(notes.length > 0 ? { notes: notes.join('\n') } : {}),
      },
      {
        key: 'evaluation',
        kind: 'metric_table',
        title: titleOf('evaluation'),
        dataset: { name: evaluated?.name ?? '', version: evaluated?.digest ?? '', rows: null },
        metrics: (run?.metrics ?? []).map((m, i) => ({ key: metricKeys[i], name: m.key, value: m.value, threshold: null, note: `${origin}, step ${m.step}` })),
      },
      { key: 'subgroup_fairness', kind: 'subgroup_table', title: titleOf('subgroup_fairness'), metrics: [], rows: [] },
      { key: 'limitations_risks', kind: 'risk_register', title: titleOf('limitations_risks'), risks: [] },
      narrative('human_oversight'),
      narrative('validation_findings'),
      { key: 'regulatory_references', kind: 'references', title: titleOf('regulatory_references'), references: [] },
      narrative('security_controls'),
    ],
  };
}
