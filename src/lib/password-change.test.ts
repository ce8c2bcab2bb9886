import { describe, expect, it, vi } from 'vitest';
import { problemTypes } from '#domain/contracts/problem.ts';
import { ApiProblem } from './api-problem.ts';
import { asksForPasswordChange, isPasswordChangeRequired, passwordChangePath } from './password-change.ts';
import { createQueryClient } from './query-client.ts';

const required = new ApiProblem({ type: problemTypes.passwordChangeRequired, title: 'Password change required', status: 403 });
const forbidden = new ApiProblem({ type: problemTypes.forbidden, title: 'Not allowed', status: 403 });

describe('password change required', () => {
  it('is told apart from other 403s by its problem type', () => {
    expect(isPasswordChangeRequired(required)).toBe(true);
    expect(isPasswordChangeRequired(forbidden)).toBe(false);
    expect(isPasswordChangeRequired(new Error('no'))).toBe(false);
  });

  it('leads to the account page, keeping where to go on only when it is on this site and not the inbox', () => {
    expect(passwordChangePath('/packages/p1?tab=steps')).toBe(`/account?password=temporary&next=${encodeURIComponent('/packages/p1?tab=steps')}`);
    expect(passwordChangePath('/')).toBe('/account?password=temporary');
    expect(passwordChangePath('/account')).toBe('/account?password=temporary');
    expect(passwordChangePath('//evil.example')).toBe('/account?password=temporary');
    expect(asksForPasswordChange(new URLSearchParams('password=temporary&next=%2F'))).toBe(true);
    expect(asksForPasswordChange(new URLSearchParams(''))).toBe(false);
  });

  it('is reported by the cache for a refused query and a refused mutation alike', async () => {
    const onPasswordChangeRequired = vi.fn();
    const client = createQueryClient({ onPasswordChangeRequired, retries: 0 });
    await expect(client.query({ queryKey: ['x'], queryFn: () => Promise.reject(required) })).rejects.toBe(required);
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    await expect(client.getMutationCache().build(client, { mutationFn: () => Promise.reject(required) }).execute(undefined)).rejects.toBe(required);
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(2);
    await expect(client.getMutationCache().build(client, { mutationFn: () => Promise.reject(forbidden) }).execute(undefined)).rejects.toBe(forbidden);
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(2);
  });
});
