import { describe, expect, it } from 'vitest';
import { resolveRefusal, type Resolver, type ThreadToResolve } from './thread-resolution.ts';

const finding: ThreadToResolve = { kind: 'finding', authorId: 'elena', authorRole: 'model_risk' };
const reviewer = (id: string, roles: Resolver['roles'], delegatedRoles: Resolver['delegatedRoles'] = []): Resolver => ({ id, roles, delegatedRoles });
const team = new Set(['priya']);

describe('who may resolve a thread', () => {
  it('the author, another holder of the author’s role, or a delegate acting for it', () => {
    expect(resolveRefusal(finding, reviewer('elena', ['model_risk']), team)).toBeNull();
    expect(resolveRefusal(finding, reviewer('omar', ['model_risk']), team)).toBeNull();
    expect(resolveRefusal(finding, reviewer('dana', ['fair_lending'], ['model_risk']), team)).toBeNull();
  });

  it('not a reviewer of another role, for a finding or a clarification request', () => {
    expect(resolveRefusal(finding, reviewer('dana', ['fair_lending']), team)).toMatch(/Only its author or a model risk management reviewer may resolve this finding/);
    expect(resolveRefusal({ ...finding, kind: 'clarification' }, reviewer('dana', ['fair_lending']), team)).toMatch(/clarification request/);
  });

  it('never the owner team, even holding the role or being the author', () => {
    expect(resolveRefusal(finding, reviewer('priya', ['model_owner', 'model_risk']), team)).toMatch(/owner team/);
    expect(resolveRefusal({ ...finding, authorId: 'priya' }, reviewer('priya', ['model_owner', 'model_risk']), team)).toMatch(/owner team/);
    expect(resolveRefusal({ ...finding, kind: 'comment' }, reviewer('priya', ['model_owner', 'privacy']), team)).toMatch(/owner team/);
  });

  it('a comment by any reviewer; a request the owner opened by any reviewer', () => {
    expect(resolveRefusal({ ...finding, kind: 'comment' }, reviewer('dana', ['fair_lending']), team)).toBeNull();
    expect(resolveRefusal({ kind: 'clarification', authorId: 'priya', authorRole: 'model_owner' }, reviewer('dana', ['fair_lending']), team)).toBeNull();
  });
});
