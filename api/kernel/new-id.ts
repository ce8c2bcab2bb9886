import type { ApiDeps } from './context.ts';

/** A fresh random id, `prefix_…` when a prefix names the kind of row (pkg, dec, msg …). */
export function newId(deps: Pick<ApiDeps, 'randomToken'>, prefix?: string): string {
  const token = deps.randomToken().slice(0, 20);
  return prefix === undefined ? token : `${prefix}_${token}`;
}
