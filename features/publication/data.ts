import "server-only";
import { db } from "@/lib/db";
import { findPublishedVersionIn, loadYearDocumentVersion } from "./versions";
import { listPublishedYears } from "./year-document";

/** See findPublishedVersionIn (versions.ts); runs on every request to a year page (proxy.ts) and every download. */
export function findPublishedVersion(departmentCode: string, year: number, versionNo?: number) {
  return findPublishedVersionIn(db(), departmentCode, year, versionNo);
}

/** See loadYearDocumentVersion (versions.ts): what the cached portal page shows. */
export function getYearDocumentVersion(reportId: string, versionNo: number, superseded: boolean) {
  return loadYearDocumentVersion(db(), reportId, versionNo, superseded);
}

/** The year document frozen in a publication; null when there is none. */
export async function getPublishedDocument(reportId: string, versionNo: number) {
  return (await loadYearDocumentVersion(db(), reportId, versionNo, false))?.document ?? null;
}

export function listPublished(filter: { q?: string; year?: number } = {}) {
  return listPublishedYears(db(), filter);
}
