// Answers asked for before the code that reads them has loaded: the app, opening on a page
// whose first request is slow, asks for it while its router is not made yet, and apiFetch
// takes the answer when the page asks for the same path (docs/decisions/0178). Each answer
// is taken once; one nobody takes is dropped after a while, so none is read stale, and all
// are dropped once any write of this tab has been answered (apiFetch): every change of session
// is one (a sign-in, a sign-out, a replaced password, the first administrator's setup), and
// any other write may have changed what a GET answers, so none answers for another session or
// from before the tab's own change.

const kept = new Map<string, Promise<Response>>();
const keptForMs = 10_000;

/** The request apiFetch makes for a GET of `path`, made now; apiFetch's next GET of that path takes its answer, which is also returned. */
export function requestEarly(path: string, request: (path: string) => Promise<Response>): Promise<Response> {
  const answer = request(path);
  // A failed early request is not reported here: the page's own request then fails as it would have.
  answer.catch(() => undefined);
  kept.set(path, answer);
  setTimeout(() => {
    if (kept.get(path) !== answer) return;
    kept.delete(path);
    drop(answer);
  }, keptForMs);
  return answer;
}

/**
 * Drops every answer not yet taken: each was asked for before the write just answered, in the
 * session of then (or with none), so it may not be the answer the page's request would get now
 * (a refusal kept from before a sign-in, or the last person's package after a sign-out).
 */
export function dropEarlyAnswers(): void {
  for (const answer of kept.values()) drop(answer);
  kept.clear();
}

// Nobody read it: its body would otherwise hold the connection until collected.
function drop(answer: Promise<Response>): void {
  answer.then((response) => response.body?.cancel()).catch(() => undefined);
}

/** The early answer for a GET of `path`, once; undefined when there is none. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const answer = kept.get(path);
  kept.delete(path);
  return answer;
}
