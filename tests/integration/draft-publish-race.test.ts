import { describe, expect, it } from 'vitest';
import type { Thread } from '#domain/contracts/threads.ts';
import { twoInstancesOnPostgres } from '../contract/support/two-instances.ts';
import { signedIn } from '../contract/support/signing-scenarios.ts';

// A reviewer publishes their drafts from two devices at once, each request on another API
// instance of one PostgreSQL database. Publication reads the drafts after taking the
// package's lock, so one request publishes them and the other finds none: every draft
// becomes exactly one thread, and one review.published entry names them.

const rounds = 8;
const retail = 'pkg_retail_credit_pd';

describe('publishing the same drafts twice at once (PostgreSQL, two API instances)', () => {
  const instances = twoInstancesOnPostgres();

  it(`publishes each draft once, ${rounds} rounds`, async () => {
    const laptop = await signedIn(instances.first.target, 'fair-lending@example.com');
    const phone = await signedIn(instances.second.target, 'fair-lending@example.com');
    const threadCount = async () => ((await laptop.get(`/api/packages/${retail}/threads`)).body as { items: Thread[] }).items.length;
    let expected = await threadCount();
    for (let round = 0; round < rounds; round++) {
      for (const n of [1, 2, 3]) {
        const saved = await laptop.post(`/api/packages/${retail}/review-drafts`, { versionNumber: 2, sectionKey: 'evaluation', kind: 'comment', body: `Round ${round}, note ${n}.` });
        expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      }
      const [a, b] = await Promise.all([laptop.send('POST', `/api/packages/${retail}/review-drafts/publication`), phone.send('POST', `/api/packages/${retail}/review-drafts/publication`)]);
      expect([a.status, b.status]).toEqual([201, 201]);
      const counts = [a, b].map((reply) => (reply.body as { published: Thread[] }).published.length).sort();
      expect(counts, `round ${round}`).toEqual([0, 3]);
      expected += 3;
      expect(await threadCount()).toBe(expected);
    }
    const entries = await instances.first.store.listAuditEntries({ subject: retail, action: 'review.published' }, 0, 100);
    expect(entries.filter((entry) => entry.action === 'review.published')).toHaveLength(rounds);
  });
});
