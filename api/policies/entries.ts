import type { PolicyVersionEntry } from '#domain/contracts/policies.ts';
import { toActor } from '../package-access/views.ts';
import type { StoreTx, StoredPolicyVersion, StoredUser } from '../store/store.ts';

// A policy version as the API answers it: whether it is its key's current one, and who published it.

export function newestVersions(rows: readonly StoredPolicyVersion[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const { policy } of rows) newest.set(policy.key, Math.max(newest.get(policy.key) ?? 0, policy.version));
  return newest;
}

export async function entriesOf(tx: StoreTx, rows: readonly StoredPolicyVersion[]): Promise<PolicyVersionEntry[]> {
  const newest = newestVersions(await tx.listPolicyVersions());
  const users = new Map<string, StoredUser>((await tx.listUsers()).map((u) => [u.id, u]));
  return rows.map((row) => ({
    policy: row.policy,
    current: newest.get(row.policy.key) === row.policy.version,
    publishedBy: row.publishedBy ? toActor(users.get(row.publishedBy), row.publishedBy) : null,
    publishedAt: row.publishedAt,
  }));
}

export const policyLocation = (entry: PolicyVersionEntry): string => `/api/policies/${entry.policy.key}/versions/${entry.policy.version}`;
