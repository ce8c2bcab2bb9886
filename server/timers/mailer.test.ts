import { afterEach, expect, it, vi } from 'vitest';
import type { Store, StoredMail } from '#api/store/store.ts';
import type { MailSender } from '../mail/smtp.ts';
import { startMailer } from './mailer.ts';

// The mailer's lease (docs/decisions/0238) against a store that records each call: renewed while
// a send runs; once lost, neither renewed again nor overwritten by this sender's outcome. The
// real conditional updates are tested on both engines in tests/integration/mail-delivery.test.ts.

vi.mock('#api/mail/mail-sweep.ts', () => ({ runMailSweep: () => Promise.resolve() }));

const leaseMs = 300;
const due: StoredMail = { id: 'mail_1', dedupeKey: 'k', userId: 'usr_owner', to: 'owner@example.com', subject: 'S', text: 'T', html: '<p>T</p>', kind: 'immediate', status: 'pending', attempts: 0, nextAttemptAt: '2026-01-01T00:00:00.000Z', lastError: null, sentAt: null, createdAt: '2026-01-01T00:00:00.000Z' };

interface Call {
  name: 'claim' | 'update';
  expected?: string;
  lease?: string;
  status?: string;
}

function fakeStore(renewalsHeld: boolean) {
  const calls: Call[] = [];
  let listed = false;
  const store = {
    listDueMail: () => {
      const first = !listed;
      listed = true;
      return Promise.resolve(first ? [due] : []);
    },
    claimMail: (_id: string, expected: string, lease: string) => {
      calls.push({ name: 'claim', expected, lease });
      // The first claim takes the message; renewals succeed or find it taken by another sender.
      return Promise.resolve(calls.filter((c) => c.name === 'claim').length === 1 || renewalsHeld);
    },
    updateMail: (_id: string, update: { status: string }, heldLease?: string) => {
      calls.push({ name: 'update', status: update.status, ...(heldLease ? { expected: heldLease } : {}) });
      return Promise.resolve(true);
    },
  };
  return { store: store as unknown as Store, calls };
}

const slowSender = (ms: number): MailSender => ({ send: () => new Promise((resolve) => setTimeout(resolve, ms)), close: () => undefined });
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function sendOnce(renewalsHeld: boolean, logError: (error: unknown) => void) {
  const { store, calls } = fakeStore(renewalsHeld);
  // A real clock: the renewals are timed in real time.
  const mailer = startMailer({ store, sender: slowSender(4 * leaseMs), intervalMs: 60_000, backoffBaseMs: 100, baseUrl: 'https://approvals.example.test', digestHourUtc: 7, newId: () => 'x', leaseMs, logError });
  stops.push(() => mailer.stop());
  await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0), { timeout: 20_000 });
  await mailer.stop();
  return calls;
}

it('renews the lease every third of it while the send runs, and writes the outcome under the last lease it holds', async () => {
  const errors: unknown[] = [];
  const calls = await sendOnce(true, (e) => errors.push(e));
  const claims = calls.filter((c) => c.name === 'claim');
  // A 1.2 s send, a renewal each 100 ms: about ten, each from the lease the one before set.
  expect(claims.length).toBeGreaterThanOrEqual(4);
  claims.slice(1).forEach((claim, i) => expect(claim.expected).toBe(claims[i]?.lease));
  expect(calls.at(-1)).toEqual({ name: 'update', status: 'sent', expected: claims.at(-1)?.lease });
  expect(errors).toEqual([]);
});

it('once another sender has taken the message, stops renewing and does not write this attempt’s outcome over theirs', async () => {
  const errors: unknown[] = [];
  const calls = await sendOnce(false, (e) => errors.push(e));
  // The claim and one renewal, which found the message taken: nothing after it.
  expect(calls.map((c) => c.name)).toEqual(['claim', 'claim']);
  expect(String(errors[0])).toMatch(/lease was lost during the send; this attempt's outcome \(sent\) is not written/);
});

it('a logger that throws leaves no unhandled rejection', async () => {
  // Vitest fails the run on an unhandled rejection; the lost lease's report goes through the logger.
  const calls = await sendOnce(false, () => {
    throw new Error('the logger broke');
  });
  expect(calls.map((c) => c.name)).toEqual(['claim', 'claim']);
});
