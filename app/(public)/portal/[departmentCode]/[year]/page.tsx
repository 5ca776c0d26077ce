import { notFound } from "next/navigation";

/**
 * /portal/<code>/<year>: proxy.ts rewrites the address of a published year to the cached
 * page (app/(public)/portal-render/…). A request gets here only when nothing is published
 * under it (or the query is malformed): 404, rendered per request so that it is never
 * cached and a later publication shows at once.
 */
export const dynamic = "force-dynamic";

export default function UnpublishedYearPage(): never {
  notFound();
}
