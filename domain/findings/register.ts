import type { Finding, FindingRegisterQuery } from '../contracts/findings.ts';
import { compareSeverity } from './lifecycle.ts';

// The findings register across the inventory: one filter and one order. The server pages it in
// the database (server/db/queries/findings.ts, the same order, each with an index to walk); this
// is the rule written once in full, for the unit tests and for anyone checking an export.

export function filterFindings(findings: readonly Finding[], query: Omit<FindingRegisterQuery, 'limit' | 'offset'>): Finding[] {
  const kept = findings.filter(
    (f) =>
      (query.severity === undefined || f.severity === query.severity) &&
      (query.status === undefined || f.status === query.status) &&
      (query.ownerId === undefined || f.owner.id === query.ownerId) &&
      (query.modelKey === undefined || f.modelKey === query.modelKey) &&
      (query.overdue === undefined || f.overdue === query.overdue),
  );
  const tie = (a: Finding, b: Finding) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const order: Record<FindingRegisterQuery['sort'], (a: Finding, b: Finding) => number> = {
    due: (a, b) => a.dueDate.localeCompare(b.dueDate) || compareSeverity(a.severity, b.severity) || tie(a, b),
    severity: (a, b) => compareSeverity(a.severity, b.severity) || a.dueDate.localeCompare(b.dueDate) || tie(a, b),
    raised: (a, b) => tie(b, a),
    updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt) || tie(b, a),
  };
  return kept.sort(order[query.sort]);
}

const csvColumns = ['id', 'model', 'package', 'version', 'section', 'title', 'severity', 'type', 'status', 'owner', 'due', 'overdue', 'raised by', 'raised role', 'risk accepted until'] as const;

/** RFC 4180 CSV of the register; a cell that a spreadsheet would run as a formula is quoted with a leading apostrophe. */
export function findingsCsv(findings: readonly Finding[]): string {
  const cell = (value: string | number | boolean) => {
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = findings.map((f) =>
    [f.id, f.modelName, f.packageId, f.versionNumber, f.sectionKey, f.title, f.severity, f.type, f.status, f.owner.displayName, f.dueDate, f.overdue, f.raisedBy.displayName, f.raisedRole, f.acceptance?.expiresOn ?? ''].map(cell).join(','),
  );
  return [csvColumns.join(','), ...rows].join('\r\n') + '\r\n';
}
