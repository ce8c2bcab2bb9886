import type { RecordOutcome, RecordVerification } from './verify-record.ts';
import { hasLapsed, lapseWords, signedObligationsOf } from './signed-obligations.ts';

// The deployment gate's rule (`npm run gate`), over a record the verifier has already judged:
// a model version may ship only if its record verifies with a pinned key, is for that model
// version, is approved, is not past any re-review date of its conditions, and the requested
// scope is within the scope its conditions state. No registry tag is trusted: tags are
// written by whoever can write to the registry; the record is signed by the server.
// Scope: `--scope channel=card_not_present` asks whether "card not present" (the value, its
// separators read as spaces, any case) is named by the conditions' scope text, e.g.
// "Card-not-present transactions only". An approval with a scope and a gate asking for none
// fails: deploying everywhere is not within "card-not-present only".
// Signed obligations (decision record 0111) are held to more exactly: an obligation lapsed or
// past its due date without a confirmed fulfilment fails the gate (CONDITIONS LAPSED), and a machine-readable scope
// statement ({"dimension":"channel","allow":["card_not_present"]}) is matched by its exact
// values: `--scope channel=card_present` fails, and so does a gate that does not name the
// dimension at all.

export interface GateQuestion {
  modelKey: string;
  versionLabel: string;
  /** The deployment's scope as key=value pairs; empty: unrestricted. */
  scope: readonly { key: string; value: string }[];
  /** The day the gate judges for (YYYY-MM-DD, UTC). */
  today: string;
}

export type GateVerdict = { pass: true; line: string } | { pass: false; line: string };

const words = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** `verified`: the record and the obligation statuses the verifier replayed from its log (verifyRecordText). */
export function judgeDeployment(outcome: RecordOutcome, verified: Pick<RecordVerification, 'record' | 'obligationStatuses'>, firstFailure: string | null, question: GateQuestion): GateVerdict {
  const refuse = (line: string): GateVerdict => ({ pass: false, line });
  const { record, obligationStatuses } = verified;
  if (outcome === 'unpinned') return refuse('UNPINNED: the record verifies only against the key it carries; pin the server key (--key, --key-file or --fingerprint)');
  if (outcome === 'demonstration') return refuse('DEMONSTRATION: the record holds demo decisions nobody signed');
  if (outcome !== 'valid' || !record || !obligationStatuses) return refuse(`INVALID: ${firstFailure ?? 'the record does not verify'}`);
  const p = record.package;
  if (p.modelKey !== question.modelKey || p.versionLabel !== question.versionLabel) return refuse(`WRONG RECORD: it is for ${p.modelKey} ${p.versionLabel}, not ${question.modelKey} ${question.versionLabel}`);
  if (p.status !== 'approved' && p.status !== 'approved_with_conditions' && p.status !== 'emergency_approved') return refuse(`NOT APPROVED: ${p.modelKey} ${p.versionLabel} is ${p.status.replaceAll('_', ' ')}`);
  // A rollback (docs/decisions/0135) is an audit entry about the package, inside the signed record.
  const rollback = record.audit.entries.find((e) => e.action === 'package.rolled_back');
  if (rollback) return refuse(`ROLLED BACK: the approval of ${p.modelKey} ${p.versionLabel} was withdrawn on ${rollback.at.slice(0, 10)}${rollback.actorName ? ` by ${rollback.actorName}` : ''}`);
  const approved = p.approvedVersion;
  const conditions = record.decisions.filter((d) => d.versionNumber === approved && d.conditions !== null).map((d) => d.conditions).filter((c) => c !== null);
  const due = conditions.map((c) => c.reReviewOn).sort()[0];
  if (due !== undefined && due <= question.today) return refuse(`LAPSED: the approval's re-review was due on ${due}`);
  const obligations = signedObligationsOf(record, approved, obligationStatuses);
  const lapsed = obligations.find((o) => hasLapsed(o, question.today));
  if (lapsed) return refuse(`CONDITIONS LAPSED: "${lapsed.text}" was due on ${lapsed.dueOn} and is ${lapseWords(lapsed)}`);
  for (const scope of obligations.map((o) => o.scope).filter((s) => s !== null)) {
    const asked = question.scope.filter((pair) => pair.key === scope.dimension);
    const allowed = `${scope.dimension} ∈ {${scope.allow.join(', ')}}`;
    if (asked.length === 0) return refuse(`OUT OF SCOPE: approved only for ${allowed}; name the deployment's ${scope.dimension} with --scope ${scope.dimension}=…`);
    const outside = asked.find((pair) => !scope.allow.includes(pair.value));
    if (outside) return refuse(`OUT OF SCOPE: ${outside.key}=${outside.value} is not within ${allowed}`);
  }
  const scopes = conditions.map((c) => c.scope);
  if (scopes.length > 0) {
    if (question.scope.length === 0) return refuse(`OUT OF SCOPE: approved only for "${scopes.join('" and "')}"; name the deployment's scope with --scope`);
    for (const { key, value } of question.scope) {
      const outside = scopes.find((s) => !words(s).includes(words(value)));
      if (outside !== undefined) return refuse(`OUT OF SCOPE: ${key}=${value} is not within "${outside}"`);
    }
  }
  const until = due ? `, re-review due ${due}` : '';
  return { pass: true, line: `APPROVED: ${p.modelKey} ${p.versionLabel} (${p.status.replaceAll('_', ' ')}, version ${approved ?? '?'}${until}), record signed by a pinned key` };
}
