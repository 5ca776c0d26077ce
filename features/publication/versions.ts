/**
 * The published versions of a department's year document (部门决算公开), read for the
 * portal's pages and downloads. Publications are append-only (a database trigger rejects
 * changes to a snapshot and deletes), and a version's successor is created in the same
 * transaction that marks it superseded.
 */
import type { Db } from "@/lib/db-client";
import type { YearDocument } from "./year-document";

/**
 * Which publication a portal address or download means, without reading the (large)
 * snapshot: the department's FINAL_ACCOUNTS report of the year, the version asked for
 * (the latest when none is) and the latest version. Null when nothing is published or
 * that version does not exist. One query on indexed columns.
 */
export async function findPublishedVersionIn(db: Db, departmentCode: string, year: number, versionNo?: number) {
  const rows = await db.$queryRaw<{ reportId: string; versionNo: number }[]>`
    SELECT r."id" AS "reportId", p."versionNo"
    FROM "Department" d
    JOIN "Report" r ON r."departmentId" = d."id" AND r."year" = ${year} AND r."kind" = 'FINAL_ACCOUNTS'
    JOIN "ReportPublication" p ON p."reportId" = r."id"
    WHERE d."code" = ${departmentCode}
    ORDER BY p."versionNo" DESC`;
  const latest = rows[0];
  if (!latest) return null;
  const wanted = versionNo ?? latest.versionNo;
  if (!rows.some((r) => r.versionNo === wanted)) return null;
  return { reportId: latest.reportId, versionNo: wanted, latest: latest.versionNo };
}

/**
 * One published version as the portal page shows it: the frozen document, this version
 * and the earlier ones, and — when `superseded` — the version that replaced it. All of it
 * is fixed once the successor exists, so a page built from it can be cached under
 * (report, version, superseded) for good. With `superseded` false the successor is not
 * read even if there is one: the caller asked for the page as it was while current.
 * Null when the version (or, if superseded, its successor) does not exist.
 */
export async function loadYearDocumentVersion(db: Db, reportId: string, versionNo: number, superseded: boolean) {
  const [publication, versions] = await Promise.all([
    db.reportPublication.findUnique({ where: { reportId_versionNo: { reportId, versionNo } }, select: { snapshot: true } }),
    db.reportPublication.findMany({
      where: { reportId, versionNo: { lte: superseded ? versionNo + 1 : versionNo } },
      orderBy: { versionNo: "asc" },
      select: { versionNo: true, publishedAt: true, correctionNote: true },
    }),
  ]);
  const document = (publication?.snapshot as { document?: YearDocument } | null | undefined)?.document;
  const current = versions.find((v) => v.versionNo === versionNo);
  const successor = superseded ? versions.find((v) => v.versionNo === versionNo + 1) : undefined;
  if (!document || !current || (superseded && !successor)) return null;
  const plain = (v: (typeof versions)[number]) => ({ versionNo: v.versionNo, publishedAt: v.publishedAt.toISOString(), correctionNote: v.correctionNote });
  return {
    document,
    version: {
      ...plain(current),
      supersededBy: successor ? { versionNo: successor.versionNo, publishedAt: successor.publishedAt.toISOString() } : null,
      versions: versions.filter((v) => v.versionNo <= versionNo).map(plain),
    },
  };
}
