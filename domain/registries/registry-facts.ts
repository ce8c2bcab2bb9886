// What a model registry says about a model version and the run that produced it, in the
// registry-neutral shape the connectors answer with (api/kernel/registry-port.ts).

/** One registered model version, as the registry describes it. */
export interface RegistryModelVersion {
  name: string;
  version: string;
  description: string | null;
  /** Where the model's files are (models:/…, s3://…, runs:/…). */
  source: string | null;
  runId: string | null;
  tags: Record<string, string>;
  aliases: string[];
  status: string | null;
  userId: string | null;
  /** ISO time the version was registered, when the registry says. */
  createdAt: string | null;
}

export interface RegistryMetric {
  key: string;
  value: number;
  step: number;
}

export interface RegistryDataset {
  name: string;
  digest: string;
  sourceType: string;
  source: string;
  /** mlflow.data.context: training, validation, evaluation… (null when untagged). */
  context: string | null;
}

/** The run that produced a version: its final metrics and the datasets it read. */
export interface RegistryRun {
  id: string;
  name: string | null;
  metrics: RegistryMetric[];
  params: Record<string, string>;
  tags: Record<string, string>;
  datasets: RegistryDataset[];
}
