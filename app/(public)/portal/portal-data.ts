import "server-only";
import type { YearDocument } from "@/features/publication/year-document";
import { db } from "@/lib/db";

/**
 * Published year documents for the portal. Which version is the latest is a cheap
 * query on every request (a correction publishes a new version); the snapshot of a
 * version never changes once published, so it is read once per process and kept in
 * an in-process memo keyed by `${reportId}:${versionNo}` — a new publication is a new
 * key, never a stale entry. Entries are frozen: they are shared by all requests.
 */
const MAX_ENTRIES = 64;
const snapshots = new Map<string, Promise<YearDocument | null>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function readSnapshot(reportId: string, versionNo: number): Promise<YearDocument | null> {
  const key = `${reportId}:${versionNo}`;
  const hit = snapshots.get(key);
  if (hit) {
    // Least recently used goes first: move the hit to the end.
    snapshots.delete(key);
    snapshots.set(key, hit);
    return hit;
  }
  const pending = db()
    .reportPublication.findUnique({ where: { reportId_versionNo: { reportId, versionNo } }, select: { snapshot: true } })
    .then((p) => {
      const document = (p?.snapshot as { document?: YearDocument } | null | undefined)?.document ?? null;
      if (!document) snapshots.delete(key); // never memoise a miss
      return document ? deepFreeze(document) : null;
    });
  pending.catch(() => snapshots.delete(key));
  snapshots.set(key, pending);
  while (snapshots.size > MAX_ENTRIES) snapshots.delete(snapshots.keys().next().value!);
  return pending;
}

/** The published year document (latest version, or the one asked for) with its version list; null when none. */
export async function getPortalYearDocument(departmentCode: string, year: number, versionNo?: number) {
  const report = await db().report.findFirst({
    where: { kind: "FINAL_ACCOUNTS", year, department: { code: departmentCode }, publications: { some: {} } },
    select: { id: true, publications: { orderBy: { versionNo: "desc" }, select: { versionNo: true, publishedAt: true, supersededAt: true, correctionNote: true } } },
  });
  const latest = report?.publications[0];
  if (!report || !latest) return null;
  const current = report.publications.find((p) => p.versionNo === (versionNo ?? latest.versionNo));
  if (!current) return null;
  const document = await readSnapshot(report.id, current.versionNo);
  if (!document) return null;
  return {
    reportId: report.id,
    document,
    version: {
      versionNo: current.versionNo,
      latest: latest.versionNo,
      publishedAt: current.publishedAt.toISOString(),
      correctionNote: current.correctionNote,
      versions: report.publications.map((p) => ({
        versionNo: p.versionNo,
        publishedAt: p.publishedAt.toISOString(),
        supersededAt: p.supersededAt?.toISOString() ?? null,
        correctionNote: p.correctionNote,
      })),
    },
  };
}
