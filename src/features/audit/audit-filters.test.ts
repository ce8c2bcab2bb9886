import { describe, expect, it } from 'vitest';
import { auditQueryParams, hasAuditFilters, parseAuditFilters, parseEntryParam, withAuditFilter, withoutAuditFilters } from './audit-filters.ts';

const params = (search: string) => new URLSearchParams(search);

describe('audit filters in the address', () => {
  it('reads every filter the contract accepts', () => {
    expect(parseAuditFilters(params('actor=usr_fair_lending&action=decision.signed&from=2025-03-01&to=2025-03-31'))).toEqual({
      actor: 'usr_fair_lending',
      action: 'decision.signed',
      from: '2025-03-01',
      to: '2025-03-31',
    });
  });

  it('ignores values the API would refuse: an unknown action, an impossible date, an overlong actor', () => {
    expect(parseAuditFilters(params(`action=package.deleted&from=2025-02-30&to=31/03/2025&actor=${'x'.repeat(65)}`))).toEqual({});
    expect(hasAuditFilters(parseAuditFilters(params('tab=all')))).toBe(false);
  });

  it('sets and clears one filter, keeping the others and any other parameter, and drops a pointed-at entry', () => {
    const start = params('action=thread.opened&entry=12&tab=x');
    const next = withAuditFilter(start, 'actor', 'usr_committee');
    expect(next.toString()).toBe('action=thread.opened&tab=x&actor=usr_committee');
    expect(withAuditFilter(next, 'action', '').toString()).toBe('tab=x&actor=usr_committee');
    expect(withoutAuditFilters(params('actor=a&action=thread.opened&from=2025-01-01&to=2025-01-02&entry=3&tab=x')).toString()).toBe('tab=x');
    // The input is not changed: it is the router's current search.
    expect(start.toString()).toBe('action=thread.opened&entry=12&tab=x');
  });

  it('round-trips: what is written to the address reads back as the same filters', () => {
    let search = new URLSearchParams();
    search = withAuditFilter(search, 'action', 'section.reviewed');
    search = withAuditFilter(search, 'from', '2025-04-01');
    search = withAuditFilter(search, 'to', '2025-04-30');
    expect(parseAuditFilters(search)).toEqual({ action: 'section.reviewed', from: '2025-04-01', to: '2025-04-30' });
  });

  it('sends dates to the API as whole UTC days, both ends included', () => {
    expect(auditQueryParams({ from: '2025-04-01', to: '2025-04-30', action: 'access.denied' }).toString()).toBe(
      'action=access.denied&from=2025-04-01T00%3A00%3A00.000Z&to=2025-04-30T23%3A59%3A59.999Z',
    );
  });

  it('reads ?entry= only as a sequence number', () => {
    expect(parseEntryParam(params('entry=42'))).toBe(42);
    for (const bad of ['entry=0', 'entry=-1', 'entry=4.5', 'entry=abc', 'entry=', 'entry=99999999999999999', '']) expect(parseEntryParam(params(bad))).toBeNull();
  });
});
