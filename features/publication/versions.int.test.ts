/**
 * Which published version a portal address means, and what the page of a version shows,
 * before and after a correction is published (the proxy's lookup and the cached page's
 * data; see features/publication/portal-address.ts).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed/run";
import { freshDatabase, type TestDatabase } from "@/tests/integration/db";
import { publishCorrection } from "@/tests/integration/publications";
import { findPublishedVersionIn, loadYearDocumentVersion } from "./versions";

let t: TestDatabase;
let pool: pg.Pool;
let reportId: string;
beforeAll(async () => {
  t = await freshDatabase();
  pool = new pg.Pool({ connectionString: t.url, max: 2 });
  await seedDemoData(t.prisma);
  reportId = (await t.prisma.report.findFirstOrThrow({ where: { kind: "FINAL_ACCOUNTS", year: 2020, department: { code: "gy-swbb" } } })).id;
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

const key = (publicationId: string | undefined, successorId: string | null = null, departmentCode = "gy-swbb", year = 2020) => ({ departmentCode, year, publicationId: publicationId!, successorId });
const ids = async () => Object.fromEntries((await t.prisma.reportPublication.findMany({ where: { reportId }, select: { id: true, versionNo: true } })).map((p) => [p.versionNo, p.id]));

describe("published versions of a year document", () => {
  it("resolves the latest version, a given one, and nothing for what is not published", async () => {
    const id = await ids();
    expect(await findPublishedVersionIn(pool, "gy-swbb", 2020)).toEqual({ reportId, versionNo: 1, latest: 1, publicationId: id[1], successorId: null });
    expect(await findPublishedVersionIn(pool, "gy-swbb", 2020, 1)).toEqual({ reportId, versionNo: 1, latest: 1, publicationId: id[1], successorId: null });
    expect(await findPublishedVersionIn(pool, "gy-swbb", 2020, 2)).toBeNull();
    expect(await findPublishedVersionIn(pool, "gy-swbb", 2019)).toBeNull();
    expect(await findPublishedVersionIn(pool, "no-such-dept", 2020)).toBeNull();

    const page = await loadYearDocumentVersion(t.prisma, key(id[1]));
    expect(page?.reportId).toBe(reportId);
    expect(page?.document.title).toBe("中共广元市委机构编制委员会办公室2020年度部门决算公开");
    expect(page?.version).toMatchObject({ versionNo: 1, supersededBy: null, versions: [{ versionNo: 1 }] });
    expect(await loadYearDocumentVersion(t.prisma, key("no-such-publication"))).toBeNull();
    // The key must be the publication as it is: its department and year, and no successor made up.
    expect(await loadYearDocumentVersion(t.prisma, key(id[1], null, "other-dept"))).toBeNull();
    expect(await loadYearDocumentVersion(t.prisma, key(id[1], null, "gy-swbb", 2019))).toBeNull();
    expect(await loadYearDocumentVersion(t.prisma, key(id[1], id[1]!))).toBeNull();
  });

  it("after a correction, the latest address means the new version at once and the old one says what replaced it", async () => {
    await publishCorrection(t.prisma, reportId, "更正后的标题", "更正表3的预算单位名称。");
    const id = await ids();
    expect(await findPublishedVersionIn(pool, "gy-swbb", 2020)).toEqual({ reportId, versionNo: 2, latest: 2, publicationId: id[2], successorId: null });
    expect(await findPublishedVersionIn(pool, "gy-swbb", 2020, 1)).toEqual({ reportId, versionNo: 1, latest: 2, publicationId: id[1], successorId: id[2] });

    const latest = await loadYearDocumentVersion(t.prisma, key(id[2]));
    expect(latest?.document.title).toBe("更正后的标题");
    expect(latest?.version).toMatchObject({ versionNo: 2, correctionNote: "更正表3的预算单位名称。", supersededBy: null });
    expect(latest?.version.versions.map((v) => v.versionNo)).toEqual([1, 2]);

    const old = await loadYearDocumentVersion(t.prisma, key(id[1], id[2]!));
    expect(old?.document.title).toBe("中共广元市委机构编制委员会办公室2020年度部门决算公开");
    expect(old?.version.supersededBy).toEqual({ versionNo: 2, publishedAt: "2021-11-01T02:00:00.000Z" });
    expect(old?.version.versions.map((v) => v.versionNo)).toEqual([1]);
    // Only the next version counts as a successor, and version 1 is no longer current.
    expect(await loadYearDocumentVersion(t.prisma, key(id[2], id[1]!))).toBeNull();
    expect(await loadYearDocumentVersion(t.prisma, key(id[1]))).toBeNull();

    // A third version changes neither the page of version 1 nor what superseded it.
    await publishCorrection(t.prisma, reportId, "第三版标题", "再次更正。");
    const id3 = await ids();
    expect(await findPublishedVersionIn(pool, "gy-swbb", 2020)).toMatchObject({ versionNo: 3, latest: 3, publicationId: id3[3], successorId: null });
    expect(await findPublishedVersionIn(pool, "gy-swbb", 2020, 1)).toMatchObject({ versionNo: 1, latest: 3, successorId: id3[2] });
    expect(await loadYearDocumentVersion(t.prisma, key(id3[1], id3[2]!))).toEqual(old);
    expect(await loadYearDocumentVersion(t.prisma, key(id3[1], id3[3]!))).toBeNull();
    expect((await loadYearDocumentVersion(t.prisma, key(id3[2], id3[3]!)))?.version.supersededBy?.versionNo).toBe(3);
  });
});
