import { describe, expect, it } from 'vitest';
import type { NotificationList } from '#domain/contracts/notifications.ts';
import { derivedFromScratch } from '#api/notifications/notification-lists.ts';
import { allNotificationsFor } from '#api/notifications/handlers.ts';
import { twoInstancesOnPostgres } from '../contract/support/two-instances.ts';
import type { Client } from '../contract/support/client.ts';
import { expectStatus, signedIn } from '../contract/support/signing-scenarios.ts';

// Each API instance keeps its own notification lists (decision 0131), brought up to date from
// the shared log on every poll: a write through one instance shows in the next poll of the
// other, in both directions, and the kept lists equal a derivation from scratch.

const clinical = 'pkg_clinical_deterioration_risk';

async function poll(client: Client): Promise<NotificationList> {
  const reply = await client.get('/api/notifications');
  expectStatus(reply, 200);
  return reply.body as NotificationList;
}

describe('notification polls on two API instances of one PostgreSQL database', () => {
  const instances = twoInstancesOnPostgres();

  it('a write through either instance shows in the next poll of the other', async () => {
    const ownerOnFirst = await signedIn(instances.first.target, 'owner@example.com');
    const ownerOnSecond = await signedIn(instances.second.target, 'owner@example.com');
    const reviewerOnFirst = await signedIn(instances.first.target, 'model-risk@example.com');
    const reviewerOnSecond = await signedIn(instances.second.target, 'model-risk@example.com');
    // Both instances keep a list for the owner before anything is written.
    const before = await poll(ownerOnFirst);
    expect((await poll(ownerOnSecond)).items).toEqual(before.items);

    const asked = await reviewerOnFirst.post(`/api/packages/${clinical}/threads`, { versionNumber: 1, sectionKey: 'evaluation', kind: 'clarification', body: 'Which holdout period?' });
    expectStatus(asked, 201);
    const threadId = (asked.body as { id: string }).id;
    const onSecond = await poll(ownerOnSecond);
    expect(onSecond.items[0]).toMatchObject({ kind: 'clarification_requested', packageId: clinical, link: `/packages/${clinical}?version=1#thread-${threadId}`, unread: true });
    expect(onSecond.unreadCount).toBe(before.unreadCount + 1);

    // The owner answers through the second instance: the reviewer polling the first hears of it.
    expect((await poll(reviewerOnFirst)).items.filter((n) => n.kind === 'clarification_answered')).toEqual([]);
    expectStatus(await ownerOnSecond.post(`/api/packages/${clinical}/threads/${threadId}/messages`, { body: 'The 2025 holdout.' }), 201);
    const answered = (await poll(reviewerOnFirst)).items.filter((n) => n.kind === 'clarification_answered');
    expect(answered.map((n) => n.link)).toEqual([`/packages/${clinical}?version=1#thread-${threadId}`]);
    expect(await poll(reviewerOnSecond)).toEqual(await poll(reviewerOnFirst));

    // Marking read through one instance is what the other counts from.
    const read = await ownerOnFirst.post('/api/notifications/read', { upToSeq: onSecond.items[0]?.seq ?? 0 });
    expectStatus(read, 200);
    expect((await poll(ownerOnSecond)).unreadCount).toBe(0);

    for (const instance of [instances.first, instances.second]) {
      for (const email of ['owner@example.com', 'model-risk@example.com']) {
        const user = await instance.store.findUserByEmail(email);
        if (!user) throw new Error(email);
        expect((await allNotificationsFor(instance.store, user)).all).toEqual((await derivedFromScratch(new Proxy(instance.store, {}), user)).all);
      }
    }
  });
});
