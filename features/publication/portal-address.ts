/**
 * Addresses of the portal's year pages and how proxy.ts maps them onto the cached page.
 *
 * Public addresses (permanent, what links and the PDF printer use):
 *   /portal/<code>/<year>             the current version ("latest"; changes with a correction)
 *   /portal/<code>/<year>/v/<n>       version n
 *   /portal/<code>/<year>?version=n   legacy form of the above, redirected to it
 *
 * The page itself lives at an internal address that the proxy rewrites to:
 *   /portal-render/<code>/<year>/<publication id>/current
 *   /portal-render/<code>/<year>/<publication id>/<id of the publication that superseded it>
 * The page shown there depends on nothing but these segments (a publication's snapshot,
 * the earlier versions and its successor are all frozen), so it is rendered once per
 * instance and served from Next's full-route cache for good. A new publication never
 * invalidates an entry: it changes which entry the proxy picks, because the proxy
 * resolves the latest version with one query on every request. That is what makes every
 * instance behind the load balancer show a correction at once. Publication ids rather
 * than version numbers: a database restored from a backup and published again gets new
 * ids, so a page cached on disk before the restore is never shown for it.
 *
 * The internal address is not secret (Next names it in `x-middleware-rewrite`). The page
 * checks its key against the database before rendering and fails with an error — never
 * a cached 404 — when the key is not the publication as it is; a key of a version not yet
 * published cannot be guessed (ids are random), so nothing can be cached under it early.
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
  /** Not a year page, or a malformed one (answered by the routes: 404). */
  | { kind: "other" };

/** What a request path (and its `version` query values) asks for. */
export function parsePortalAddress(pathname: string, versionParams: string[]): PortalAddress {
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

/** Which page of a version: its publication and its successor's (null: the version as current). */
export type PageKey = { departmentCode: string; year: number; publicationId: string; successorId: string | null };

/** The internal address of the cached page. */
export function internalPath(k: PageKey): string {
  return `${INTERNAL_PREFIX}/${encodeURIComponent(k.departmentCode)}/${k.year}/${encodeURIComponent(k.publicationId)}/${k.successorId === null ? "current" : encodeURIComponent(k.successorId)}`;
}

const ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The segments of the internal address, validated (null: not one the proxy produces). */
export function parsePageKey(p: { departmentCode: string; year: string; publicationId: string; successor: string }): PageKey | null {
  if (!CODE.test(p.departmentCode) || !YEAR.test(p.year) || !ID.test(p.publicationId) || !ID.test(p.successor)) return null;
  return { departmentCode: p.departmentCode, year: Number(p.year), publicationId: p.publicationId, successorId: p.successor === "current" ? null : p.successor };
}

/**
 * The ETag of a year page: its cache key and the build that rendered it (a new build may
 * render the same key differently). Strong: equal tags mean identical bytes.
 */
export function pageEtag(k: Pick<PageKey, "publicationId" | "successorId">, build: string): string {
  return `"${k.publicationId}.${k.successorId ?? "current"}.${build}"`;
}

/** Whether an If-None-Match header names `etag` (weak or strong, or "*"). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

/**
 * How a year-page address is answered once its publication is known: the page's key, its
 * ETag and its Cache-Control. One place for proxy.ts and the in-memory layer in front of
 * Next (scripts/lib/portal-pages.ts), which must answer alike.
 */
export function pageAnswer(address: { departmentCode: string; year: number }, found: { publicationId: string; successorId: string | null }, build: string) {
  const key: PageKey = { departmentCode: address.departmentCode, year: address.year, publicationId: found.publicationId, successorId: found.successorId };
  return { key, etag: pageEtag(key, build), cacheControl: found.successorId ? CACHE_CONTROL_FROZEN : CACHE_CONTROL_CURRENT };
}
