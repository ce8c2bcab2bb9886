// Where to land after single sign-on. Only a path on this site: anything that a browser
// could read as another origin (`//evil.example`, `/\evil.example`, `https://…`, or a path
// that normalizes to one, like `/.//evil.example`) falls back to the start page.

const fallback = '/';
const base = 'http://return-to.invalid';

export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > 2048) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // Browsers drop tabs and newlines from URLs, which can turn "/\t/evil" into "//evil".
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//') || path.startsWith('/api/') || path === '/login' || path.startsWith('/login?') || path.startsWith('/login/')) return fallback;
  return path;
}
