import { skipToken, useQuery } from '@tanstack/react-query';
import { sessionResponseSchema } from '#domain/contracts/users.ts';
import type { Role } from '#domain/contracts/roles.ts';

// The key under which the auth feature caches the session. Features do not import each
// other, and every signed-in route loads the session before it renders, so the inbox reads
// that cached answer here (it never fetches it itself). Moving the session query into
// src/lib would let both import one definition; that is outside the inbox.
const sessionQueryKey = ['session', 'current'] as const;
const noRoles: readonly Role[] = [];

function rolesOf(data: unknown): readonly Role[] {
  const parsed = sessionResponseSchema.nullable().safeParse(data);
  return parsed.success && parsed.data ? parsed.data.actingRoles : noRoles;
}

/** The roles the signed-in user acts in (their own and those delegated to them now); none while signing out. */
export function useViewerRoles(): readonly Role[] {
  return useQuery({ queryKey: sessionQueryKey, queryFn: skipToken, select: rolesOf }).data ?? noRoles;
}
