import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import type { Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { approveAs, fileRequest } from './account-requests.ts';

// Nobody changes their own roles (docs/decisions/0172), replaying an adversary's finding: an
// administrator granted themselves model risk, assessed a package at tier 4 and signed its
// one-step chain alone. Another administrator makes the change, audited. On the mocks, SQLite
// and PostgreSQL.

async function rolesAudit(target: Target, subject: string) {
  const admin = await signedIn(target, 'admin@example.com');
  return auditPageSchema.parse((await admin.get('/api/audit?action=user.roles_changed')).body).items.filter((e) => e.subject === subject);
}

export const ownRolesScenarios: Scenario[] = [
  {
    name: 'own roles: an administrator cannot grant themselves a reviewer role nor drop their own; refused at the field, nothing stored; another administrator can, audited',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const { user } = (await admin.get('/api/session')).body as { user: { id: string } };
      for (const roles of [['admin', 'model_risk'], ['model_risk'], ['admin']]) {
        const refused = await admin.send('PUT', `/api/admin/users/${user.id}/roles`, { json: { roles } });
        expectStatus(refused, 422);
        expect(refused.contentType).toMatch(/application\/problem\+json/);
        expect((refused.body as { errors: { pointer: string; message: string }[] }).errors).toEqual([{ pointer: '/roles', message: 'You cannot change your own roles; ask another administrator' }]);
      }
      expect((await target.store.findUserByEmail('admin@example.com'))?.roles).toEqual(['admin']);
      expect(await rolesAudit(target, user.id)).toEqual([]);

      const { passwordHash } = (await target.store.findUserByEmail('privacy@example.com')) ?? { passwordHash: '' };
      await target.store.insertUser({ id: 'usr_admin_2', email: 'admin-2@example.com', displayName: 'Robin Park', title: 'Platform Administrator', roles: ['admin'], passwordHash });
      const colleague = await signedIn(target, 'admin-2@example.com');
      // Granting model risk needs a second administrator (0175): the colleague files it, the deputy approves.
      const filed = await fileRequest(colleague, { kind: 'set_roles', userId: user.id, roles: ['admin', 'model_risk'] });
      await approveAs(await signedIn(target, 'admin-deputy@example.com'), filed.id);
      expect((await target.store.findUserByEmail('admin@example.com'))?.roles).toEqual(['admin', 'model_risk']);
      expect((await rolesAudit(target, user.id)).map((e) => [e.actorId, e.before, e.after])).toEqual([['usr_admin_deputy', { roles: ['admin'] }, { roles: ['admin', 'model_risk'] }]]);
    },
  },
];
