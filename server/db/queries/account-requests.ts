import type { Selectable } from 'kysely';
import { z } from 'zod';
import { roleSchema } from '#domain/contracts/roles.ts';
import type { AccountRequestsStore, StoredAccountRequest } from '#api/store/account-requests.ts';
import type { AccountRequestsTable } from '../schema/schema.ts';
import { awaitingColumns, awaitingFromRow, type Db } from './shared.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// The account requests part of the Kysely repository (decision record 0175). A decision is a
// conditional update: of two approvals racing, the second finds the decision written (on
// PostgreSQL it waits for the first's row lock, then re-reads the condition) and changes nothing.

const rolesSchema = roleSchema.array();
const kindSchema = z.enum(['create_account', 'set_roles', 'reset_password']);

function roles(text: string | null) {
  return text === null ? null : rolesSchema.parse(parseJson(text));
}

function fromRow(r: Selectable<AccountRequestsTable>): StoredAccountRequest {
  return {
    id: r.id,
    kind: kindSchema.parse(r.kind),
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    title: r.title,
    rolesBefore: roles(r.roles_before),
    rolesAfter: roles(r.roles_after),
    passwordHash: r.password_hash,
    contentSha256: r.content_sha256,
    ...awaitingFromRow(r),
  };
}

export function accountRequestsQueries(db: Db): AccountRequestsStore {
  return {
    async insertAccountRequest(q) {
      await db
        .insertInto('account_requests')
        .values({
          id: q.id,
          kind: q.kind,
          user_id: q.userId,
          email: q.email,
          display_name: q.displayName,
          title: q.title,
          roles_before: q.rolesBefore ? JSON.stringify(q.rolesBefore) : null,
          roles_after: q.rolesAfter ? JSON.stringify(q.rolesAfter) : null,
          password_hash: q.passwordHash,
          content_sha256: q.contentSha256,
          ...awaitingColumns(q),
        })
        .execute();
    },
    async findAccountRequest(id) {
      const row = await db.selectFrom('account_requests').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async listPendingAccountRequests(now) {
      const rows = await db.selectFrom('account_requests').selectAll().where('decision', 'is', null).where('expires_at', '>', now).orderBy('requested_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(fromRow);
    },
    async decideAccountRequest(id, decision, by, at) {
      const result = await db.updateTable('account_requests').set({ decision, decided_by: by, decided_at: at }).where('id', '=', id).where('decision', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
