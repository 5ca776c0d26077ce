import "server-only";
import { db, pgPool } from "@/lib/db";
import type { PageKey } from "./portal-address";
import { listPublishedDepartmentsIn, listPublishedIndexIn, listPublishedItemsIn, searchPublishedIn } from "./portal-items";
import { findPublishedVersionIn, loadYearDocumentVersion } from "./versions";
import type { YearDocument } from "./year-document";

/** See findPublishedVersionIn (versions.ts); runs on every request to a year page (proxy.ts) and every download. */
export function findPublishedVersion(departmentCode: string, year: number, versionNo?: number) {
  return findPublishedVersionIn(pgPool(), departmentCode, year, versionNo);
}

/** See loadYearDocumentVersion (versions.ts): what the cached portal page shows. */
export function getYearDocumentVersion(key: PageKey) {
  return loadYearDocumentVersion(db(), key);
}

/** The year document frozen in a publication; null when there is none. */
export async function getPublishedDocument(reportId: string, versionNo: number): Promise<YearDocument | null> {
  const publication = await db().reportPublication.findUnique({ where: { reportId_versionNo: { reportId, versionNo } }, select: { snapshot: true } });
  return (publication?.snapshot as { document?: YearDocument } | null | undefined)?.document ?? null;
}

/** Every published item (year documents, overall and project reports), optionally of one department and/or year. */
export function listPublishedItems(filter: { departmentCode?: string; year?: number } = {}) {
  return listPublishedItemsIn(db(), filter);
}

/** The published items grouped by department and year: the portal's catalogue. */
export function listPublishedDepartments(filter: { departmentCode?: string; year?: number } = {}) {
  return listPublishedDepartmentsIn(db(), filter);
}

/** Published items matching every term (department, title, project, published text), one page. */
export function searchPublished(q: { terms: string[]; page: number; pageSize: number }) {
  return searchPublishedIn(db(), q);
}

/** Where a published report sits in the catalogue (its department and year); null when it has no publication. */
export async function publishedReportPlace(reportId: string) {
  const r = await db().report.findFirst({
    where: { id: reportId, publications: { some: {} } },
    select: { year: true, kind: true, department: { select: { code: true, name: true, shortName: true } } },
  });
  return r && { reportId, year: r.year, kind: r.kind, departmentCode: r.department.code, departmentName: r.department.name, departmentShortName: r.department.shortName };
}

/** One page of the catalogue's index (departments with their years and counts): see listPublishedIndexIn. */
export function listPublishedIndex(page: { page: number; pageSize: number }) {
  return listPublishedIndexIn(db(), page);
}
