export interface VersionChoice {
  /** The version to show: the one asked for, else the latest. */
  number: number;
  /** What `?version=` asked for when no such version exists (an old or mistyped link). */
  unknown: string | null;
}

/**
 * Which version a page shows. `?version=n` deep-links to one version (so a link pasted to a
 * colleague shows what the sender saw); without it, the latest.
 */
export function chooseVersion(requested: string | null, available: readonly number[]): VersionChoice | null {
  const latest = available.reduce<number | null>((max, n) => (max === null || n > max ? n : max), null);
  if (latest === null) return null;
  if (requested === null || requested === '') return { number: latest, unknown: null };
  const asked = /^\d{1,7}$/.test(requested) ? Number(requested) : NaN;
  if (available.includes(asked)) return { number: asked, unknown: null };
  return { number: latest, unknown: requested };
}
