import { http } from 'msw';
import { prepareVersion } from '#api/packages/prepare-version.ts';
import type { Store } from '#api/store/store.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { TextQuoteSelector, ThreadStatus } from '#domain/contracts/threads.ts';

/**
 * Holds every API request until `release` is called, so a test can stage data in the mock
 * API's store (which exists only once renderApp has created it) before the page reads any.
 */
export function holdRequests() {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  // Answering nothing passes the request on to the mock API.
  const gate = http.all('*/api/*', async () => {
    await released;
    return undefined;
  });
  return { gate, release: () => release() };
}

/** A later version of a package, stored as a resubmission by the owner would be. */
export async function storeVersion(store: Store, packageId: string, number: number, content: PackageContent, submittedAt: string): Promise<void> {
  await store.insertVersion({ packageId, number, ...(await prepareVersion(content)), submittedBy: 'usr_owner', submittedAt });
}

const modelRisk = { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };

interface ThreadInput {
  id: string;
  packageId: string;
  versionNumber: number;
  sectionKey: string;
  anchor: TextQuoteSelector | null;
  body: string;
  createdAt: string;
  status?: ThreadStatus;
}

/** A comment by the head of model risk, with its first message. */
export async function storeComment(store: Store, input: ThreadInput): Promise<void> {
  const { body, status = 'open', ...thread } = input;
  const resolved = status === 'resolved';
  await store.insertThread({ ...thread, kind: 'comment', severity: null, status, createdBy: modelRisk, resolvedBy: resolved ? modelRisk : null, resolvedAt: resolved ? input.createdAt : null });
  await store.insertMessage({ id: `msg_${input.id}`, threadId: input.id, author: modelRisk, authorRole: 'model_risk', body, createdAt: input.createdAt, position: 0 });
}
