import "server-only";
import { db, pgPool } from "@/lib/db";
import type { PageKey } from "./portal-address";
import { findPublishedVersionIn, loadYearDocumentVersion } from "./versions";
import { listPublishedYears, type YearDocument } from "./year-document";

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

export function listPublished(filter: { q?: string; year?: number } = {}) {
  return listPublishedYears(db(), filter);
}
