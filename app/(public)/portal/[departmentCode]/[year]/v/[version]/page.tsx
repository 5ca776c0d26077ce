import { notFound } from "next/navigation";

/**
 * /portal/<code>/<year>/v/<n>: proxy.ts rewrites the address of a published version to the
 * cached page (app/(public)/portal-render/…). A request gets here only when that version
 * does not exist (yet): 404, rendered per request, never cached.
 */
export const dynamic = "force-dynamic";

export default function UnpublishedVersionPage(): never {
  notFound();
}
