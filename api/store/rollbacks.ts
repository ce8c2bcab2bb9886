import type { RollbackRole } from '#domain/contracts/rollbacks.ts';

// The rollbacks slice of the storage port (docs/decisions/0135).

/** A package whose approval was withdrawn; append-only, one per package. */
export interface StoredPackageRollback {
  packageId: string;
  modelKey: string;
  rolledBackBy: string;
  role: RollbackRole;
  reason: string;
  /** The model's previous approved package, back in force; null when there was none. */
  restoredPackageId: string | null;
  at: string;
}

export interface RollbacksStore {
  /** Records a rollback once: false, writing nothing, when the package was rolled back already (by this or another request). */
  insertPackageRollback(rollback: StoredPackageRollback): Promise<boolean>;
  /** The rollbacks of those models' packages (or all), oldest first. */
  listPackageRollbacks(modelKeys: readonly string[] | 'all'): Promise<StoredPackageRollback[]>;
}
