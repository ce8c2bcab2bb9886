import { sha256Hex } from '#domain/crypto/sha256.ts';
import { equalBytes } from '#domain/crypto/bytes.ts';
import { hexToBytes } from '#domain/crypto/hex.ts';
import { problems } from '../kernel/problems.ts';
import { defineHandler } from '../kernel/define-handler.ts';
import { newId } from '../kernel/new-id.ts';
import { startSession } from '../session/start-session.ts';
import { usersRoutes as routes } from './routes.ts';
import { assertAcceptablePassword } from './managed-user.ts';

// A production start has no account. It prints a one-time setup secret (only its hash is
// stored); whoever holds it creates the first administrator, with their own password, and the
// secret is gone. Once any account exists, setup is closed for good.

export const setupStatus = defineHandler(routes.setupStatus, async (ctx) => {
  const { store } = ctx.deps;
  const required = (await store.countUsers()) === 0 && (await store.findSetupSecret()) !== null;
  return { status: 200, body: { required } };
});

export const completeSetup = defineHandler(routes.completeSetup, async (ctx, { body }) => {
  assertAcceptablePassword(body.password, '/password', body);
  const passwordHash = await ctx.deps.passwords.hash(body.password);
  const offered = hexToBytes(await sha256Hex(body.secret.trim()));
  const at = ctx.deps.now().toISOString();
  const started = await ctx.deps.store.transaction(async (tx) => {
    // In the transaction: of two setups racing with the right secret, one creates the account.
    await tx.lockPackage('setup');
    const secret = await tx.findSetupSecret();
    if ((await tx.countUsers()) > 0 || !secret) throw problems.conflict('This installation is set up already; sign in instead.');
    if (!equalBytes(offered, hexToBytes(secret.secretHash))) throw problems.validation([{ pointer: '/secret', message: 'This is not the setup secret printed at the first start' }]);
    const id = newId(ctx.deps, 'usr');
    // Created by themselves, with the setup secret (0186: a request card names who created an account).
    const user = { id, email: body.email, displayName: body.displayName, title: body.title, roles: ['admin' as const], passwordHash, passwordChangeRequired: false, createdBy: id, createdAt: at, passwordSetAt: at };
    await tx.insertUser(user);
    await tx.deleteSetupSecret();
    await tx.appendAudit({ event: { action: 'system.setup_completed', subject: user.id, before: null, after: { email: user.email } }, actorId: user.id, at });
    return startSession(ctx, tx, user);
  });
  return { status: 201, body: started.body, headers: [['set-cookie', started.cookie]] };
});
