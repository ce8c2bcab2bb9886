import { describe, expect, it } from 'vitest';
import { routes } from '#api/routes.ts';
import { sessionPath } from './session-path.ts';

describe('sessionPath', () => {
  it('is the path the route table gives the session and log-in routes', () => {
    expect(sessionPath).toBe(routes.session.path);
    expect(sessionPath).toBe(routes.login.path);
  });
});
