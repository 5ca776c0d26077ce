/**
 * The portal's catalogue and search read published snapshots only: every published item
 * is listed under its department and year and found by department, project name and
 * words of its text; a report that was never published is never listed nor found.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { seedDemoData } from "@/prisma/seed/run";
import { freshDatabase, type TestDatabase } from "@/tests/integration/db";
import { itemCount } from "./portal-group";
import { listPublishedDepartmentsIn, listPublishedIndexIn, listPublishedItemsIn, searchPublishedIn } from "./portal-items";

let t: TestDatabase;
const TAG = "栖凤镇便民服务中心提升改造";
let publishedId: string;
let draftId: string;

/** A department-year with one published project report (no year document) and one draft. */
async function fixture() {
  const dept = await t.prisma.department.create({ data: { code: "it-portal", name: "测试县栖凤镇人民政府", shortName: "栖凤镇", region: "测试县" } });
  const dy = await t.prisma.departmentYear.create({ data: { departmentId: dept.id, year: 2021 } });
  const fy = await t.prisma.fiscalYear.findUniqueOrThrow({ where: { year: 2021 } });
  const project = (name: string) =>
    t.prisma.project.create({ data: { departmentId: dept.id, departmentYearId: dy.id, year: 2021, name, competentDepartment: dept.name, implementingUnit: dept.name, frameworkId: fy.frameworkId } });
  const p1 = await project("现在的项目名");
  const p2 = await project("未公开项目");
  const snapshot = (title: string, projectName: string, body: string) =>
    ({ format: 2, title, project: { name: projectName, department: dept.name }, sections: [{ key: "summary", heading: "一、项目概况", body }] }) as unknown as Prisma.InputJsonValue;
  const published = await t.prisma.report.create({
    data: { kind: "PROJECT_SELF_EVALUATION", scopeKey: `PROJECT_SELF_EVALUATION:${p1.id}`, projectId: p1.id, departmentId: dept.id, departmentYearId: dy.id, year: 2021, title: "现在的标题（草稿里改过）", status: "PUBLISHED", publishedAt: new Date("2023-03-01T00:00:00Z") },
  });
  publishedId = published.id;
  await t.prisma.reportPublication.create({
    data: { reportId: published.id, versionNo: 1, publishedAt: new Date("2023-03-01T00:00:00Z"), snapshot: snapshot(`${TAG}项目支出绩效自评报告`, `${TAG}项目`, "完成群众满意度调查，满意度达到百分之九十八。") },
  });
  // Never published: its title and text must stay invisible.
  const draft = await t.prisma.report.create({
    data: { kind: "PROJECT_SELF_EVALUATION", scopeKey: `PROJECT_SELF_EVALUATION:${p2.id}`, projectId: p2.id, departmentId: dept.id, departmentYearId: dy.id, year: 2021, title: "未公开的草稿报告独有标题", status: "APPROVED" },
  });
  draftId = draft.id;
  await t.prisma.reportSection.create({ data: { reportId: draft.id, key: "summary", heading: "一、项目概况", body: "草稿独有正文鸿雁", sortOrder: 1 } });
  // A department-year with nothing published: not listed at all.
  const quiet = await t.prisma.department.create({ data: { code: "it-quiet", name: "测试县静默局", shortName: "静默局" } });
  const qdy = await t.prisma.departmentYear.create({ data: { departmentId: quiet.id, year: 2021 } });
  await t.prisma.report.create({ data: { kind: "DEPARTMENT_OVERALL", scopeKey: `DEPARTMENT_OVERALL:${qdy.id}`, departmentId: quiet.id, departmentYearId: qdy.id, year: 2021, title: "静默局整体报告", status: "DRAFT" } });
}

beforeAll(async () => {
  t = await freshDatabase();
  await seedDemoData(t.prisma);
  await fixture();
});
afterAll(async () => {
  await t.drop();
});

const search = (q: string, page = 1, pageSize = 10) => searchPublishedIn(t.prisma, { terms: q.split(" "), page, pageSize });

