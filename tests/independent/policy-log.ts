// The independent reading of docs/verification.md's rule that a record's policy checks are the
// ones its audit log states (docs/decisions/0171). Written from the specification only: it shares
// nothing with domain/evidence/policy-checks-logged.ts or policy-checks-reconcile.ts.

export interface AuditEntryShape {
  seq: number;
  at: string;
  action: string;
  after: unknown;
}

/** A check as an entry states it. */
export interface StatedCheck {
  forVersion: number;
  number: number;
  key: string;
  version: number;
  outcome: string;
  at: string;
  entry: number;
  evaluationDigest: string | null;
}

const field = (value: unknown, name: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined);

function stated(forVersion: number, number: number, entry: AuditEntryShape, source: unknown): StatedCheck {
  const digest = field(source, 'evaluationDigest');
  return { forVersion, number, key: String(field(source, 'key')), version: Number(field(source, 'version')), outcome: String(field(source, 'outcome')), at: entry.at, entry: entry.seq, evaluationDigest: typeof digest === 'string' ? digest : null };
}

/** Every check the log states, in log order, and where each decision was signed (decision id → entry seq). */
export function checksInLog(entries: readonly AuditEntryShape[]): { checks: StatedCheck[]; signedIn: Map<string, number> } {
  const checks: StatedCheck[] = [];
  const signedIn = new Map<string, number>();
  let newest = 0;
  const next = (forVersion: number) => 1 + checks.filter((c) => c.forVersion === forVersion && c.number > 0).length;
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  for (const entry of ordered) {
    const after = entry.after;
    const policy = field(after, 'policy');
    switch (entry.action) {
      case 'package.submitted':
      case 'package.version_submitted':
        newest = Number(field(after, 'version'));
        if (policy) checks.push(stated(newest, 0, entry, policy));
        break;
      case 'policy.rechecked': {
        const forVersion = Number(field(after, 'packageVersion'));
        checks.push(stated(forVersion, next(forVersion), entry, after));
        break;
      }
      case 'risk.assessed':
      case 'risk.override_confirmed':
        // An assessment re-checks the newest version submitted before it.
        if (policy) checks.push(stated(newest, next(newest), entry, policy));
        break;
      case 'decision.signed': {
        const id = field(after, 'decision');
        if (typeof id === 'string') signedIn.set(id, entry.seq);
        break;
      }
      default:
        break;
    }
  }
  return { checks, signedIn };
}
