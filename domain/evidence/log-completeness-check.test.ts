import { describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../contracts/record.ts';
import { sampleRecord } from '#tests/fixtures/sample-record.ts';
import { logCompletenessChecks } from './log-completeness-check.ts';
import { verifyRecordText } from './verify-record.ts';

// docs/decisions/0180: against the log export (GET /api/audit/chain), the record's tree head
// root must be recomputed from the log, and every entry about the package up to the tree size
// must be in the record: what the record alone cannot show (its last entries).

const rootLabel = 'Audit log export (root of the signed tree head)';
const completeLabel = 'Audit entries about the package (complete against the log)';

function withoutLast(record: ApprovalRecord): ApprovalRecord {
  const copy = structuredClone(record);
  copy.audit.entries = copy.audit.entries.slice(0, -1);
  copy.audit.proofs = copy.audit.proofs.slice(0, -1);
  return copy;
}

describe('a record held to the log export', () => {
  it('an honest record and its log: the root recomputes and every entry about the package is carried', async () => {
    const sample = await sampleRecord({ linkedFrom: 1 });
    const verdict = await verifyRecordText(sample.text, { trustedKeys: [sample.serverKey], auditLog: sample.logExport });
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.checks.find((c) => c.label === completeLabel)?.detail).toMatch(/The log's 4 entries about package pkg_sample_credit up to #8 are exactly the 4 the record carries/);
    expect(verdict.checks.find((c) => c.label === rootLabel)?.ok).toBe(true);
  });

  it('the record without its last entry about the package (#7) fails against the log, naming it', async () => {
    const sample = await sampleRecord({ linkedFrom: 1 });
    const checks = logCompletenessChecks(withoutLast(sample.record), sample.logExport);
    expect(checks.map((c) => [c.label, c.ok])).toEqual([
      [rootLabel, true],
      [completeLabel, false],
    ]);
    expect(checks[1]?.detail).toBe('the log holds #7 (decision.signed) about package pkg_sample_credit, which the record does not carry.');
  });

  it('also for entries written before subject links', async () => {
    const sample = await sampleRecord();
    const checks = logCompletenessChecks(withoutLast(sample.record), sample.logExport);
    expect(checks.find((c) => !c.ok)?.detail).toMatch(/#7 \(decision.signed\)/);
  });

  it('a log with a rewritten entry is not the signed log: its root differs', async () => {
    const sample = await sampleRecord({ linkedFrom: 1 });
    const lines = sample.logExport.split('\n');
    lines[2] = (lines[2] ?? '').replace('owner@example.com', 'other@example.com');
    const checks = logCompletenessChecks(sample.record, lines.join('\n'));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ label: rootLabel, ok: false });
    expect(checks[0]?.detail).toMatch(/hash to the root [0-9a-f]{12}…, not to the signed tree head's/);
  });

  it('a log shorter than the tree size, or not chain lines, cannot be read', async () => {
    const sample = await sampleRecord({ linkedFrom: 1 });
    const short = sample.logExport.split('\n').slice(0, 5).join('\n');
    expect(logCompletenessChecks(sample.record, short)[0]?.detail).toMatch(/it holds 5 entries; the record's signed tree head has 8: export at least that many \(GET \/api\/audit\/chain\?limit=8\)/);
    expect(logCompletenessChecks(sample.record, '{"seq":1}\n')[0]?.detail).toMatch(/line 1 is not an audit chain line/);
  });
});
