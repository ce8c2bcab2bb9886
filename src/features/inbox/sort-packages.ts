import type { PackageSummary } from '#domain/contracts/packages.ts';

/**
 * The order a reviewer works in: overdue first, then the soonest due, then packages with no
 * due date (finished, or waiting on someone else), the most recently changed first.
 */
export function sortForInbox(items: readonly PackageSummary[]): PackageSummary[] {
  return [...items].sort((a, b) => {
    const overdue = Number(b.currentStep?.overdue ?? false) - Number(a.currentStep?.overdue ?? false);
    if (overdue !== 0) return overdue;
    const aDue = a.currentStep?.dueAt ?? null;
    const bDue = b.currentStep?.dueAt ?? null;
    if (aDue !== bDue) {
      if (aDue === null) return 1;
      if (bDue === null) return -1;
      return aDue.localeCompare(bDue);
    }
    return b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
  });
}
