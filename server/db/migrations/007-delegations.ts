import type { Kysely } from 'kysely';
import type { Engine } from '../schema/engine.ts';
import { refuseChanges } from './append-only.ts';

// Delegations of a reviewer role, their revocations, and which decisions a delegate signed
// under which delegation. All three are records: written once, never changed. A revocation
// is its own row (at most one per delegation), so the delegation as made stays readable.

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('delegations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('delegator_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('delegate_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delegations_delegate_idx').on('delegations').columns(['delegate_id', 'role']).execute();
  await refuseChanges(db, engine, 'delegations');

  await db.schema
    .createTable('delegation_revocations')
    .addColumn('delegation_id', 'text', (c) => c.primaryKey().references('delegations.id'))
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await refuseChanges(db, engine, 'delegation_revocations');

  await db.schema
    .createTable('decision_delegations')
    .addColumn('decision_id', 'text', (c) => c.primaryKey().references('decisions.id'))
    .addColumn('delegation_id', 'text', (c) => c.notNull().references('delegations.id'))
    .addColumn('delegator_id', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await refuseChanges(db, engine, 'decision_delegations');
}
