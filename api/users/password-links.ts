import { sha256Hex } from '#domain/crypto/sha256.ts';
import { passwordLinkDedupePrefix, passwordLinkLifetimeMs } from '#domain/accounts/privileged-changes.ts';
import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import type { RequestContext } from '../kernel/context.ts';
import { signedIn } from '../package-access/package-access.ts';
import { accountLockKey } from '../session/start-session.ts';
import { usersRoutes as routes } from './routes.ts';
import { assertAcceptablePassword, existingUser } from './managed-user.ts';
import type { StoredUser, StoreTx } from '../store/store.ts';

// Set-password links (docs/decisions/0181): with mail on, an administrator who resets or sets
// up a password chooses nothing; the server mails a one-time link to the account's own address
// (which no route lets an administrator change), so only its holder learns the password. The
// token is 256 random bits; only its SHA-256 is stored, in the link row and nowhere else; it is
// never in a response, an audit entry or a notification, only in the queued message. It is in
// the page's fragment (`/set-password#…`), which browsers send neither to the server nor in a
// Referer.

const linkPath = '/set-password#';

export function mailOn(ctx: RequestContext): boolean {
  return ctx.deps.mail?.enabled === true;
}

/** Why the holder gets the link: an administrator asked for one, or their account was just created without a password (0186). */
export type LinkOccasion = 'requested' | 'account_created';

const opening: Record<LinkOccasion, string> = {
  requested: 'An administrator asked for a link for you to set your password.',
  account_created: 'An administrator created an account for you on the model approval service; set your password to sign in.',
};

/**
 * Queues a set-password link for `user` at their own address, in the caller's transaction: ends
 * the earlier links, keeps the new token's hash, queues the message and audits it as `adminId`'s.
 * The answer names when it expires, never the token.
 */
export async function queuePasswordLink(ctx: RequestContext, tx: StoreTx, user: Pick<StoredUser, 'id' | 'email'>, adminId: string, occasion: LinkOccasion): Promise<{ expiresAt: string }> {
  const token = ctx.deps.randomToken();
  const tokenHash = await sha256Hex(token);
  const now = ctx.deps.now();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + passwordLinkLifetimeMs).toISOString();
  const link = `${ctx.deps.publicOrigin ?? ctx.origin}${linkPath}${token}`;
  // A later link supersedes the earlier ones: only the newest works.
  const linksEnded = await tx.endPasswordLinks(user.id, at);
  await tx.insertPasswordLink({ tokenHash, userId: user.id, createdBy: adminId, createdAt: at, expiresAt });
  await tx.insertMail({
    id: `mail_${ctx.deps.randomToken().slice(0, 20)}`,
    dedupeKey: `${passwordLinkDedupePrefix}${tokenHash}`,
    userId: user.id,
    to: user.email,
    subject: 'Set your password',
    text: `${opening[occasion]} It works once, for 24 hours:\n\n${link}\n\nIf you did not expect it, tell your administrator.`,
    html: `<p>${opening[occasion]} It works once, for 24 hours:</p><p><a href="${link}">Set your password</a></p><p>If you did not expect it, tell your administrator.</p>`,
    kind: 'immediate',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    sentAt: null,
    createdAt: at,
  });
  await tx.appendAudit({ event: { action: 'user.password_link_sent', subject: user.id, before: null, after: { expiresAt, linksEnded } }, actorId: adminId, at });
  return { expiresAt };
}

export const sendPasswordLink = defineHandler(routes.sendPasswordLink, async (ctx, { params }) => {
  const admin = signedIn(ctx);
  if (!mailOn(ctx)) throw problems.conflict('Mail is not configured on this installation (SMTP_HOST): set a temporary password instead.');
  if (params.id === admin.id) throw problems.validation([{ pointer: '/id', message: 'Change your own password on your account page' }]);
  const sent = await ctx.deps.store.transaction(async (tx) => {
    const user = await existingUser(tx, params.id);
    if (user.passwordHash === '') throw problems.conflict('This account signs in through single sign-on and has no password here.');
    if (user.disabledAt) throw problems.conflict('This account is disabled; enable it first.');
    return queuePasswordLink(ctx, tx, user, admin.id, 'requested');
  });
  return { status: 200, body: sent };
});

export const setPasswordWithLink = defineHandler(routes.setPasswordWithLink, async (ctx, { body }) => {
  const tokenHash = await sha256Hex(body.token);
  const at = ctx.deps.now().toISOString();
  const { store, passwords } = ctx.deps;
  // The policy check needs the account (its name and email are refused in the password); read
  // the link's owner without using it, so that a refused password leaves the link working.
  const holderId = await store.findPasswordLinkUser(tokenHash, at);
  if (!holderId) throw problems.validation([{ pointer: '/token', message: 'This link is not valid: it was used, replaced by a newer one, or it expired. Ask your administrator for a new one.' }]);
  const holder = await existingUser(store, holderId);
  assertAcceptablePassword(body.password, '/password', holder);
  const passwordHash = await passwords.hash(body.password);
  await store.transaction(async (tx) => {
    await tx.lockPackage(accountLockKey(holderId));
    // Used once: of two uses racing, one finds it unused.
    if ((await tx.usePasswordLink(tokenHash, at)) !== holderId) throw problems.validation([{ pointer: '/token', message: 'This link was used already. Ask your administrator for a new one.' }]);
    const user = await existingUser(tx, holderId);
    await tx.setUserPassword(user.id, passwordHash, false, { setByAdmin: null, at });
    const sessionsEnded = await tx.deleteUserSessions(user.id);
    // Passkeys added while an administrator's password was in force may be that administrator's.
    let passkeysRemoved = 0;
    if (user.passwordSetByAdmin) {
      for (const passkey of await tx.listPasskeys(user.id)) if (await tx.deletePasskey(passkey.credentialId)) passkeysRemoved += 1;
    }
    await tx.appendAudit({ event: { action: 'user.password_set_by_link', subject: user.id, before: { passwordChangeRequired: user.passwordChangeRequired === true }, after: { passwordChangeRequired: false, sessionsEnded, passkeysRemoved } }, actorId: user.id, at });
  });
  return { status: 204 };
});
