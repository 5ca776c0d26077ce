/**
 * Runs before the portal's year pages (Node.js runtime, in the server process).
 *
 * Each request to /portal/<code>/<year>[/v/<n>] asks the database, in one indexed query,
 * which publication it means right now, and is rewritten to the internal address of that
 * version's page, which Next renders once and then serves from its full-route cache; a
 * matching If-None-Match gets a 304 without that. The legacy `?version=n` is redirected to
 * /v/<n>. Nothing found: the request goes on to the routes, which answer 404 without
 * caching anything. So the only state kept between requests is Next's page cache, whose
 * keys a new publication never makes stale — every instance shows a correction on the
 * next request.
 * See features/publication/portal-address.ts.
 *
 * Next 16.4 treats a proxy rewrite as external (and forwards it over the network to itself)
 * when the server is started with a loopback IP as its hostname (`next start -H 127.0.0.1`,
 * vercel/next.js#94745). The page still works that way, with an extra hop; start without
 * -H (as scripts/start.ts does) or with `-H localhost`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { findPublishedVersion } from "@/features/publication/data";
import { etagMatches, internalPath, pageAnswer, parsePortalAddress, versionPath } from "@/features/publication/portal-address";

/**
 * Which build renders the pages, for their ETags: Next's build id, the same on every
 * instance of a deployment (`next start` runs in the project folder). Failing that, this
 * process's start: still correct, only fewer 304s across instances.
 */
const BUILD = (() => {
  try {
    return readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return `t${Date.now().toString(36)}`;
  }
})();

export async function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const address = parsePortalAddress(url.pathname, url.searchParams.getAll("version"));
  switch (address.kind) {
    case "other":
      return NextResponse.next();
    case "legacy": {
      const found = await findPublishedVersion(address.departmentCode, address.year, address.versionNo);
      if (!found) return NextResponse.next();
      return NextResponse.redirect(new URL(versionPath(address.departmentCode, address.year, found.versionNo), url), 308);
    }
    case "latest":
    case "version": {
      const found = await findPublishedVersion(address.departmentCode, address.year, address.kind === "version" ? address.versionNo : undefined);
      if (!found) return NextResponse.next();
      const { key, etag, cacheControl } = pageAnswer(address, found, BUILD);
      const target = url.clone();
      target.pathname = internalPath(key);
      target.search = "";
      // The client router's payload (an RSC request) is another representation than the document: no ETag.
      if (request.headers.has("rsc")) return NextResponse.rewrite(target, { headers: { "Cache-Control": cacheControl } });
      const headers = { "Cache-Control": cacheControl, ETag: etag };
      if (etagMatches(request.headers.get("if-none-match"), headers.ETag)) return new NextResponse(null, { status: 304, headers });
      return NextResponse.rewrite(target, { headers });
    }
  }
}

export const config = {
  matcher: ["/portal/:path+"],
};
