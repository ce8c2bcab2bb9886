import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { newId } from '../kernel/new-id.ts';
import { signedIn } from '../package-access/package-access.ts';
import { accountLockKey } from '../session/start-session.ts';
import { usersRoutes as routes } from './routes.ts';
import { assertAcceptablePassword, existingUser, managedUser } from './managed-user.ts';
import { createAccount, replaceRoles, resetPassword, secondAdministratorRequired } from './account-changes.ts';
import { countAdministrators } from '../kernel/second-administrator.ts';
import { temporaryPasswordOf, unusablePasswordHash } from './new-account-password.ts';
import { mailOn, queuePasswordLink } from './password-links.ts';
import { holdsPrivilegedRole, isBootstrapAdministrator, rolesChangeNeedsApproval } from '#domain/accounts/privileged-changes.ts';

/** The lock under which account creations and request decisions run one at a time. */
export const accountsLock = 'accounts';

// Administrators manage accounts. Every change is one transaction with its audit entry
// (before and after); disabling or resetting an account ends its sessions at once, so its
// holder's next request answers 401. A privileged change (a role that decides or administers,
// docs/decisions/0175) is refused here: it goes through a request another administrator approves.

export const listManagedUsers = defineHandler(routes.listManagedUsers, async (ctx) => {
  const { store } = ctx.deps;
  const users = await store.listUsers();
  return { status: 200, body: { items: await Promise.all(users.map((user) => managedUser(store, user))) } };
});

export const createUser = defineHandler(routes.createUser, async (ctx, { body }) => {
  const admin = signedIn(ctx);
  // Mail on: no temporary password; the holder is mailed a link (0186), the bootstrap's second administrator included.
  const temporary = temporaryPasswordOf(body, mailOn(ctx));
  const passwordHash = temporary === null ? await unusablePasswordHash(ctx) : await ctx.deps.passwords.hash(temporary);
  const at = ctx.deps.now().toISOString();
  const created = await ctx.deps.store.transaction(async (tx) => {
    // Under the lock, so that two creations racing cannot both count one administrator.
    await tx.lockPackage(accountsLock);
    if (holdsPrivilegedRole(body.roles) && !isBootstrapAdministrator(body.roles, await countAdministrators(tx))) {
      secondAdministratorRequired('An account with a role that decides or administers');
    }
    // The bootstrap administrator (0175's accepted risk) is the one privileged creation allowed here.
    const account = { id: newId(ctx.deps, 'usr'), email: body.email, displayName: body.displayName, title: body.title, roles: [...body.roles], passwordHash, passwordSetByAdmin: temporary === null ? null : admin.id, createdBy: admin.id, passwordSetAt: temporary === null ? null : at };
    const user = await createAccount(tx, account, admin.id, at);
    if (temporary === null) await queuePasswordLink(ctx, tx, account, admin.id, 'account_created');
    return user;
  });
  return { status: 201, body: created };
});

export const setUserRoles = defineHandler(routes.setUserRoles, async (ctx, { params, body }) => {
  const admin = signedIn(ctx);
  const roles = [...new Set(body.roles)];
  const at = ctx.deps.now().toISOString();
  const changed = await ctx.deps.store.transaction(async (tx) => {
    const user = await existingUser(tx, params.id);
    // Nobody changes their own roles (0172): an administrator who granted themselves model risk
    // could decide a tier and sign its chain alone; removing their own administrator role could
    // leave nobody to give it back. Another administrator must make the change.
    if (user.id === admin.id) {
      throw problems.validation([{ pointer: '/roles', message: 'You cannot change your own roles; ask another administrator' }]);
    }
    if (rolesChangeNeedsApproval(user.roles, roles)) secondAdministratorRequired('Granting a role that decides or administers, or taking the administrator role away,');
    return replaceRoles(tx, user, roles, admin.id, at);
  });
  return { status: 200, body: changed };
});

export const disableUser = defineHandler(routes.disableUser, async (ctx, { params }) => {
  const admin = signedIn(ctx);
  if (params.id === admin.id) throw problems.conflict('You cannot disable your own account.');
  const at = ctx.deps.now().toISOString();
  const disabled = await ctx.deps.store.transaction(async (tx) => {
    await tx.lockPackage(accountLockKey(params.id));
    const user = await existingUser(tx, params.id);
    if (user.disabledAt) return managedUser(tx, user);
    await tx.setUserDisabled(user.id, at);
    const sessionsEnded = await tx.deleteUserSessions(user.id);
    // A link mailed before the account was disabled does not outlive it (0181).
    await tx.endPasswordLinks(user.id, at);
    await tx.appendAudit({ event: { action: 'user.disabled', subject: user.id, before: { disabledAt: null }, after: { disabledAt: at, sessionsEnded } }, actorId: admin.id, at });
    return managedUser(tx, { ...user, disabledAt: at });
  });
  return { status: 200, body: disabled };
});

export const enableUser = defineHandler(routes.enableUser, async (ctx, { params }) => {
  const admin = signedIn(ctx);
  const at = ctx.deps.now().toISOString();
  const enabled = await ctx.deps.store.transaction(async (tx) => {
    const user = await existingUser(tx, params.id);
    if (!user.disabledAt) return managedUser(tx, user);
    await tx.setUserDisabled(user.id, null);
    await tx.appendAudit({ event: { action: 'user.enabled', subject: user.id, before: { disabledAt: user.disabledAt }, after: { disabledAt: null } }, actorId: admin.id, at });
    return managedUser(tx, { ...user, disabledAt: null });
  });
  return { status: 200, body: enabled };
});

export const resetUserPassword = defineHandler(routes.resetUserPassword, async (ctx, { params, body }) => {
  const admin = signedIn(ctx);
  const target = await existingUser(ctx.deps.store, params.id);
  if (target.passwordHash === '') throw problems.conflict('This account signs in through single sign-on and has no password here.');
  // Whoever sets the temporary password can sign in as the account: for one that decides or
  // administers, a second administrator must agree (0175).
  if (holdsPrivilegedRole(target.roles)) secondAdministratorRequired('Resetting the password of an account with a role that decides or administers');
  assertAcceptablePassword(body.temporaryPassword, '/temporaryPassword', target);
  const passwordHash = await ctx.deps.passwords.hash(body.temporaryPassword);
  const at = ctx.deps.now().toISOString();
  const reset = await ctx.deps.store.transaction(async (tx) => {
    // After any approval in flight (which takes the accounts lock) and before any login.
    await tx.lockPackage(accountsLock);
    await tx.lockPackage(accountLockKey(params.id));
    const user = await existingUser(tx, params.id);
    // Roles granted since the read above count: the check holds at the write.
    if (holdsPrivilegedRole(user.roles)) secondAdministratorRequired('Resetting the password of an account with a role that decides or administers');
    return resetPassword(tx, user, passwordHash, admin.id, at);
  });
  return { status: 200, body: reset };
});
