/**
 * The audit log's reading side against a real PostgreSQL: filters by actor, action, object
 * and Shanghai calendar dates, paging, and each object named in Chinese with its link.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { databaseForFile } from "@/tests/integration/db";
import { listAudit } from "./data";
import { AUDIT_PAGE_SIZE, parseAuditFilter } from "./schema";

vi.mock("server-only", () => ({}));

const t = databaseForFile({ demo: true });
let reportId: string;
let projectId: string;

beforeAll(async () => {
  const report = await t.prisma.report.findFirstOrThrow({ where: { kind: "PROJECT_SELF_EVALUATION" }, include: { project: true } });
  reportId = report.id;
  projectId = report.projectId!;
  const rows = [
    { at: new Date("2021-03-30T15:59:00Z"), actorName: "张三", action: "report.save", entityType: "Report", entityId: reportId },
    { at: new Date("2021-03-30T16:01:00Z"), actorName: "李四", action: "report.submit", entityType: "Report", entityId: reportId, fromStatus: "DRAFT", toStatus: "SUBMITTED" },
    { at: new Date("2021-04-02T02:00:00Z"), actorName: "李四", action: "project.update", entityType: "Project", entityId: projectId },
    ...Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({ at: new Date(Date.UTC(2019, 0, 1, 0, i)), actorName: "批量", action: "report.comment", entityType: "Report", entityId: "gone-report" })),
  ];
  await t.prisma.auditLog.createMany({ data: rows });
});

const filter = (q: Record<string, string>) => {
  const { filter, errors } = parseAuditFilter(q);
  expect(errors).toEqual([]);
  return filter;
};

describe("listAudit", () => {
  it("names each object in Chinese with a link to it, and unknown objects by their id", async () => {
    const { entries } = await listAudit(filter({ actor: "李四" }), t.prisma);
    expect(entries.map((e) => e.action)).toEqual(["project.update", "report.submit"]);
    expect(entries[0]!.object).toMatchObject({ href: `/projects/${projectId}` });
    expect(entries[0]!.object.label).toMatch(/^项目：/);
    expect(entries[1]!.object).toMatchObject({ href: `/reports/${reportId}` });
    expect(entries[1]!.object.label).toMatch(/^报告：.*自评/);
    const gone = await listAudit(filter({ actor: "批量" }), t.prisma);
    expect(gone.entries[0]!.object).toEqual({ label: "报告：gone-report", href: null });
  });

  it("filters by action, by object, and by Shanghai calendar day", async () => {
    expect((await listAudit(filter({ action: "report.submit" }), t.prisma)).total).toBe(1);
    expect((await listAudit(filter({ entityType: "Report", entityId: reportId, actor: "张" }), t.prisma)).total).toBe(1);
    // 15:59 UTC on 30 March is 23:59 on 30 March in Shanghai; 16:01 UTC is already 31 March.
    const day30 = await listAudit(filter({ from: "2021-03-30", to: "2021-03-30" }), t.prisma);
    expect(day30.entries.map((e) => e.actorName)).toEqual(["张三"]);
    const day31 = await listAudit(filter({ from: "2021-03-31", to: "2021-04-02" }), t.prisma);
    expect(day31.entries.map((e) => e.action)).toEqual(["project.update", "report.submit"]);
  });

  it("pages the log", async () => {
    const first = await listAudit(filter({ actor: "批量" }), t.prisma);
    expect(first.total).toBe(AUDIT_PAGE_SIZE + 5);
    expect(first.pageCount).toBe(2);
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await listAudit(filter({ actor: "批量", page: "2" }), t.prisma);
    expect(second.entries).toHaveLength(5);
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id)).size).toBe(AUDIT_PAGE_SIZE + 5);
  });

  it("turns bad filters into Chinese messages instead of errors", () => {
    expect(parseAuditFilter({ from: "2021-13-45x" }).errors).toEqual(["日期格式应为 2021-03-31"]);
    expect(parseAuditFilter({ from: "2021-05-01", to: "2021-04-01" }).errors).toEqual(["开始日期不能晚于结束日期"]);
    expect(parseAuditFilter({ action: "drop table", page: "-3" }).filter).toMatchObject({ action: undefined, page: 1 });
  });
});
