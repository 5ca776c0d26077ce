/**
 * The client address a sign-in attempt is counted under. Next's server sets
 * X-Forwarded-For from the socket when the request has none; a reverse proxy appends
 * the address it saw, so the last entry is the one closest to us that a client cannot
 * choose when a proxy is in front. Without a proxy a client can set the header itself;
 * that only gives it more pairs to guess from, which the per-username delay still slows.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string) => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v.join(",") : v;
  };
  const forwarded = get("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  const address = forwarded ?? get("x-real-ip")?.trim() ?? "unknown";
  // Bounded and printable: it becomes part of a database key.
  return address.replace(/[^0-9A-Za-z.:%_-]/g, "").slice(0, 64) || "unknown";
}
