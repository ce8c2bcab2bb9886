import { describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../contracts/record.ts';
import { loggedPolicyHistory } from './policy-checks-logged.ts';

type Entry = ApprovalRecord['audit']['entries'][number];
const entry = (seq: number, action: string, after: unknown): Entry => ({ seq, at: `2026-12-06T00:00:0${seq}.000Z`, actorId: null, actorName: null, action, subject: 'pkg_1', before: null, after, prevHash: '0'.repeat(64), entryHash: '0'.repeat(64) });
const policy = (version: number, outcome = 'pass') => ({ key: 'p', version, outcome });

describe('the policy checks an audit log states (0171)', () => {
  it('numbers each version’s checks from its submission (0) and re-checks 1, 2, … in log order; an assessment re-checks the latest version submitted before it', () => {
    const { checks, signedAt } = loggedPolicyHistory({
      audit: {
        entries: [
          entry(1, 'package.submitted', { version: 1, policy: policy(1) }),
          entry(2, 'policy.rechecked', { ...policy(2, 'flagged'), blocking: 1, packageVersion: 1, evaluationDigest: 'd2' }),
          entry(3, 'decision.signed', { decision: 'dec_a', version: 1 }),
          entry(4, 'package.version_submitted', { version: 2, policy: policy(2) }),
          entry(5, 'risk.assessed', { number: 1, policy: { ...policy(3, 'flagged'), from: { key: 'p', version: 2 } } }),
          entry(6, 'risk.assessed', { number: 2 }),
          entry(7, 'policy.rechecked', { ...policy(4), blocking: 0, packageVersion: 2 }),
        ],
      },
    });
    expect(checks.map((c) => [c.packageVersion, c.seq, c.version, c.outcome, c.entrySeq, c.digest ?? null])).toEqual([
      [1, 0, 1, 'pass', 1, null],
      [1, 1, 2, 'flagged', 2, 'd2'],
      [2, 0, 2, 'pass', 4, null],
      [2, 1, 3, 'flagged', 5, null],
      [2, 2, 4, 'pass', 7, null],
    ]);
    expect([...signedAt]).toEqual([['dec_a', 3]]);
  });

  it('a version submitted with no policy has no check 0; a re-check of it is number 1', () => {
    const { checks } = loggedPolicyHistory({ audit: { entries: [entry(1, 'package.submitted', { version: 1 }), entry(2, 'policy.rechecked', { ...policy(1, 'flagged'), blocking: 1, packageVersion: 1 })] } });
    expect(checks.map((c) => [c.packageVersion, c.seq])).toEqual([[1, 1]]);
  });
});
