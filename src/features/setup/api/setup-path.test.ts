import { describe, expect, it } from 'vitest';
import { routes } from '#api/routes.ts';
import { setupPath } from './get-setup-status.ts';

describe('setupPath', () => {
  it('is the path the route table gives the setup routes', () => {
    expect(setupPath).toBe(routes.setupStatus.path);
    expect(setupPath).toBe(routes.completeSetup.path);
  });
});
