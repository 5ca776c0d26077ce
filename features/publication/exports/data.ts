import "server-only";
import { db } from "@/lib/db";

/**
 * Which published version of a department's year a download is for, without reading
 * the (large) snapshot: a stored file is then served, or a 304 answered, on this alone.
 * Same selection as getPublishedYearDocument (features/publication/data.ts): the
 * FINAL_ACCOUNTS report with at least one publication; the latest version unless one is
 * asked for. Null when there is none.
 */
export async function findPublishedVersion(departmentCode: string, year: number, versionNo?: number) {
  const report = await db().report.findFirst({
    where: { kind: "FINAL_ACCOUNTS", year, department: { code: departmentCode }, publications: { some: {} } },
    select: { id: true, publications: { orderBy: { versionNo: "desc" }, select: { versionNo: true } } },
  });
  if (!report || report.publications.length === 0) return null;
  const latest = report.publications[0]!.versionNo;
  const wanted = versionNo ?? latest;
  if (!report.publications.some((p) => p.versionNo === wanted)) return null;
  return { reportId: report.id, versionNo: wanted, latest };
}
