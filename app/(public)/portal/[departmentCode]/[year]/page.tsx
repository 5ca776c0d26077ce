import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DepartmentYearPage, departmentYearMetadata, type DepartmentYearParams } from "@/features/publication/components/department-year-page";

/**
 * /portal/<code>/<year>: proxy.ts rewrites the address of a published year document to the
 * cached page (app/(public)/portal-render/…). A request gets here only when no year
 * document is published under it (or the query is malformed): it then shows the year's
 * other published reports (the same page as …/catalog), and 404 when there is none.
 * Rendered per request, never cached, so that a later publication shows at once.
 */
export const dynamic = "force-dynamic";

type Props = { params: Promise<DepartmentYearParams>; searchParams: Promise<{ version?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return departmentYearMetadata(await params);
}

export default async function YearWithoutDocumentPage({ params, searchParams }: Props) {
  // A version of a year document that does not exist (the proxy found none).
  if ((await searchParams).version !== undefined) notFound();
  return <DepartmentYearPage params={await params} />;
}
