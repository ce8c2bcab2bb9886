import { z } from 'zod';
import { roleSchema, type Role } from '#domain/contracts/roles.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// Which app roles an identity provider's claim values grant. OIDC_ROLE_MAP is either JSON
// ({"mrm-reviewers": "model_risk", "governance": ["committee", "admin"]}) or a comma list
// (mrm-reviewers=model_risk,governance=committee). Values the map does not know grant nothing,
// and without a map nothing is granted (docs/decisions/0175): a group that happens to be named
// `model_risk` or `admin` at the identity provider must not become a deciding role here unless
// someone wrote down that it should.

export type RoleMap = ReadonlyMap<string, readonly Role[]>;

function rolesOf(value: unknown, key: string): Role[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((item) => {
    const parsed = roleSchema.safeParse(item);
    if (!parsed.success) throw new Error(`OIDC_ROLE_MAP: "${key}" maps to ${JSON.stringify(item)}, which is not a role (one of ${roleSchema.options.join(', ')})`);
    return parsed.data;
  });
}

/** Parses OIDC_ROLE_MAP; throws with a message naming the bad entry. */
export function parseRoleMap(text: string): RoleMap {
  const trimmed = text.trim();
  const map = new Map<string, Role[]>();
  const add = (key: string, value: unknown) => {
    if (key === '') throw new Error('OIDC_ROLE_MAP: an entry has an empty claim value');
    map.set(key, [...(map.get(key) ?? []), ...rolesOf(value, key)]);
  };
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = parseJson(trimmed);
    } catch {
      throw new Error('OIDC_ROLE_MAP: not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('OIDC_ROLE_MAP: expected a JSON object');
    for (const [key, value] of Object.entries(parsed)) add(key, value);
    return map;
  }
  for (const entry of trimmed.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const eq = entry.lastIndexOf('=');
    if (eq === -1) throw new Error(`OIDC_ROLE_MAP: "${entry}" is not claim-value=role`);
    add(entry.slice(0, eq).trim(), entry.slice(eq + 1).trim());
  }
  return map;
}

/** The claim's values: a list of strings, or one string; anything else counts as none. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  // A dotted path reaches nested claims, e.g. Keycloak's realm_access.roles.
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return [];
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The app roles the claim values grant, in the app's role order, without repeats. */
export function mapRoles(values: readonly string[], map: RoleMap | undefined): Role[] {
  if (!map) return [];
  const granted = new Set<Role>();
  for (const value of values) for (const role of map.get(value) ?? []) granted.add(role);
  return roleSchema.options.filter((role) => granted.has(role));
}

/**
 * OIDC_ROLE_MAP (and SAML_ROLE_MAP) as configuration: parsed once at start, a bad entry named in
 * the error, which the configuration error prefixes with the variable's own name.
 */
export const roleMapSchema = z.string().transform((text, ctx) => {
  try {
    return parseRoleMap(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message.replace(/^OIDC_ROLE_MAP: /, '') : 'not a valid role map' });
    return z.NEVER;
  }
});
