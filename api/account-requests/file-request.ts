import { problems } from '../kernel/problems.ts';
import type { RequestContext } from '../kernel/context.ts';
import { newId } from '../kernel/new-id.ts';
import type { StoredAccountRequest, StoredUser, StoreTx } from '../store/store.ts';
import { existingUser } from '../users/managed-user.ts';
import { temporaryPasswordOf } from '../users/new-account-password.ts';
import { mailOn } from '../users/password-links.ts';
import { assertHolderPasswordBeforeGrant } from '../users/account-changes.ts';
import { decisionWindow } from '../kernel/second-administrator.ts';
import type { NewAccountRequest } from './contract.ts';

// Turns an administrator's ask into a stored request, checked as the change itself would be
// (a taken email, a weak temporary password, one's own roles are refused now, not at approval).
// A creation's temporary password (mail off) is hashed here; only the hash waits in the request.

type Filed = Omit<StoredAccountRequest, 'id' | 'requestedBy' | 'requestedAt' | 'expiresAt' | 'decision' | 'decidedBy' | 'decidedAt' | 'contentSha256'>;

function named(user: StoredUser) {
  return { userId: user.id, email: user.email, displayName: user.displayName, title: user.title };
}

/** What the request will change, read in the transaction that stores it. */
export async function describeRequest(ctx: RequestContext, tx: StoreTx, adminId: string, body: NewAccountRequest): Promise<Filed> {
  switch (body.kind) {
    case 'create_account': {
      const taken = (await tx.findUserByEmail(body.email)) !== null || (await tx.listPendingAccountRequests(ctx.deps.now().toISOString())).some((r) => r.kind === 'create_account' && r.email === body.email);
      if (taken) throw problems.validation([{ pointer: '/email', message: 'An account with this email exists already, or waits for approval' }]);
      // Mail on: none waits in the request; the holder is mailed a link at approval (0186).
      const temporary = temporaryPasswordOf(body, mailOn(ctx));
      const passwordHash = temporary === null ? null : await ctx.deps.passwords.hash(temporary);
      return { kind: body.kind, userId: newId(ctx.deps, 'usr'), email: body.email, displayName: body.displayName, title: body.title, rolesBefore: null, rolesAfter: [...new Set(body.roles)], passwordHash };
    }
    case 'set_roles': {
      const user = await existingUser(tx, body.userId);
      if (user.id === adminId) throw problems.validation([{ pointer: '/roles', message: 'You cannot change your own roles; ask another administrator' }]);
      assertHolderPasswordBeforeGrant(user, body.roles, mailOn(ctx));
      return { kind: body.kind, ...named(user), rolesBefore: user.roles, rolesAfter: [...new Set(body.roles)], passwordHash: null };
    }
    case 'reset_password': {
      const user = await existingUser(tx, body.userId);
      if (user.id === adminId) throw problems.validation([{ pointer: '/userId', message: 'Change your own password on your account page' }]);
      if (user.passwordHash === '') throw problems.conflict('This account signs in through single sign-on and has no password here.');
      // With mail on, nobody but the holder learns a deciding account's password: the requester
      // would know the temporary one (0181).
      if (mailOn(ctx)) throw problems.credentialSetByAdministrator('With mail on, an administrator sets no password for an account that decides or administers: send the holder a set-password link instead.');
      // No password waits in the request: it is generated at approval (0181).
      return { kind: body.kind, ...named(user), rolesBefore: null, rolesAfter: null, passwordHash: null };
    }
  }
}

export function requestWindow(ctx: RequestContext): { requestedAt: string; expiresAt: string } {
  return decisionWindow(ctx.deps.now());
}
