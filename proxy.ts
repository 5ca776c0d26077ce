/**
 * Runs before the portal's year pages (Node.js runtime, in the server process).
 *
 * Each request to /portal/<code>/<year>[/v/<n>] asks the database, in one indexed query,
 * which publication it means right now, and is rewritten to the internal address of that
 * version's cached page; the legacy `?version=n` is redirected to /v/<n>. Nothing found:
 * the request goes on to the routes, which answer 404 without caching anything. So the
 * only state kept between requests is Next's page cache, whose keys a new publication
 * never makes stale — every instance shows a correction on the next request.
 * See features/publication/portal-address.ts.
 */
import { NextResponse, type NextRequest } from "next/server";
import { findPublishedVersion } from "@/features/publication/data";
import { CACHE_CONTROL_CURRENT, CACHE_CONTROL_FROZEN, internalPath, parsePortalAddress, versionPath } from "@/features/publication/portal-address";

export async function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const address = parsePortalAddress(url.pathname, url.searchParams.getAll("version"));
  switch (address.kind) {
    case "other":
      return NextResponse.next();
    case "internal":
      return new NextResponse("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    case "legacy": {
      const found = await findPublishedVersion(address.departmentCode, address.year, address.versionNo);
      if (!found) return NextResponse.next();
      return NextResponse.redirect(new URL(versionPath(address.departmentCode, address.year, found.versionNo), url), 308);
    }
    case "latest":
    case "version": {
      const found = await findPublishedVersion(address.departmentCode, address.year, address.kind === "version" ? address.versionNo : undefined);
      if (!found) return NextResponse.next();
      const superseded = found.versionNo < found.latest;
      const target = url.clone();
      target.pathname = internalPath({ departmentCode: address.departmentCode, year: address.year, reportId: found.reportId, versionNo: found.versionNo, superseded });
      target.search = "";
      return NextResponse.rewrite(target, { headers: { "Cache-Control": superseded ? CACHE_CONTROL_FROZEN : CACHE_CONTROL_CURRENT } });
    }
  }
}

export const config = {
  matcher: ["/portal/:path+", "/portal-render/:path*"],
};
