import { z } from 'zod';
import { auditActionSchema, type AuditActionName } from '#domain/contracts/audit.ts';

/** The filters of an audit view, as they appear in its address. */
export interface AuditFilters {
  /** A user id. */
  actor?: string;
  action?: AuditActionName;
  /** Inclusive UTC dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export const auditFilterNames = ['actor', 'action', 'from', 'to'] as const satisfies readonly (keyof AuditFilters)[];
export type AuditFilterName = (typeof auditFilterNames)[number];

/** The entry a link points at (a break found by the integrity check, a shared link). */
export const entryParam = 'entry';

const dateSchema = z.iso.date();
const actorSchema = z.string().min(1).max(64);

/**
 * Filters live in the URL so a filtered log can be bookmarked, shared and stepped through
 * with Back. A value the contract does not accept (an old or edited link) is ignored rather
 * than sent to the API, which would refuse the whole request.
 */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const actor = actorSchema.safeParse(params.get('actor'));
  const action = auditActionSchema.safeParse(params.get('action'));
  const from = dateSchema.safeParse(params.get('from'));
  const to = dateSchema.safeParse(params.get('to'));
  return {
    ...(actor.success ? { actor: actor.data } : {}),
    ...(action.success ? { action: action.data } : {}),
    ...(from.success ? { from: from.data } : {}),
    ...(to.success ? { to: to.data } : {}),
  };
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return auditFilterNames.some((name) => filters[name] !== undefined);
}

/** The address's search with one filter set (or cleared, for an empty value); a pointed-at entry is dropped, as it may not be in the new view. */
export function withAuditFilter(params: URLSearchParams, name: AuditFilterName, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(name, value);
  else next.delete(name);
  next.delete(entryParam);
  return next;
}

export function withoutAuditFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of auditFilterNames) next.delete(name);
  next.delete(entryParam);
  return next;
}

/** The entry named by `?entry=`, if it is a sequence number. */
export function parseEntryParam(params: URLSearchParams): number | null {
  const raw = params.get(entryParam);
  if (raw === null || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const seq = Number(raw);
  return Number.isSafeInteger(seq) ? seq : null;
}

/**
 * The API's query for these filters. Dates are whole UTC days, both ends included: the
 * server compares instants, so "to" is sent as the last millisecond of its day.
 */
export function auditQueryParams(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.actor) query.set('actor', filters.actor);
  if (filters.action) query.set('action', filters.action);
  if (filters.from) query.set('from', `${filters.from}T00:00:00.000Z`);
  if (filters.to) query.set('to', `${filters.to}T23:59:59.999Z`);
  return query;
}

/** A stable string for the filters, for keys that must change when they do. */
export function auditFiltersKey(filters: AuditFilters): string {
  return auditFilterNames.map((name) => `${name}=${filters[name] ?? ''}`).join('&');
}
