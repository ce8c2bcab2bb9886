import { describe, expect, it } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import { ApiProblem, readProblem } from './api-problem.ts';
import { describeError } from './describe-error.ts';

describe('describeError', () => {
  it('says a 503 is temporary and that the input is kept, with the server’s reason', async () => {
    const response = new Response(JSON.stringify({ type: problemTypes.unavailable, title: 'Service unavailable', status: 503, detail: 'The database is unavailable; try again shortly.' }), {
      status: 503,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '5' },
    });
    expect(describeError(new ApiProblem(await readProblem(response)))).toBe('Service temporarily unavailable; your input is kept. The database is unavailable; try again shortly.');
  });

  it('says the same for a 503 from a proxy that sent no problem details', async () => {
    const response = new Response('<html>Service Unavailable</html>', { status: 503, statusText: 'Service Unavailable', headers: { 'content-type': 'text/html' } });
    expect(describeError(new ApiProblem(await readProblem(response)))).toBe('Service temporarily unavailable; your input is kept. Try again in a moment.');
  });

  it('keeps other refusals as the server worded them', () => {
    expect(describeError(new ApiProblem({ type: problemTypes.conflict, title: 'Conflict', status: 409, detail: 'Data governance is already approved.' }))).toBe('Data governance is already approved.');
    expect(describeError(new ApiProblem({ type: problemTypes.internal, title: 'Internal error', status: 500 }))).toBe('Internal error');
  });
});
