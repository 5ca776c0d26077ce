/**
 * Where a `callbackUrl` may lead after sign-in: only a path of this site. Browsers treat
 * `/\evil.example`, `/%09/evil.example` (tabs and newlines are dropped) and `//evil.example` as
 * other sites, so the path is resolved the way a browser would and must stay on our origin;
 * anything else goes to the dashboard.
 */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

const BASE = "http://jixiao.invalid";

export function safeCallbackPath(value: string | null | undefined, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // A path only: one leading slash, then no second slash or backslash; no control characters or whitespace anywhere.
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u0020\u007f\\]/.test(value)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  // Encoded slashes, backslashes or control characters that a server or browser might decode on the way.
  if (/^\/[/\\]|[\u0000-\u001f\u007f\\]/.test(decoded)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** next-auth's redirect callback: a same-site path or absolute URL of our own origin, else the dashboard. */
export function safeRedirect(url: string, baseUrl: string): string {
  if (url.startsWith(baseUrl)) {
    const rest = url.slice(baseUrl.length);
    if (rest === "" || rest.startsWith("/") || rest.startsWith("?")) return `${baseUrl}${safeCallbackPath(rest.startsWith("/") ? rest : `/${rest}`)}`;
  }
  return `${baseUrl}${safeCallbackPath(url)}`;
}
