import { expect } from 'vitest';
import { accountRequestApprovalSchema, accountRequestSchema, type AccountRequest, type AccountRequestApproval, type NewAccountRequest } from '#api/account-requests/contract.ts';
import type { Role } from '#domain/contracts/roles.ts';
import type { Client, Target } from './client.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';

// Privileged account changes go through two administrators (docs/decisions/0175): the demo's
// administrator files the request, its deputy approves it.

export async function fileRequest(admin: Client, request: NewAccountRequest): Promise<AccountRequest> {
  const reply = await admin.post('/api/admin/account-requests', request);
  expectStatus(reply, 201);
  return accountRequestSchema.parse(reply.body);
}

export async function approveAs(approver: Client, id: string): Promise<AccountRequestApproval> {
  const reply = await approver.post(`/api/admin/account-requests/${id}/approval`, null);
  expectStatus(reply, 200);
  return accountRequestApprovalSchema.parse(reply.body);
}

/** Grants roles as the demo administrator and approves as the deputy: the change in force. */
export async function changeRolesWithApproval(target: Target, userId: string, roles: Role[]): Promise<void> {
  const admin = await signedIn(target, 'admin@example.com');
  const deputy = await signedIn(target, 'admin-deputy@example.com');
  const filed = await fileRequest(admin, { kind: 'set_roles', userId, roles });
  expect((await approveAs(deputy, filed.id)).status).toBe('approved');
}
