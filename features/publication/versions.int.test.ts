/**
 * Which published version a portal address means, and what the page of a version shows,
 * before and after a correction is published (the proxy's lookup and the cached page's
 * data; see features/publication/portal-address.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { seedDemoData } from "@/prisma/seed/run";
import { freshDatabase, type TestDatabase } from "@/tests/integration/db";
import { findPublishedVersionIn, loadYearDocumentVersion } from "./versions";
import type { YearDocument } from "./year-document";

let t: TestDatabase;
let reportId: string;
beforeAll(async () => {
  t = await freshDatabase();
  await seedDemoData(t.prisma);
  reportId = (await t.prisma.report.findFirstOrThrow({ where: { kind: "FINAL_ACCOUNTS", year: 2020, department: { code: "gy-swbb" } } })).id;
});
afterAll(() => t.drop());

/** A correction as the workflow stores it: the previous version superseded and the new one created in one transaction. */
async function publishCorrection(title: string, note: string) {
  const previous = await t.prisma.reportPublication.findFirstOrThrow({ where: { reportId }, orderBy: { versionNo: "desc" } });
  const snapshot = previous.snapshot as { document: YearDocument };
  const now = new Date("2021-11-01T02:00:00Z");
  await t.prisma.$transaction([
    t.prisma.reportPublication.update({ where: { id: previous.id }, data: { supersededAt: now } }),
    t.prisma.reportPublication.create({
      data: { reportId, versionNo: previous.versionNo + 1, publishedAt: now, correctionNote: note, snapshot: { ...snapshot, document: { ...snapshot.document, title } } as unknown as Prisma.InputJsonValue },
    }),
  ]);
}

describe("published versions of a year document", () => {
  it("resolves the latest version, a given one, and nothing for what is not published", async () => {
    expect(await findPublishedVersionIn(t.prisma, "gy-swbb", 2020)).toEqual({ reportId, versionNo: 1, latest: 1 });
    expect(await findPublishedVersionIn(t.prisma, "gy-swbb", 2020, 1)).toEqual({ reportId, versionNo: 1, latest: 1 });
    expect(await findPublishedVersionIn(t.prisma, "gy-swbb", 2020, 2)).toBeNull();
    expect(await findPublishedVersionIn(t.prisma, "gy-swbb", 2019)).toBeNull();
    expect(await findPublishedVersionIn(t.prisma, "no-such-dept", 2020)).toBeNull();

    const page = await loadYearDocumentVersion(t.prisma, reportId, 1, false);
    expect(page?.document.title).toBe("中共广元市委机构编制委员会办公室2020年度部门决算公开");
    expect(page?.version).toMatchObject({ versionNo: 1, supersededBy: null, versions: [{ versionNo: 1 }] });
    // Not superseded yet: there is no page "version 1, superseded".
    expect(await loadYearDocumentVersion(t.prisma, reportId, 1, true)).toBeNull();
  });

  it("after a correction, the latest address means the new version at once and the old one says what replaced it", async () => {
    await publishCorrection("更正后的标题", "更正表3的预算单位名称。");
    expect(await findPublishedVersionIn(t.prisma, "gy-swbb", 2020)).toEqual({ reportId, versionNo: 2, latest: 2 });
    expect(await findPublishedVersionIn(t.prisma, "gy-swbb", 2020, 1)).toEqual({ reportId, versionNo: 1, latest: 2 });

    const latest = await loadYearDocumentVersion(t.prisma, reportId, 2, false);
    expect(latest?.document.title).toBe("更正后的标题");
    expect(latest?.version).toMatchObject({ versionNo: 2, correctionNote: "更正表3的预算单位名称。", supersededBy: null });
    expect(latest?.version.versions.map((v) => v.versionNo)).toEqual([1, 2]);

    const old = await loadYearDocumentVersion(t.prisma, reportId, 1, true);
    expect(old?.document.title).toBe("中共广元市委机构编制委员会办公室2020年度部门决算公开");
    expect(old?.version.supersededBy).toEqual({ versionNo: 2, publishedAt: "2021-11-01T02:00:00.000Z" });
    expect(old?.version.versions.map((v) => v.versionNo)).toEqual([1]);

    // A third version changes neither page of version 1 nor what superseded it.
    await publishCorrection("第三版标题", "再次更正。");
    expect(await findPublishedVersionIn(t.prisma, "gy-swbb", 2020)).toMatchObject({ versionNo: 3, latest: 3 });
    expect(await loadYearDocumentVersion(t.prisma, reportId, 1, true)).toEqual(old);
    expect((await loadYearDocumentVersion(t.prisma, reportId, 2, true))?.version.supersededBy?.versionNo).toBe(3);
    expect(await loadYearDocumentVersion(t.prisma, reportId, 4, false)).toBeNull();
  });
});
