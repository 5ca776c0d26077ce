/** The admin's department list pages, sorts, searches and filters in the database (real PostgreSQL). */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseListQuery } from "@/lib/list-query";
import { databaseForFile } from "@/tests/integration/db";
import { DEPARTMENT_LIST, listDepartmentsForAdmin, listParentChoices } from "./data";

vi.mock("server-only", () => ({}));

const t = databaseForFile();
const query = (params: Record<string, string>) => parseListQuery(params, DEPARTMENT_LIST);

beforeAll(async () => {
  // 70 departments (more than two pages of 30), each with two sub-units; every seventh retired.
  for (let i = 0; i < 70; i++) {
    const code = `D${String(i).padStart(2, "0")}`;
    const d = await t.prisma.department.create({ data: { code, name: `某市第${i}局`, shortName: `${i}局`, sortOrder: 70 - i, region: i % 2 ? "利州区" : "昭化区", retiredAt: i % 7 === 0 ? new Date() : null } });
    for (const u of [1, 2]) {
      await t.prisma.department.create({ data: { code: `${code}-${u}`, name: u === 1 ? `第${i}局信息中心` : `第${i}局服务站`, shortName: `中心${i}-${u}`, parentId: d.id, unitKind: "PUBLIC_INSTITUTION" } });
    }
  }
});

describe("department list (database paging)", () => {
  it("pages over departments, each followed by its sub-units", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => listDepartmentsForAdmin(query({ page: String(page) }), t.prisma)));
    expect(pages[0]!.info).toEqual({ page: 1, pages: 3, total: 70, pageSize: 30 });
    expect(pages.map((p) => p.rows.length)).toEqual([90, 90, 30]);
    // Default order: 排序 ascending (sortOrder 70 − i), so the last department comes first.
    expect(pages[0]!.rows.slice(0, 3).map((r) => r.code)).toEqual(["D69", "D69-1", "D69-2"]);
    const codes = pages.flatMap((p) => p.rows.map((r) => r.code));
    expect(new Set(codes).size).toBe(210);
  });

  it("sorts by code in the database", async () => {
    const r = await listDepartmentsForAdmin(query({ sort: "code", dir: "asc" }), t.prisma);
    expect(r.rows.filter((x) => !x.parentId).slice(0, 3).map((x) => x.code)).toEqual(["D00", "D01", "D02"]);
  });

  it("finds a department by one of its sub-units and shows only the matching unit under it", async () => {
    const r = await listDepartmentsForAdmin(query({ q: "第12局服务" }), t.prisma);
    expect(r.rows.map((x) => x.code)).toEqual(["D12", "D12-2"]);
    const byName = await listDepartmentsForAdmin(query({ q: "某市第12局" }), t.prisma);
    expect(byName.rows.map((x) => x.code)).toEqual(["D12", "D12-1", "D12-2"]);
  });

  it("filters by status and unit kind", async () => {
    const retired = await listDepartmentsForAdmin(query({ status: "retired", sort: "code", dir: "asc" }), t.prisma);
    expect(retired.rows.map((x) => x.code)).toEqual(["D00", "D07", "D14", "D21", "D28", "D35", "D42", "D49", "D56", "D63"]);
    // A retired department still heads its units that are in use (shown as context, 已撤销).
    const active = await listDepartmentsForAdmin(query({ status: "active", sort: "code", dir: "asc" }), t.prisma);
    expect(active.info.total).toBe(70);
    expect(active.rows.slice(0, 3).map((x) => [x.code, x.retiredAt !== null])).toEqual([["D00", true], ["D00-1", false], ["D00-2", false]]);
    const units = await listDepartmentsForAdmin(query({ kind: "PUBLIC_INSTITUTION", q: "服务站", sort: "code", dir: "asc" }), t.prisma);
    expect(units.rows.slice(0, 4).map((x) => x.code)).toEqual(["D00", "D00-2", "D01", "D01-2"]);
  });

  it("offers every active department as a parent, not only this page's", async () => {
    expect((await listParentChoices(t.prisma)).length).toBe(60);
  });
});
