import "server-only";
import { db } from "@/lib/db";
import { listPublishedYears, type YearDocument } from "./year-document";

/**
 * The published year document of a department, as frozen in the FINAL_ACCOUNTS
 * report's publication snapshot (the latest version, or the one asked for), with the
 * list of versions. Null when nothing is published.
 */
export async function getPublishedYearDocument(departmentCode: string, year: number, versionNo?: number) {
  const report = await db().report.findFirst({
    where: { kind: "FINAL_ACCOUNTS", year, department: { code: departmentCode }, publications: { some: {} } },
    select: { id: true, publications: { orderBy: { versionNo: "desc" }, select: { versionNo: true, publishedAt: true, supersededAt: true, correctionNote: true } } },
  });
  if (!report || report.publications.length === 0) return null;
  const latest = report.publications[0]!.versionNo;
  const wanted = versionNo ?? latest;
  const publication = await db().reportPublication.findUnique({ where: { reportId_versionNo: { reportId: report.id, versionNo: wanted } } });
  const document = (publication?.snapshot as { document?: YearDocument } | undefined)?.document;
  if (!publication || !document) return null;
  return {
    reportId: report.id,
    versionNo: wanted,
    latest,
    publishedAt: publication.publishedAt.toISOString(),
    correctionNote: publication.correctionNote,
    versions: report.publications.map((p) => ({ ...p, publishedAt: p.publishedAt.toISOString(), supersededAt: p.supersededAt?.toISOString() ?? null })),
    document,
  };
}

export function listPublished(filter: { q?: string; year?: number } = {}) {
  return listPublishedYears(db(), filter);
}
