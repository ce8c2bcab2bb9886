import type { BusinessLine } from '#domain/contracts/business-lines.ts';

// The business lines slice of the storage port (docs/decisions/0168).

export interface BusinessLinesStore {
  /** Every line, retired ones too, in label order. */
  listBusinessLines(): Promise<BusinessLine[]>;
  /** Adds a line once: false, writing nothing, when a line with its key exists (added by this or another request). */
  insertBusinessLine(line: BusinessLine): Promise<boolean>;
  /** Retires a line still in use: false when there is no such line or it was retired already. */
  retireBusinessLine(key: string, at: string): Promise<boolean>;
}
