import { skipToken, useQuery } from '@tanstack/react-query';
import type { Role } from '#domain/contracts/roles.ts';
import { sessionResponseSchema, type User } from '#domain/contracts/users.ts';

// The key under which the auth feature caches the session. Every signed-in route loads the
// session before it renders, so this reads that cached answer and never fetches it itself.
export const sessionQueryKey = ['session', 'current'] as const;

function userOf(data: unknown): User | null {
  const parsed = sessionResponseSchema.nullable().safeParse(data);
  return parsed.success && parsed.data ? parsed.data.user : null;
}

/** The signed-in user (id, name, title, roles); null while signing out. */
export function useViewer(): User | null {
  return useQuery({ queryKey: sessionQueryKey, queryFn: skipToken, select: userOf }).data ?? null;
}

function actingRolesOf(data: unknown): readonly Role[] | null {
  const parsed = sessionResponseSchema.nullable().safeParse(data);
  return parsed.success && parsed.data ? parsed.data.actingRoles : null;
}

/** The roles the signed-in user acts in now: their own and those delegated to them; null while signing out. */
export function useActingRoles(): readonly Role[] | null {
  return useQuery({ queryKey: sessionQueryKey, queryFn: skipToken, select: actingRolesOf }).data ?? null;
}
