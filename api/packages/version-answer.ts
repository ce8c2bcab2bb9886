import type { ConcernAnswer } from '#domain/contracts/revisions.ts';
import { toActor } from '../package-access/views.ts';
import { withJsonMember } from '../kernel/serialized-json.ts';
import type { Store, StoredPackage, StoredUser } from '../store/store.ts';
import type { VersionAnswer, VersionResponseFacts } from '../store/packages.ts';
import type { StoredPolicyEvaluation } from '../store/policies.ts';

// The body of `GET /api/packages/{id}/versions/{n}` as JSON text (or its UTF-8 bytes, kept whole on SQLite: 0199), built once for the route's
// handler and for the Node server's dedicated read path (docs/decisions/0190), so the two
// cannot send different bytes.

/**
 * The answer, or null when the package has no such version. `see` is who may see the package,
 * decided before anything of the version is sent: the handler's throws its audited 404, the
 * read path's answers null and lets the pipeline answer.
 */
export async function versionAnswerText(store: Store, packageId: string, n: number, see: (id: string) => Promise<StoredPackage | null>): Promise<VersionAnswer | null> {
  const responses = store.versionResponses;
  if (responses) {
    // SQLite (docs/decisions/0161): the package first (who may see it), then the answer with
    // its head kept under the change clock and its content read from the row.
    const pkg = await see(packageId);
    if (!pkg) return null;
    return responses.answer(pkg.id, n, async (version) => {
      const [submitter, answers, evaluations] = await Promise.all([store.findUserById(version.submittedBy), store.listVersionAnswers(pkg.id, n), store.listPolicyEvaluations([pkg.id])]);
      return `${JSON.stringify(versionMembers(version, submitter, answers, evaluations)).slice(0, -1)},"content":`;
    });
  }
  // Asked together, the package and what the version needs: on PostgreSQL each is batched
  // with other requests' (server/db/pg-batched-reads.ts), in one round trip instead of three
  // in turn. Nothing read is sent unless the package is one the caller may see.
  const versionRead = store.findVersion(packageId, n);
  const [pkg, version, submitter, answers, evaluations] = await Promise.all([
    see(packageId),
    versionRead,
    versionRead.then((v) => (v ? store.findUserById(v.submittedBy) : null)),
    store.listVersionAnswers(packageId, n),
    store.listPolicyEvaluations([packageId]),
  ]);
  if (!pkg || !version) return null;
  // The stored canonical JSON is the content's JSON text; it is sent without a parse and re-serialization.
  return withJsonMember(versionMembers(version, submitter, answers, evaluations), 'content', version.canonicalContent).text;
}

/** The version route's answer but its content, in the order it is sent. */
function versionMembers(version: VersionResponseFacts, submitter: StoredUser | null, answers: ConcernAnswer[], evaluations: StoredPolicyEvaluation[]) {
  return {
    packageId: version.packageId,
    number: version.number,
    contentHash: version.contentHash,
    submittedBy: toActor(submitter ?? undefined, version.submittedBy),
    submittedAt: version.submittedAt,
    answers,
    policy: evaluations.find((e) => e.version === version.number)?.evaluation ?? null,
  };
}
