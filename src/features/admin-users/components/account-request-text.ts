import { roleLabels, type Role } from '#domain/contracts/roles.ts';
import type { AccountRequest } from '#api/account-requests/contract.ts';
import { formatDate } from '#src/lib/format.ts';

// How a request for a second administrator (0175) reads on the Users page.

function roleList(roles: readonly Role[]): string {
  return roles.length === 0 ? 'no role' : roles.map((role) => roleLabels[role]).join(', ');
}

/** What the request changes, in one sentence. */
export function describeAccountRequest(request: AccountRequest): string {
  const who = `${request.account.displayName} (${request.account.email})`;
  switch (request.kind) {
    case 'create_account':
      return `Create the account of ${who} with ${roleList(request.roles?.after ?? [])}`;
    case 'set_roles':
      return `Change the roles of ${who} from ${roleList(request.roles?.before ?? [])} to ${roleList(request.roles?.after ?? [])}`;
    case 'reset_password':
      return `Reset the password of ${who}`;
  }
}

export function waitingMessage(request: AccountRequest): string {
  return `Your request is filed: ${describeAccountRequest(request)}. It takes effect when another administrator approves it, by ${formatDate(request.expiresAt)}.`;
}
