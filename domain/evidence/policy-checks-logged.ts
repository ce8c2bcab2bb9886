import type { ApprovalRecord } from '../contracts/record.ts';

// The policy checks of a package as its audit log states them (docs/decisions/0171). The server
// can re-sign a record it changed, but not the hash-chained, Merkle-logged entries the record
// carries: the carried checks are held to these, so none can be left out, moved or re-dated.

/** One check the log states: the version it checked, its number (0 at submission, n for re-check n), what it named and when. */
export interface LoggedCheck {
  packageVersion: number;
  seq: number;
  key: string;
  version: number;
  outcome: string;
  at: string;
  /** The entry's place in the whole log, to order decisions against it. */
  entrySeq: number;
  /** `evaluationDigest` where the entry states it (entries written from 0171 on). */
  digest?: string;
}

export interface LoggedPolicyHistory {
  checks: LoggedCheck[];
  /** Each signed decision's `decision.signed` entry: decision id to its place in the log. */
  signedAt: Map<string, number>;
}

type Entry = ApprovalRecord['audit']['entries'][number];
interface Named { key?: unknown; version?: unknown; outcome?: unknown; evaluationDigest?: unknown }

const object = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const named = (value: unknown): Named | undefined => (value !== null && typeof value === 'object' ? value : undefined);

function logged(entry: Entry, packageVersion: number, seq: number, stated: Named): LoggedCheck {
  return {
    packageVersion,
    seq,
    key: String(stated.key),
    version: Number(stated.version),
    outcome: String(stated.outcome),
    at: entry.at,
    entrySeq: entry.seq,
    ...(typeof stated.evaluationDigest === 'string' ? { digest: stated.evaluationDigest } : {}),
  };
}

/**
 * Every event that records a check: a submission's (`package.submitted`,
 * `package.version_submitted`, `after.policy`: check 0 of that version), a publication's re-check
 * (`policy.rechecked`, of `after.packageVersion`) and an assessment's or a confirmed override's
 * re-check (`risk.assessed`, `risk.override_confirmed` with `after.policy`: of the latest version
 * submitted before it). Re-checks are numbered 1, 2, … per version in log order.
 */
export function loggedPolicyHistory(record: { audit: { entries: readonly Entry[] } }): LoggedPolicyHistory {
  const checks: LoggedCheck[] = [];
  const signedAt = new Map<string, number>();
  const rechecks = new Map<number, number>();
  let latest = 0;
  const recheck = (entry: Entry, packageVersion: number, stated: Named) => {
    const seq = (rechecks.get(packageVersion) ?? 0) + 1;
    rechecks.set(packageVersion, seq);
    checks.push(logged(entry, packageVersion, seq, stated));
  };
  for (const entry of [...record.audit.entries].sort((a, b) => a.seq - b.seq)) {
    const after = object(entry.after);
    if (entry.action === 'package.submitted' || entry.action === 'package.version_submitted') {
      latest = Number(after.version);
      const stated = named(after.policy);
      if (stated) checks.push(logged(entry, latest, 0, stated));
    } else if (entry.action === 'policy.rechecked') recheck(entry, Number(after.packageVersion), object(after));
    else if (entry.action === 'risk.assessed' || entry.action === 'risk.override_confirmed') {
      const stated = named(after.policy);
      if (stated) recheck(entry, latest, stated);
    } else if (entry.action === 'decision.signed' && typeof after.decision === 'string') signedAt.set(after.decision, entry.seq);
  }
  return { checks, signedAt };
}
