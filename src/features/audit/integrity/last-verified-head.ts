import { signedTreeHeadSchema, type SignedTreeHead } from '#domain/contracts/audit.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The last tree head this browser verified, kept so the next check can demand that the log
// still extends it: a log rewritten between two checks is then caught even if the rewrite
// is consistent with itself and freshly signed.

const storageKey = 'model-approval:audit:last-verified-tree-head';

export function readLastVerifiedHead(): SignedTreeHead | null {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored === null) return null;
    const parsed = signedTreeHeadSchema.safeParse(parseJson(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    // Storage refused (private mode, a policy) or unreadable: check without a memory.
    return null;
  }
}

/** Only a head that was verified (signature, root, consistency) is remembered. */
export function rememberVerifiedHead(head: SignedTreeHead): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(head));
  } catch {
    // The check still stands; only the next one compares with nothing.
  }
}
