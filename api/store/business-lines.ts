import type { BusinessLine } from '#domain/contracts/business-lines.ts';

// The business lines slice of the storage port (docs/decisions/0168).

export interface BusinessLinesStore {
  /** Every line, retired ones too, in label order. */
  listBusinessLines(): Promise<BusinessLine[]>;
  /** Adds a line once: false, writing nothing, when a line with its key exists (added by this or another request). */
  insertBusinessLine(line: BusinessLine): Promise<boolean>;
  /** Retires a line still in use: false when there is no such line or it was retired already. */
  retireBusinessLine(key: string, at: string): Promise<boolean>;
  /**
   * Packages filed before the list under a spelling a line added now matches: the line's
   * addition does not lift their unlisted-line blocker; their owner's next version re-files
   * them (docs/decisions/0182). Kept until `refilePackageLine`.
   */
  requireLineRefiles(packageIds: readonly string[], lineKey: string, at: string): Promise<void>;
  /** Which of these packages still wait to be re-filed under a line added after them. */
  listLineRefilesRequired(packageIds: readonly string[]): Promise<string[]>;
}