describe("the portal's catalogue", () => {
  it("lists exactly the reports that have a publication, each once with its latest version", async () => {
    const items = await listPublishedItemsIn(t.prisma);
    const published = await t.prisma.report.findMany({ where: { publications: { some: {} } }, select: { id: true } });
    expect(items.map((i) => i.reportId).sort()).toEqual(published.map((r) => r.id).sort());
    expect(items.some((i) => i.reportId === draftId)).toBe(false);
    expect(items.some((i) => i.department.code === "it-quiet")).toBe(false);
    // Every kind of the seed is there, with its permanent address.
    const doc = items.find((i) => i.kind === "FINAL_ACCOUNTS" && i.department.code === "gy-swbb" && i.year === 2020);
    expect(doc?.href).toBe("/portal/gy-swbb/2020");
    expect(items.find((i) => i.reportId === publishedId)).toMatchObject({
      kind: "PROJECT_SELF_EVALUATION",
      title: `${TAG}项目支出绩效自评报告`, // as published, not the report's current title
      projectName: `${TAG}项目`,
      href: `/published/${publishedId}`,
      year: 2021,
    });
  });

  it("groups by department and year; a year with project reports but no year document is listed", async () => {
    const departments = await listPublishedDepartmentsIn(t.prisma);
    const mine = departments.find((d) => d.code === "it-portal");
    expect(mine?.years).toHaveLength(1);
    expect(mine?.years[0]).toMatchObject({ year: 2021, yearDocument: null, overall: [] });
    expect(mine?.years[0]?.projects.map((p) => p.reportId)).toEqual([publishedId]);
    expect(departments.some((d) => d.code === "it-quiet")).toBe(false);
    const gy = departments.find((d) => d.code === "gy-swbb");
    expect(gy?.years.find((y) => y.year === 2020)?.yearDocument?.kind).toBe("FINAL_ACCOUNTS");
    // Years whose reports are all unpublished do not appear (the seed's 2021 has projects but no publication).
    const publishedYears = await t.prisma.report.findMany({ where: { department: { code: "gy-swbb" }, publications: { some: {} } }, select: { year: true }, distinct: ["year"] });
    expect(gy?.years.map((y) => y.year).sort()).toEqual(publishedYears.map((r) => r.year).sort());

    const one = await listPublishedDepartmentsIn(t.prisma, { departmentCode: "it-portal", year: 2021 });
    expect(one).toHaveLength(1);
    expect(await listPublishedDepartmentsIn(t.prisma, { departmentCode: "it-portal", year: 2020 })).toEqual([]);
    expect(await listPublishedDepartmentsIn(t.prisma, { departmentCode: "no-such" })).toEqual([]);
  });

  it("lists a correction's latest version, still once", async () => {
    await t.prisma.reportPublication.create({
      data: { reportId: publishedId, versionNo: 2, correctionNote: "更正标题", snapshot: { format: 2, title: `${TAG}项目支出绩效自评报告（更正）`, project: { name: `${TAG}项目` }, sections: [] } as unknown as Prisma.InputJsonValue },
    });
    const items = (await listPublishedItemsIn(t.prisma, { departmentCode: "it-portal" })).filter((i) => i.reportId === publishedId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ versionNo: 2, title: `${TAG}项目支出绩效自评报告（更正）` });
  });
});

describe("the catalogue's index (one page, counted in SQL)", () => {
  it("agrees with the grouped catalogue: the same departments in the same order, years and counts", async () => {
    const grouped = await listPublishedDepartmentsIn(t.prisma);
    const index = await listPublishedIndexIn(t.prisma, { page: 1, pageSize: 100 });
    expect(index.total).toBe(grouped.length);
    expect(index.departments.map((d) => [d.code, d.years])).toEqual(grouped.map((d) => [d.code, d.years.map((y) => ({ year: y.year, count: itemCount(y) }))]));
  });

  it("pages: each department once, the total on every page, an empty page past the end", async () => {
    const total = (await listPublishedIndexIn(t.prisma, { page: 1, pageSize: 100 })).total;
    const pages = await Promise.all(Array.from({ length: total }, (_, i) => listPublishedIndexIn(t.prisma, { page: i + 1, pageSize: 1 })));
    expect(pages.every((p) => p.total === total && p.departments.length === 1)).toBe(true);
    expect(new Set(pages.map((p) => p.departments[0]!.code)).size).toBe(total);
    expect(await listPublishedIndexIn(t.prisma, { page: total + 1, pageSize: 1 })).toEqual({ total, departments: [] });
  });
});

describe("searching the portal", () => {
  it("finds a report by its project name, its department and words of its text", async () => {
    for (const q of [TAG, "栖凤镇便民", "栖凤镇人民政府", "测试县"]) {
      const r = await search(q);
      expect(r.hits.map((h) => h.reportId), q).toContain(publishedId);
    }
    // Words of the published text (version 1 is superseded: the latest version's text counts).
    expect((await search("满意度达到百分之九十八")).hits.map((h) => h.reportId)).not.toContain(publishedId);
    const seedText = await search("机构编制");
    expect(seedText.total).toBeGreaterThan(0);
    expect(seedText.hits.every((h) => h.department.code === "gy-swbb")).toBe(true);
  });

  it("finds words of a published text, with a snippet around the match", async () => {
    const [doc] = await t.prisma.reportPublication.findMany({ where: { report: { kind: "FINAL_ACCOUNTS", department: { code: "gy-swbb" } } }, take: 1 });
    expect(doc).toBeTruthy();
    const r = await search("名词解释");
    const hit = r.hits.find((h) => h.kind === "FINAL_ACCOUNTS");
    expect(hit?.snippet).toContain("名词解释");
  });

  it("matches what a page shows, not the snapshot's keys, codes or dates", async () => {
    for (const q of ["summary", "PROJECT_SELF_EVALUATION", "2023-03-01"]) expect((await search(q)).hits.map((h) => h.reportId), q).not.toContain(publishedId);
  });

  it("never finds what is not published", async () => {
    for (const q of ["未公开的草稿报告独有标题", "草稿独有正文鸿雁", "静默局"]) expect((await search(q)).total, q).toBe(0);
  });

  it("requires every term, matches wildcards literally and pages", async () => {
    expect((await search(`${TAG} 机构编制`)).total).toBe(0);
    expect((await search(`栖凤镇 ${TAG}`)).hits.map((h) => h.reportId)).toEqual([publishedId]);
    expect((await search("%栖凤")).total).toBe(0);
    expect((await search("栖_镇")).total).toBe(0);
    const all = await search("报告", 1, 100);
    expect(all.total).toBeGreaterThan(2);
    const p1 = await search("报告", 1, 2);
    const p2 = await search("报告", 2, 2);
    expect(p1.total).toBe(all.total);
    expect(p2.total).toBe(all.total);
    expect(p1.hits).toHaveLength(2);
    expect([...p1.hits, ...p2.hits].map((h) => h.reportId)).toEqual(all.hits.slice(0, 4).map((h) => h.reportId));
    const past = await search("报告", 1000, 2);
    expect(past.hits).toEqual([]);
    expect(past.total).toBe(all.total);
  });
});
