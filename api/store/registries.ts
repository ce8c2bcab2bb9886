// The registries slice of the storage port: intakes (a registry model version that became a
// draft, written once), the write-back outbox (state) and its append-only attempt log.

export interface StoredRegistryIntake {
  id: string;
  connectorId: string;
  registryModel: string;
  registryVersion: string;
  modelKey: string;
  versionLabel: string;
  /** The owner the draft is for; null when no known owner could be found (administrators assign it by submitting for them). */
  ownerId: string | null;
  /** The pre-filled package content, JSON text (domain/registries/draft-template.ts). */
  template: string;
  runId: string | null;
  /** The registry's id of the delivery that created it (X-MLflow-Delivery-Id). */
  deliveryId: string;
  receivedAt: string;
}

export type RegistryOutcome = 'approved' | 'rejected' | 'lapsed';
export type RegistryWriteBackStatus = 'pending' | 'done' | 'failed' | 'superseded';

export interface RegistryWriteBackDetails {
  packageId: string;
  version: number;
  contentHash: string;
  recordUrl: string;
  decidedAt: string;
  /** Why, where the outcome alone does not say (a chain move ending an approval, 0193 S30). */
  reason?: string;
}

export interface StoredRegistryWriteBack {
  id: string;
  connectorId: string;
  registryModel: string;
  registryVersion: string;
  packageId: string;
  outcome: RegistryOutcome;
  details: RegistryWriteBackDetails;
  status: RegistryWriteBackStatus;
  attempts: number;
  /** When the dispatcher may next take it (also its lease while an attempt runs); null once settled. */
  nextAttemptAt: string | null;
  lastError: string | null;
  doneAt: string | null;
  createdAt: string;
}

export interface StoredRegistryWriteBackAttempt {
  writeBackId: string;
  attempt: number;
  at: string;
  /** The registry calls made, in order, each with its outcome ("POST set-tag approval_status: ok"). */
  calls: string[];
  error: string | null;
  durationMs: number;
}

export interface RegistriesStore {
  /** Inserts the intake unless one exists for its connector, model and version; false when one did (another delivery won). */
  insertRegistryIntake(intake: StoredRegistryIntake): Promise<boolean>;
  findRegistryIntake(connectorId: string, registryModel: string, registryVersion: string): Promise<StoredRegistryIntake | null>;
  findRegistryIntakeById(id: string): Promise<StoredRegistryIntake | null>;
  /** The intake a package was drafted from (by its model key and version label), if any. */
  findRegistryIntakeForPackage(modelKey: string, versionLabel: string): Promise<StoredRegistryIntake | null>;
  /** Newest first. */
  listRegistryIntakes(): Promise<StoredRegistryIntake[]>;

  /** Queues a write-back; older pending ones for the same registry version are superseded (only the latest outcome is written). */
  insertRegistryWriteBack(writeBack: StoredRegistryWriteBack): Promise<void>;
  /** A package's write-backs, oldest first. */
  listRegistryWriteBacks(packageId: string): Promise<StoredRegistryWriteBack[]>;
  /** The most recent write-backs of every package, newest first (the administrators' view of the outbox). */
  listRecentRegistryWriteBacks(limit: number): Promise<StoredRegistryWriteBack[]>;
  /** Pending write-backs due at or before `at`, oldest first. */
  listDueRegistryWriteBacks(at: string, limit: number): Promise<StoredRegistryWriteBack[]>;
  /** Takes a due write-back by moving its next attempt to `leaseUntil`, only if nobody moved it since it was read. */
  claimRegistryWriteBack(id: string, expectedNextAttemptAt: string, leaseUntil: string): Promise<boolean>;
  /** Records an attempt's result, unless the write-back was superseded meanwhile (false then). */
  updateRegistryWriteBack(id: string, update: Pick<StoredRegistryWriteBack, 'attempts' | 'status' | 'nextAttemptAt' | 'lastError' | 'doneAt'>): Promise<boolean>;
  insertRegistryWriteBackAttempt(attempt: StoredRegistryWriteBackAttempt): Promise<void>;
  listRegistryWriteBackAttempts(writeBackIds: readonly string[]): Promise<StoredRegistryWriteBackAttempt[]>;
}
