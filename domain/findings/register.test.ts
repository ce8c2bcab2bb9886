import { describe, expect, it } from 'vitest';
import type { Finding } from '../contracts/findings.ts';
import { filterFindings, findingsCsv } from './register.ts';

const actor = { id: 'usr_owner', displayName: 'Priya Natarajan', title: '' };
const finding = (id: string, change: Partial<Finding> = {}): Finding => ({
  id,
  packageId: 'pkg_a',
  modelKey: 'model-a',
  modelName: 'Model A',
  versionNumber: 1,
  sectionKey: 'evaluation',
  anchor: null,
  title: `Finding ${id}`,
  description: '',
  severity: 'high',
  type: 'validation_finding',
  owner: actor,
  dueDate: '2027-01-10',
  remediationPlan: '',
  status: 'open',
  raisedBy: actor,
  raisedRole: 'model_risk',
  acceptance: null,
  revision: 0,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  overdue: false,
  acceptanceExpired: false,
  history: [],
  ...change,
});

describe('the findings register', () => {
  const all = [
    finding('a', { severity: 'low', dueDate: '2027-01-01' }),
    finding('b', { severity: 'critical', dueDate: '2027-02-01', overdue: true }),
    finding('c', { modelKey: 'model-b', status: 'verified', dueDate: '2027-01-05', updatedAt: '2026-12-04T00:00:00.000Z' }),
  ];
  it('filters by severity, status, model and overdue, and sorts by due date, severity, raised or updated', () => {
    expect(filterFindings(all, { sort: 'due' }).map((f) => f.id)).toEqual(['a', 'c', 'b']);
    expect(filterFindings(all, { sort: 'severity' }).map((f) => f.id)).toEqual(['b', 'c', 'a']);
    expect(filterFindings(all, { sort: 'updated' }).map((f) => f.id)[0]).toBe('c');
    expect(filterFindings(all, { sort: 'due', severity: 'low' }).map((f) => f.id)).toEqual(['a']);
    expect(filterFindings(all, { sort: 'due', status: 'verified', modelKey: 'model-b' }).map((f) => f.id)).toEqual(['c']);
    expect(filterFindings(all, { sort: 'due', overdue: true }).map((f) => f.id)).toEqual(['b']);
    expect(filterFindings(all, { sort: 'due', ownerId: 'usr_other' })).toEqual([]);
  });

  it('exports CSV a spreadsheet cannot run as a formula', () => {
    const csv = findingsCsv([finding('x', { title: '=HYPERLINK("evil"), and more' })]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('id,model,package,version,section,title,severity,type,status,owner,due,overdue,raised by,raised role,risk accepted until');
    expect(row).toBe('x,Model A,pkg_a,1,evaluation,"\'=HYPERLINK(""evil""), and more",high,validation_finding,open,Priya Natarajan,2027-01-10,false,Priya Natarajan,model_risk,');
  });
});
