import { describe, expect, it } from 'vitest';
import { judgeRollback, type ModelPackageFacts } from './rollback.ts';

const pkg = (id: string, createdAt: string, status: ModelPackageFacts['status'], rolledBack = false): ModelPackageFacts => ({ id, versionLabel: id.toUpperCase(), createdAt, status, rolledBack });

describe('judgeRollback', () => {
  const v1 = pkg('v1', '2026-01-01T00:00:00.000Z', 'approved');
  const v2 = pkg('v2', '2026-03-01T00:00:00.000Z', 'approved_with_conditions');
  const v3 = pkg('v3', '2026-05-01T00:00:00.000Z', 'in_review');

  it('withdraws the approval in force and restores the previous approved version', () => {
    expect(judgeRollback('v2', [v1, v2, v3])).toEqual({ ok: true, restores: v1 });
  });

  it('restores nothing when the model had no earlier approval', () => {
    expect(judgeRollback('v1', [v1, v3])).toEqual({ ok: true, restores: null });
  });

  it('refuses an approval that is not in force, a version not approved, and a second rollback', () => {
    expect(judgeRollback('v1', [v1, v2])).toEqual({ ok: false, reason: 'V1 is not the approval in force (V2 is): only that one can be rolled back.' });
    expect(judgeRollback('v3', [v1, v2, v3])).toEqual({ ok: false, reason: 'V3 is in review: only an approval can be rolled back.' });
    expect(judgeRollback('v2', [v1, { ...v2, rolledBack: true }])).toEqual({ ok: false, reason: 'V2 was rolled back already.' });
    expect(judgeRollback('v9', [v1])).toMatchObject({ ok: false });
  });

  it('skips rolled-back versions: after V2 is rolled back, V1 is in force and can be rolled back in turn, restoring nothing', () => {
    const model = [v1, { ...v2, rolledBack: true }];
    expect(judgeRollback('v1', model)).toEqual({ ok: true, restores: null });
  });

  it('does not treat an emergency approval or a rejection as an approval in force', () => {
    const emergency = pkg('v4', '2026-06-01T00:00:00.000Z', 'emergency_approved');
    expect(judgeRollback('v4', [v1, emergency])).toMatchObject({ ok: false });
    expect(judgeRollback('v1', [v1, emergency, pkg('v5', '2026-07-01T00:00:00.000Z', 'rejected')])).toEqual({ ok: true, restores: null });
  });
});
