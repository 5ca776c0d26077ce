/**
 * Addresses of the portal's year pages and how proxy.ts maps them onto the cached page.
 *
 * Public addresses (permanent, what links and the PDF printer use):
 *   /portal/<code>/<year>             the current version ("latest"; changes with a correction)
 *   /portal/<code>/<year>/v/<n>       version n
 *   /portal/<code>/<year>?version=n   legacy form of the above, redirected to it
 *
 * The page itself lives at an internal address that the proxy rewrites to and that
 * nobody can request directly:
 *   /portal-render/<code>/<year>/<reportId>/<n>/current|superseded
 * The page shown there depends on nothing but these segments (a version's snapshot,
 * the earlier versions and, once superseded, its successor are all frozen), so it is
 * rendered once per instance and served from Next's full-route cache for good. A new
 * publication never invalidates an entry: it changes which entry the proxy picks,
 * because the proxy resolves the latest version with one query on every request.
 * That is what makes every instance behind the load balancer show a correction at once.
 */

/** Department codes as the portal accepts them (lower-case letters, digits, "-"). */
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/i;
const YEAR = /^\d{4}$/;
const VERSION = /^[1-9]\d{0,5}$/;

export const INTERNAL_PREFIX = "/portal-render";

/**
 * Cache-Control of an address whose content changes when a correction is published:
 * browsers and proxies revalidate every time (ETag → 304). Not spelt "no-cache": Next
 * also copies the proxy's response headers onto the request, and a request saying
 * `no-cache` never gets a 304.
 */
export const CACHE_CONTROL_CURRENT = "public, max-age=0, must-revalidate";
/** Cache-Control of a superseded version: its page can never change again. */
export const CACHE_CONTROL_FROZEN = "public, max-age=31536000, immutable";

export type PortalAddress =
  | { kind: "latest"; departmentCode: string; year: number }
  | { kind: "version"; departmentCode: string; year: number; versionNo: number }
  /** The legacy `?version=n`: redirected to the version's address. */
  | { kind: "legacy"; departmentCode: string; year: number; versionNo: number }
  | { kind: "internal" }
  /** Not a year page, or a malformed one (answered by the routes: 404). */
  | { kind: "other" };

/** What a request path (and its `version` query values) asks for. */
export function parsePortalAddress(pathname: string, versionParams: string[]): PortalAddress {
  if (pathname === INTERNAL_PREFIX || pathname.startsWith(`${INTERNAL_PREFIX}/`)) return { kind: "internal" };
  const parts = pathname.split("/");
  // ["", "portal", code, year] or ["", "portal", code, year, "v", n]
  if (parts[1] !== "portal" || (parts.length !== 4 && parts.length !== 6)) return { kind: "other" };
  let departmentCode: string;
  try {
    departmentCode = decodeURIComponent(parts[2]!);
  } catch {
    return { kind: "other" };
  }
  const yearText = parts[3]!;
  if (!CODE.test(departmentCode) || !YEAR.test(yearText)) return { kind: "other" };
  const year = Number(yearText);
  if (parts.length === 6) {
    if (parts[4] !== "v" || !VERSION.test(parts[5]!)) return { kind: "other" };
    return { kind: "version", departmentCode, year, versionNo: Number(parts[5]) };
  }
  if (versionParams.length === 0) return { kind: "latest", departmentCode, year };
  if (versionParams.length === 1 && VERSION.test(versionParams[0]!)) return { kind: "legacy", departmentCode, year, versionNo: Number(versionParams[0]) };
  return { kind: "other" };
}

const base = (departmentCode: string, year: number) => `/portal/${encodeURIComponent(departmentCode)}/${year}`;

/** The public address of the current version. */
export function latestPath(departmentCode: string, year: number): string {
  return base(departmentCode, year);
}

/** The permanent public address of one version. */
export function versionPath(departmentCode: string, year: number, versionNo: number): string {
  return `${base(departmentCode, year)}/v/${versionNo}`;
}

export type PageKey = { departmentCode: string; year: number; reportId: string; versionNo: number; superseded: boolean };

/** The internal address of the cached page. */
export function internalPath(k: PageKey): string {
  return `${INTERNAL_PREFIX}/${encodeURIComponent(k.departmentCode)}/${k.year}/${encodeURIComponent(k.reportId)}/${k.versionNo}/${k.superseded ? "superseded" : "current"}`;
}

/** The segments of the internal address, validated (null: not one the proxy produces). */
export function parsePageKey(p: { departmentCode: string; year: string; reportId: string; version: string; state: string }): PageKey | null {
  if (!CODE.test(p.departmentCode) || !YEAR.test(p.year) || !VERSION.test(p.version) || !/^[A-Za-z0-9_-]{1,128}$/.test(p.reportId)) return null;
  if (p.state !== "current" && p.state !== "superseded") return null;
  return { departmentCode: p.departmentCode, year: Number(p.year), reportId: p.reportId, versionNo: Number(p.version), superseded: p.state === "superseded" };
}
