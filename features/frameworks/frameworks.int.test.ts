/**
 * Framework versioning against a real PostgreSQL: copy into a local variant (structure
 * and 指标库), edit it with the points check, a framework used by a project is frozen and
 * gets a new version (CY-2021-101 → CY-2021-101-v2), 指标库 add/retire/import; every
 * write is admin-only and audited.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { demoDatabase, type TestDatabase } from "@/tests/integration/db";
import { copyFrameworkHandler, importLibraryHandler, newVersionHandler, retireLibraryItemHandler, saveLibraryItemHandler, updateStructureHandler } from "./handlers";

let t: TestDatabase;
let admin: Actor, owner: Actor, reviewer: Actor;

beforeAll(async () => {
  ({ t, admin, owner, reviewer } = await demoDatabase());
});
afterAll(() => t.drop());

const idOf = async (code: string) => (await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code } })).id;
const structureOf = async (id: string) => {
  const f = await t.prisma.indicatorFramework.findUniqueOrThrow({
    where: { id },
    include: { level1: { orderBy: { sortOrder: "asc" }, include: { level2: { orderBy: { sortOrder: "asc" } } } } },
  });
  return {
    version: f.version,
    input: {
      name: f.name,
      description: f.description,
      budgetExecutionPoints: f.budgetExecutionPoints.toString(),
      level1: f.level1.map((l) => ({ id: l.id, name: l.name, category: l.category, points: l.points.toString(), level2: l.level2.map((x) => ({ id: x.id, name: x.name })) })),
    },
  };
};

describe("copying and editing a framework", () => {
  let localId = "";

  it("only an admin may copy; the copy carries structure and 指标库", async () => {
    const source = await idOf("CY-2021-101");
    for (const a of [null, owner, reviewer]) expect((await copyFrameworkHandler(t.prisma, a, source, { code: "GY-LOCAL", name: "本地" })).ok).toBe(false);
    expect(await copyFrameworkHandler(t.prisma, admin, source, { code: "CY-2020-10", name: "重复编码" })).toMatchObject({ ok: false, reason: "duplicate" });
    const r = await copyFrameworkHandler(t.prisma, admin, source, { code: "GY-2022-LOCAL", name: "广元市2022年项目支出绩效指标体系" });
    if (!r.ok) throw new Error(r.message);
    localId = r.id;
    const copy = await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { id: localId }, include: { level1: { include: { level2: { include: { library: true } } } } } });
    expect(copy.basedOnId).toBe(source);
    expect(copy.level1.map((l) => `${l.name}${l.points.toString()}`).sort()).toEqual(["产出指标50", "成本指标0", "效益指标30", "满意度指标10"]);
    expect(copy.level1.flatMap((l) => l.level2.flatMap((x) => x.library)).length).toBeGreaterThan(10);
    expect(await t.prisma.auditLog.count({ where: { action: "framework.copy", entityId: localId } })).toBe(1);
  });

  it("edits 一级 names/points and 二级 lists only when the points add up to 100", async () => {
    const { version, input } = await structureOf(localId);
    // Fold 成本指标 into 产出 as 财预〔2020〕10号 does, but forget to move its points: 10 + 45 + 30 + 10 = 95.
    const output = input.level1.find((l) => l.name === "产出指标")!;
    const bad = {
      ...input,
      level1: input.level1.filter((l) => l.name !== "成本指标").map((l) => (l === output ? { ...l, points: "45", level2: [...l.level2, { name: "成本指标" }] } : l)),
    };
    const refused = await updateStructureHandler(t.prisma, admin, localId, version, bad);
    expect(refused).toMatchObject({ ok: false, reason: "invalid" });
    expect(refused.ok ? "" : refused.message).toBe("预算执行率（10分）与各一级指标分值（产出指标45分、效益指标30分、满意度指标10分）合计为95分，应为100分");
    const good = { ...bad, level1: bad.level1.map((l) => (l.name === "产出指标" ? { ...l, points: "50" } : l)) };
    expect(await updateStructureHandler(t.prisma, admin, localId, version, good)).toEqual({ ok: true, version: version + 1 });
    const after = await structureOf(localId);
    expect(after.input.level1.map((l) => l.name)).toEqual(["产出指标", "效益指标", "满意度指标"]);
    expect(after.input.level1[0]!.level2.map((x) => x.name)).toEqual(["数量指标", "质量指标", "时效指标", "成本指标"]);
    // A stale version is refused.
    expect(await updateStructureHandler(t.prisma, admin, localId, version, good)).toMatchObject({ ok: false, reason: "stale" });
    expect(await t.prisma.auditLog.count({ where: { action: "framework.update", entityId: localId } })).toBe(1);
  });

  it("a framework used by a project cannot change: it gets a new version instead", async () => {
    const used = await idOf("CY-2021-101");
    expect(await t.prisma.project.count({ where: { frameworkId: used } })).toBe(0);
    // Put a project on it (the demo's 2020 projects use the local framework).
    await t.prisma.project.updateMany({ where: { year: 2020, name: "全市综合执法改革" }, data: { frameworkId: used } });
    const { version, input } = await structureOf(used);
    const r = await updateStructureHandler(t.prisma, admin, used, version, input);
    expect(r).toMatchObject({ ok: false, reason: "in_use" });
    expect(r.ok ? "" : r.message).toContain("已有 1 个项目使用，不能修改");
    const v2 = await newVersionHandler(t.prisma, admin, used);
    expect(v2).toMatchObject({ ok: true, code: "CY-2021-101-v2" });
    const v3 = await newVersionHandler(t.prisma, admin, v2.ok ? v2.id : "");
    expect(v3).toMatchObject({ ok: true, code: "CY-2021-101-v3" });
    const named = await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code: "CY-2021-101-v3" } });
    expect(named.name).toBe("财预〔2021〕101号 项目支出绩效指标体系（第3版）");
    // The new version is free to change.
    const s = await structureOf(named.id);
    expect((await updateStructureHandler(t.prisma, admin, named.id, s.version, { ...s.input, name: "本地第3版" })).ok).toBe(true);
  });
});

describe("指标库", () => {
  it("adds, retires and restores items; imports an .xlsx all or nothing", async () => {
    const fw = await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code: "CY-2020-10" }, include: { level1: { include: { level2: true } } } });
    const cost = fw.level1.find((l) => l.name === "产出指标")!.level2.find((x) => x.name === "成本指标")!;
    expect(await saveLibraryItemHandler(t.prisma, owner, fw.id, null, { level2Id: cost.id, name: "x", nature: "LTE", unit: "万元", targetText: "", description: "" })).toMatchObject({ ok: false, reason: "forbidden" });
    const missingUnit = await saveLibraryItemHandler(t.prisma, admin, fw.id, null, { level2Id: cost.id, name: "单位培训成本", nature: "LTE", unit: "", targetText: "", description: "" });
    expect(missingUnit).toMatchObject({ ok: false, fieldErrors: [{ path: "unit", message: "定量指标按数字计分，请填写计量单位" }] });
    const created = await saveLibraryItemHandler(t.prisma, admin, fw.id, null, { level2Id: cost.id, name: "单位培训成本", nature: "LTE", unit: "元/人次", targetText: "≤500元/人次", description: "" });
    if (!created.ok) throw new Error(created.message);
    expect(await retireLibraryItemHandler(t.prisma, admin, fw.id, created.id, true)).toEqual({ ok: true });
    expect((await t.prisma.libraryIndicator.findUniqueOrThrow({ where: { id: created.id } })).retiredAt).not.toBeNull();
    expect(await retireLibraryItemHandler(t.prisma, admin, fw.id, created.id, false)).toEqual({ ok: true });

    const book = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("指标库");
      ws.addRow(["说明：每行一个三级指标"]);
      ws.addRow(["一级指标", "二级指标", "三级指标", "计量单位", "参考指标值"]);
      rows.forEach((r) => ws.addRow(r));
      return new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]);
    };
    const before = await t.prisma.libraryIndicator.count();
    const bad = await importLibraryHandler(t.prisma, admin, fw.id, await book([
      ["产出指标", "数量指标", "发放宣传资料", "份", "≥5O00份"],
      ["产出指标", "人数指标", "参训人数", "人", "≥100"],
    ]));
    expect(bad).toMatchObject({ ok: false, reason: "invalid_file" });
    expect("errors" in bad ? bad.errors.map((e) => e.message) : []).toEqual([
      "E3：参考指标值“≥5O00份”不是数字：含有字母“O”（字母“O”应为数字“0”？）",
      "B4：二级指标“人数指标”不属于一级指标“产出指标”（可选：数量指标、质量指标、时效指标、成本指标）",
    ]);
    expect(await t.prisma.libraryIndicator.count()).toBe(before);
    const good = await importLibraryHandler(t.prisma, admin, fw.id, await book([
      ["产出指标", "数量指标", "发放宣传资料", "", "≥5000份"],
      ["产出指标", "时效指标", "完成时限", "", "12个月内完成"],
      ["产出指标", "成本指标", "单位培训成本", "元/人次", "≤450元/人次"],
    ]));
    // 完成时限 is already in the seeded 指标库: updated, like 单位培训成本.
    expect(good).toEqual({ ok: true, created: 1, updated: 2 });
    const items = await t.prisma.libraryIndicator.findMany({ where: { name: { in: ["发放宣传资料", "完成时限"] }, level2: { level1: { frameworkId: fw.id } } }, orderBy: { name: "asc" } });
    expect(items.map((i) => [i.name, i.nature, i.unit])).toEqual([
      ["发放宣传资料", "GTE", "份"],
      ["完成时限", "QUALITATIVE", null],
    ]);
  });
});
