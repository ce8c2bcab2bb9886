import { problems } from '../kernel/problems.ts';
import type { RequestContext } from '../kernel/context.ts';
import { unusablePasswordHash } from '../users/new-account-password.ts';
import { mailOn, queuePasswordLink } from '../users/password-links.ts';
import { generateTemporaryPassword } from './generated-password.ts';
import type { StoredAccountRequest, StoreTx } from '../store/store.ts';
import { existingUser } from '../users/managed-user.ts';
import { accountLockKey } from '../session/start-session.ts';
import { assertHolderPasswordBeforeGrant, createAccount, replaceRoles, resetPassword } from '../users/account-changes.ts';

// Makes an approved request take effect, in the approval's transaction, with the approver as
// the change's actor. What the request was filed against is checked again: a roles change
// filed against roles that have changed since would undo a colleague's work unseen.

/** What only the approver is told: a privileged reset's generated temporary password. */
export interface Applied {
  temporaryPassword?: string;
}

export async function applyRequest(ctx: RequestContext, tx: StoreTx, request: StoredAccountRequest, approverId: string, at: string): Promise<Applied> {
  const mail = mailOn(ctx);
  switch (request.kind) {
    case 'create_account': {
      const { userId: id, email, displayName, title, rolesAfter, passwordHash } = request;
      if (await tx.findUserByEmail(email)) throw problems.conflict(`An account with the email ${email} exists already; reject this request.`);
      // Filed while mail was in the other state: the account would start with the wrong credential (0186).
      if (passwordHash === null && !mail) throw problems.conflict('This request was filed while mail was on, to mail the holder a set-password link, and mail is off now: reject it and file it again with a temporary password.');
      if (passwordHash !== null && mail) throw problems.credentialSetByAdministrator('This request carries a temporary password its requester chose (filed while mail was off); with mail on an account is created without one and its holder sets it through a mailed link: reject it and file it again.');
      const linked = passwordHash === null;
      const account = { id, email, displayName, title, roles: rolesAfter ?? [], passwordHash: passwordHash ?? (await unusablePasswordHash(ctx)), passwordSetByAdmin: linked ? null : request.requestedBy, createdBy: request.requestedBy, passwordSetAt: linked ? null : at };
      await createAccount(tx, account, approverId, at);
      if (linked) await queuePasswordLink(ctx, tx, account, approverId, 'account_created');
      return {};
    }
    case 'set_roles': {
      // The account's lock: a catalogue approval reading whether its proposer still is an administrator (0192) takes it too.
      await tx.lockPackage(accountLockKey(request.userId));
      const user = await existingUser(tx, request.userId);
      if (JSON.stringify(user.roles) !== JSON.stringify(request.rolesBefore)) throw problems.conflict('The account\'s roles changed since this request was filed; reject it and file a new one.');
      // Filed before the account's password was reset by an administrator: checked again here (0181).
      assertHolderPasswordBeforeGrant(user, request.rolesAfter ?? [], mail);
      await replaceRoles(tx, user, request.rolesAfter ?? [], approverId, at);
      return {};
    }
    case 'reset_password': {
      // Filed while mail was off, or before 0181: with mail on the requester's chosen password
      // is not set on a deciding account; the holder gets a link instead.
      if (mail) throw problems.credentialSetByAdministrator('With mail on, a password of an account that decides or administers is set by its holder through a set-password link, not by an administrator: reject this request and send the link.');
      await tx.lockPackage(accountLockKey(request.userId));
      const user = await existingUser(tx, request.userId);
      // Generated now, so the requester never knows it; the approver, who hands it over, does,
      // and is recorded as having set it.
      const temporaryPassword = generateTemporaryPassword(user);
      await resetPassword(tx, user, await ctx.deps.passwords.hash(temporaryPassword), approverId, at);
      return { temporaryPassword };
    }
  }
}
