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
  /** Where these facts come from, as the draft names it; absent: "MLflow run <id>". */
  origin?: string;
  /** Narrative text the registry has (a SageMaker model card's intended uses…), by package section key. */
  narratives?: Record<string, string>;
  /** References the draft's lineage notes list (model artifacts' reports, e.g. ModelMetrics' S3 reports). */
  notes?: string[];
}

/** A SageMaker model package version as DescribeModelPackage describes it (the parts intake reads). */
export interface SageMakerModelPackage {
  arn: string;
  groupName: string | null;
  version: number | null;
  approvalStatus: string | null;
  description: string | null;
  customerMetadata: Record<string, string>;
  createdAt: string | null;
  createdBy: string | null;
  /** InferenceSpecification's first container's model data (s3://…). */
  modelDataUrl: string | null;
  /** ModelMetrics' reports: which kind (ModelQuality.Statistics, Bias.Report…) and where (S3 URI). */
  metricReports: { kind: string; s3Uri: string }[];
  /** ModelCard.ModelCardContent, the JSON text of the model package model card, when there is one. */
  modelCardContent: string | null;
}

/** One entry of ListModelPackages. */
export interface SageMakerPackageSummary {
  arn: string;
  groupName: string | null;
  version: number | null;
  approvalStatus: string | null;
  createdAt: string | null;
}
