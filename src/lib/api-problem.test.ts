import { describe, expect, it } from 'vitest';
import { problemBaseSchema, problemExtensionMembers } from '#domain/contracts/problem-base.ts';
import { problemSchema } from '#domain/contracts/problem.ts';
import { readProblem } from './api-problem.ts';

const answer = (body: unknown, status = 409) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('readProblem', () => {
  it('names as extension members exactly what the whole schema adds to the base one', () => {
    const added = Object.keys(problemSchema.shape).filter((key) => !(key in problemBaseSchema.shape));
    expect(added.sort()).toEqual([...problemExtensionMembers].sort());
  });

  it('reads a plain problem with its field errors', async () => {
    const problem = await readProblem(answer({ type: 'https://x/validation', title: 'Invalid', status: 422, errors: [{ pointer: '/email', message: 'Required' }], extra: 1 }, 422));
    expect(problem).toEqual({ type: 'https://x/validation', title: 'Invalid', status: 422, errors: [{ pointer: '/email', message: 'Required' }] });
  });

  it('reads the blockers of a gated refusal with the whole schema', async () => {
    const blocker = { kind: 'open_clarification', ref: 't1', sectionKey: 'intended_use', state: 'unanswered', askedBy: { id: 'u1', displayName: 'Rita Reviewer', title: 'Model risk' }, description: 'An open question.' };
    const body = { type: 'https://x/approval-blocked', title: 'Blocked', status: 409, blockers: [blocker] };
    expect(problemSchema.safeParse(body).success).toBe(true);
    const problem = await readProblem(answer(body));
    expect(problem.blockers).toEqual([blocker]);
  });

  it('falls back to the status when an extension member is malformed, as the whole schema refuses it', async () => {
    const problem = await readProblem(answer({ type: 'https://x/approval-blocked', title: 'Blocked', status: 409, blockers: 'not a list' }));
    expect(problem).toEqual({ type: 'about:blank', title: 'Request failed', status: 409 });
  });
});
