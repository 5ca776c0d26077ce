/**
 * The published versions of a department's year document (部门决算公开), read for the
 * portal's pages and downloads. Publications are append-only (a database trigger rejects
 * changes to a snapshot and deletes), and a version's successor is created in the same
 * transaction that marks it superseded.
 */
import type pg from "pg";
import type { Db } from "@/lib/db-client";
import type { PageKey } from "./portal-address";
import type { YearDocument } from "./year-document";

const PUBLISHED_VERSIONS = {
  // Named: each pooled connection parses and plans it once.
  name: "portal-published-versions",
  text: `SELECT p."id", r."id" AS "reportId", p."versionNo"
    FROM "Department" d
    JOIN "Report" r ON r."departmentId" = d."id" AND r."year" = $2 AND r."kind" = 'FINAL_ACCOUNTS'
    JOIN "ReportPublication" p ON p."reportId" = r."id"
    WHERE d."code" = $1
    ORDER BY p."versionNo" DESC`,
};

/**
 * Which publication a portal address or download means, without reading the (large)
 * snapshot: the department's FINAL_ACCOUNTS report of the year, the version asked for
 * (the latest when none is), the latest version, and the ids of the publication and of
 * its successor (null while it is the latest). Null when nothing is published or that
 * version does not exist. One query on indexed columns, run on every request to a year
 * page: a prepared statement on the pool under Prisma (lib/db.ts pgPool), because
 * Prisma's $queryRaw costs about ten times as much per call.
 */
export async function findPublishedVersionIn(pool: pg.Pool, departmentCode: string, year: number, versionNo?: number) {
  const { rows } = await pool.query<{ id: string; reportId: string; versionNo: number }>({ ...PUBLISHED_VERSIONS, values: [departmentCode, year] });
  const latest = rows[0];
  if (!latest) return null;
  const wanted = rows.find((r) => r.versionNo === (versionNo ?? latest.versionNo));
  if (!wanted) return null;
  const successor = rows.find((r) => r.versionNo === wanted.versionNo + 1);
  return { reportId: wanted.reportId, versionNo: wanted.versionNo, latest: latest.versionNo, publicationId: wanted.id, successorId: successor?.id ?? null };
}

/**
 * One published version as the portal page shows it: the frozen document, this version
 * and the earlier ones, and the version that replaced it. All of it is fixed for a given
 * key, so a page built from it can be cached under the key for good — even across a
 * database restored from a backup, where a re-published version gets a new id.
 * Null unless the key describes the publication as it is: of that department's year,
 * with `successorId` its next version, or with none while it has none.
 */
export async function loadYearDocumentVersion(db: Db, key: PageKey) {
  const select = { id: true, reportId: true, versionNo: true, publishedAt: true, correctionNote: true } as const;
  const publication = await db.reportPublication.findUnique({
    where: { id: key.publicationId },
    select: { ...select, snapshot: true, report: { select: { kind: true, year: true, department: { select: { code: true } } } } },
  });
  const document = (publication?.snapshot as { document?: YearDocument } | null | undefined)?.document;
  if (!publication || !document) return null;
  const { report } = publication;
  if (report.kind !== "FINAL_ACCOUNTS" || report.year !== key.year || report.department.code !== key.departmentCode) return null;
  const [successor, versions] = await Promise.all([
    db.reportPublication.findUnique({ where: { reportId_versionNo: { reportId: publication.reportId, versionNo: publication.versionNo + 1 } }, select }),
    db.reportPublication.findMany({ where: { reportId: publication.reportId, versionNo: { lte: publication.versionNo } }, orderBy: { versionNo: "asc" }, select }),
  ]);
  if ((successor?.id ?? null) !== key.successorId) return null;
  const plain = (v: { versionNo: number; publishedAt: Date; correctionNote: string }) => ({ versionNo: v.versionNo, publishedAt: v.publishedAt.toISOString(), correctionNote: v.correctionNote });
  return {
    reportId: publication.reportId,
    document,
    version: {
      ...plain(publication),
      supersededBy: successor ? { versionNo: successor.versionNo, publishedAt: successor.publishedAt.toISOString() } : null,
      versions: versions.map(plain),
    },
  };
}
