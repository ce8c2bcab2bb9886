import type { StoreTx } from '#api/store.ts';

// Failed sign-ins in memory, answering like the login_failures table (migration 013).

export interface LoginFailureRow {
  email: string;
  at: string;
}

export function memoryLoginFailures(t: { loginFailures: LoginFailureRow[] }): Pick<StoreTx, 'insertLoginFailure' | 'listLoginFailures' | 'clearLoginFailures'> {
  return {
    insertLoginFailure: ({ email, at, pruneBefore }) => {
      t.loginFailures = t.loginFailures.filter((r) => r.email !== email || r.at >= pruneBefore);
      t.loginFailures.push({ email, at });
      return Promise.resolve();
    },
    listLoginFailures: (email, since, limit) =>
      Promise.resolve(
        t.loginFailures
          .filter((r) => r.email === email && r.at >= since)
          .map((r) => r.at)
          .sort((a, b) => b.localeCompare(a))
          .slice(0, limit),
      ),
    clearLoginFailures: (email) => {
      t.loginFailures = t.loginFailures.filter((r) => r.email !== email);
      return Promise.resolve();
    },
  };
}
