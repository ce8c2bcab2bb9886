import { describe, expect, it } from 'vitest';
import { absoluteLink, composeDigestMail, composeImmediateMail, digestCutoff } from './compose-mail.ts';

const base = 'https://approvals.example.com';

describe('mail composition', () => {
  it('links to the exact place on the public URL and escapes what it quotes', () => {
    const mail = composeImmediateMail({ kind: 'clarification_requested', text: 'Ann <ann@x> asked on "evaluation"', link: '/packages/pkg_a?version=2#thread-thr_1', at: '2026-01-01T00:00:00.000Z' }, base);
    expect(mail.subject).toBe('[Model approval] A clarification is asked of you');
    expect(mail.text).toContain('Open it: https://approvals.example.com/packages/pkg_a?version=2#thread-thr_1');
    expect(mail.html).toContain('href="https://approvals.example.com/packages/pkg_a?version=2#thread-thr_1"');
    expect(mail.html).toContain('Ann &lt;ann@x&gt; asked on &quot;evaluation&quot;');
    expect(mail.html).not.toContain('<ann@x>');
    expect(absoluteLink(base, '/account/notifications')).toBe('https://approvals.example.com/account/notifications');
  });

  it('counts a digest and lists each item with its link', () => {
    const item = (n: number) => ({ kind: 're_review_due' as const, text: `Item ${n}`, link: `/packages/p${n}`, at: '2026-01-01T00:00:00.000Z' });
    expect(composeDigestMail([item(1)], base).subject).toBe('[Model approval] Your daily digest: 1 notification');
    const two = composeDigestMail([item(1), item(2)], base);
    expect(two.subject).toBe('[Model approval] Your daily digest: 2 notifications');
    expect(two.text).toContain('- A re-review is due: Item 2\n  https://approvals.example.com/packages/p2');
  });

  it('puts the digest cutoff at the last digest hour at or before now', () => {
    expect(digestCutoff(new Date('2026-03-10T06:59:59Z'), 7).toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(digestCutoff(new Date('2026-03-10T07:00:00Z'), 7).toISOString()).toBe('2026-03-10T07:00:00.000Z');
    expect(digestCutoff(new Date('2026-03-10T23:30:00Z'), 0).toISOString()).toBe('2026-03-10T00:00:00.000Z');
  });
});
