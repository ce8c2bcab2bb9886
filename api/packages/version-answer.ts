import type { ConcernAnswer } from '#domain/contracts/revisions.ts';
import { toActor } from '../package-access/views.ts';
import { answerBytes } from './answer-bytes.ts';
import type { Store, StoredPackage, StoredUser } from '../store/store.ts';
import type { VersionAnswer, VersionHeadFacts } from '../store/packages.ts';
import type { StoredPolicyEvaluation } from '../store/policies.ts';

// The body of `GET /api/packages/{id}/versions/{n}` as JSON text or its UTF-8 bytes (kept ones:
// 0199), built once for the route's handler and for the Node server's dedicated read path
// (docs/decisions/0190), so the two cannot send different bytes.

/** Per store: kept answer bytes (answer-bytes.ts), for the stores that keep no answers themselves. */
const keptBytes = new WeakMap<Store, ReturnType<typeof answerBytes>>();

/** Every member but the content, ending in `"content":`: what the content and a closing brace follow. */
const headOf = (members: ReturnType<typeof versionMembers>): string => `${JSON.stringify(members).slice(0, -1)},"content":`;

/**
 * The answer, or null when the package has no such version. `see` is who may see the package,
 * decided before anything of the version is sent: the handler's throws its audited 404, the
 * read path's answers null and lets the pipeline answer.
 */
export async function versionAnswerText(store: Store, packageId: string, n: number, see: (id: string) => Promise<StoredPackage | null>): Promise<VersionAnswer | null> {
  const responses = store.versionResponses;
  const headOfVersion = async (version: VersionHeadFacts) => {
    const [submitter, answers, evaluations] = await Promise.all([store.findUserById(version.submittedBy), store.listVersionAnswers(packageId, n), store.listPolicyEvaluations([packageId])]);
    return headOf(versionMembers(version, submitter, answers, evaluations));
  };
  if (responses && store.engine === 'postgres') {
    // Asked together, the package and the answer: on PostgreSQL each read is batched with other
    // requests' (server/db/pg-batched-reads.ts), in one round trip instead of several in turn.
    // Nothing read is sent unless the package is one the caller may see.
    const [pkg, answer] = await Promise.all([see(packageId), responses.answer(packageId, n, headOfVersion)]);
    return pkg ? answer : null;
  }
  if (responses) {
    // SQLite (docs/decisions/0161): the package first (who may see it), then the answer with
    // its head kept under the change clock and its content read from the row.
    const pkg = await see(packageId);
    return pkg ? responses.answer(pkg.id, n, headOfVersion) : null;
  }
  // The mocks: the package and what the version needs asked together.
  const versionRead = store.findVersion(packageId, n);
  const [pkg, version, submitter, answers, evaluations] = await Promise.all([
    see(packageId),
    versionRead,
    versionRead.then((v) => (v ? store.findUserById(v.submittedBy) : null)),
    store.listVersionAnswers(packageId, n),
    store.listPolicyEvaluations([packageId]),
  ]);
  if (!pkg || !version) return null;
  // The stored canonical JSON is the content's JSON text; it is sent without a parse and
  // re-serialization, and as bytes kept from an earlier read when head and content are the same text.
  let bytesOf = keptBytes.get(store);
  if (!bytesOf) keptBytes.set(store, (bytesOf = answerBytes()));
  return bytesOf(`${packageId}\u0000${n}`, headOf(versionMembers(version, submitter, answers, evaluations)), version.canonicalContent);
}

/** The version route's answer but its content, in the order it is sent. */
function versionMembers(version: VersionHeadFacts, submitter: StoredUser | null, answers: ConcernAnswer[], evaluations: StoredPolicyEvaluation[]) {
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
