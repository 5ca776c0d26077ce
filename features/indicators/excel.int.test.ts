/**
 * Excel import against a real database: an owner imports a filled template into a draft project of
 * their department (parseIndicatorWorkbook + saveIndicators, as importIndicatorsAction does), and a
 * bad file changes nothing.
 */
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { OFFLOAD_FILE_BYTES } from "@/lib/isolated";
import { generateIndicatorRows } from "@/tests/fixtures/indicator-rows";
import type { Actor } from "@/lib/actor";
import { DEMO_DEPARTMENT_CODE } from "@/prisma/seed/accounts";
import { DEMO_FRAMEWORK_CODE } from "@/prisma/seed/run";
import { databaseForFile } from "@/tests/integration/db";
import { type ExcelFramework, excelFrameworkOf, storedIndicatorRow } from "./excel/framework";
import { parseIndicatorWorkbook } from "./excel/parser";
import { buildSelfEvaluationWorkbook } from "./excel/self-evaluation";
import { buildIndicatorTemplate } from "./excel/template";
import { importIndicatorsHandler } from "./import-handler";
import { saveIndicators } from "./mutations";

const t = databaseForFile({ demo: true });
let owner: Actor;
let framework: ExcelFramework;
let projectId: string;

const frameworkSelect = {
  budgetExecutionPoints: true,
  level1: {
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, category: true, points: true, level2: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true } } },
  },
} as const;

beforeAll(async () => {
  owner = await t.prisma.user.findUniqueOrThrow({ where: { username: "owner" }, select: { id: true, name: true, role: true, departmentId: true } });
  const fw = await t.prisma.indicatorFramework.findUniqueOrThrow({ where: { code: DEMO_FRAMEWORK_CODE }, select: { id: true, ...frameworkSelect } });
  framework = excelFrameworkOf(fw);
  // A draft project of the owner's department (no report yet: editable) in an open year
  // on the seed's local framework (2020 itself is closed, hence read-only).
  const dept = await t.prisma.department.findUniqueOrThrow({ where: { code: DEMO_DEPARTMENT_CODE } });
  await t.prisma.fiscalYear.create({ data: { year: 2040, status: "OPEN", frameworkId: fw.id } });
  const dy = await t.prisma.departmentYear.create({ data: { departmentId: dept.id, year: 2040 } });
  const project = await t.prisma.project.create({
    data: {
      departmentId: dy.departmentId,
      departmentYearId: dy.id,
      year: 2040,
      name: "机构编制信息化建设（导入测试）",
      competentDepartment: "中共广元市委机构编制委员会办公室",
      implementingUnit: "市委编办",
      frameworkId: fw.id,
      funding: { create: [{ source: "FISCAL", initialBudget: 180000, annualBudget: 180000, executed: 162000 }] },
    },
  });
  projectId = project.id;
});

/** Fills the template's data rows (A2 on, over the example rows). */
async function filledTemplate(lines: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildIndicatorTemplate(framework)) as unknown as ExcelJS.Buffer, { ignoreNodes: ["dataValidations"] });
  const ws = wb.getWorksheet("绩效指标")!;
  for (let r = 2; r <= ws.rowCount; r++) for (let c = 1; c <= 13; c++) ws.getCell(r, c).value = null;
  lines.forEach((line, i) => line.forEach((v, c) => (ws.getCell(i + 2, c + 1).value = v === "" ? null : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What importIndicatorsAction does once signed in: parse, and save only a valid file. */
async function importFile(buffer: Buffer, version: number) {
  const parsed = await parseIndicatorWorkbook(buffer, framework);
  if (!parsed.ok) return parsed;
  return saveIndicators(t.prisma, owner, projectId, version, parsed.rows);
}

const GOOD = [
  ["项目完成指标", "数量指标", "培训人次", "≥", 200, "人次", "全年培训不少于200人次", 210, "", 20, null, "是", ""],
  ["项目完成指标", "质量指标", "系统上线合格率", "≥", 100, "%", "", 100, "", 15, null, "是", ""],
  ["项目完成指标", "时效指标", "完成时限", "≤", 12, "月", "", 11, "", 15, null, "是", ""],
  ["效益指标", "社会效益", "机构编制管理效率", "定性", "明显提升", "", "", "达到预期", "", 30, 28, "是", "部分县区数据迁移滞后，下年度加强督导"],
  ["满意度指标", "满意度指标", "使用单位满意度", "≥", 90, "%", "", 95, "", 10, null, "", ""],
];

async function stored() {
  const p = await t.prisma.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { version: true, indicators: { orderBy: { sortOrder: "asc" }, include: { level1: true, level2: true } } },
  });
  return p;
}

describe("importing indicators from Excel", () => {
  it("an owner imports a filled template into a draft project of their department", async () => {
    const before = await stored();
    const result = await importFile(await filledTemplate(GOOD), before.version);
    expect(result).toEqual({ ok: true, version: before.version + 1 });

    const after = await stored();
    expect(after.version).toBe(before.version + 1);
    expect(
      after.indicators.map((i) => [
        i.sortOrder,
        i.level1.name,
        i.level2.name,
        i.name,
        i.nature,
        i.targetValue?.toString() ?? null,
        i.unit,
        i.actualValue?.toString() ?? null,
        i.weight?.toString() ?? null,
        i.manualScore?.toString() ?? null,
      ]),
    ).toEqual([
      [0, "项目完成指标", "数量指标", "培训人次", "GTE", "200", "人次", "210", "20", null],
      [1, "项目完成指标", "质量指标", "系统上线合格率", "GTE", "100", "%", "100", "15", null],
      [2, "项目完成指标", "时效指标", "完成时限", "LTE", "12", "月", "11", "15", null],
      [3, "效益指标", "社会效益", "机构编制管理效率", "QUALITATIVE", null, null, null, "30", "28"],
      [4, "满意度指标", "满意度指标", "使用单位满意度", "GTE", "90", "%", "95", "10", null],
    ]);
    expect(after.indicators[0]!.targetText).toBe("全年培训不少于200人次");
    expect(after.indicators[3]).toMatchObject({ targetText: "明显提升", actualText: "达到预期", deviationReason: "部分县区数据迁移滞后，下年度加强督导" });

    const audit = await t.prisma.auditLog.findFirst({ where: { entityId: projectId, action: "project.indicators.save" }, orderBy: { id: "desc" } });
    expect(audit?.comment).toBe("共 5 项指标");
  });

  it("a bad file changes nothing", async () => {
    const before = await stored();
    const bad = GOOD.map((l) => [...l]);
    bad[1]![1] = "社会效益"; // B3: not under 项目完成指标
    bad[2]![4] = "十二个月"; // E4: not a number
    const result = await importFile(await filledTemplate(bad), before.version);
    expect(result.ok).toBe(false);
    expect(!result.ok && "errors" in result ? result.errors.map((e) => e.cell) : []).toEqual(["B3", "E4"]);

    const notXlsx = await importFile(Buffer.from("not a workbook"), before.version);
    expect(notXlsx.ok).toBe(false);

    const after = await stored();
    expect(after.version).toBe(before.version);
    expect(after.indicators.map((i) => [i.id, i.name, i.updatedAt.getTime()])).toEqual(before.indicators.map((i) => [i.id, i.name, i.updatedAt.getTime()]));
  });

  it("a stale version is refused and changes nothing", async () => {
    const before = await stored();
    const result = await importFile(await filledTemplate(GOOD.slice().reverse()), before.version - 1);
    expect(result).toMatchObject({ ok: false, reason: "stale" });
    expect((await stored()).indicators.map((i) => i.id)).toEqual(before.indicators.map((i) => i.id));
  });

  it("re-importing an exported table keeps the indicators' ids", async () => {
    const before = await stored();
    const buffer = await buildIndicatorTemplate(framework, { rows: before.indicators.map(storedIndicatorRow) });
    const result = await importFile(buffer, before.version);
    expect(result).toEqual({ ok: true, version: before.version + 1 });
    const after = await stored();
    expect(after.indicators.map((i) => [i.id, i.name])).toEqual(before.indicators.map((i) => [i.id, i.name]));
  });

  it("the 自评表 exported from a seeded project imports into the draft (as new rows), and the locked original refuses", async () => {
    const seeded = await t.prisma.project.findFirstOrThrow({
      where: { department: { code: DEMO_DEPARTMENT_CODE }, year: 2020, name: "全市综合执法改革" },
      include: { funding: true, indicators: { orderBy: { sortOrder: "asc" } }, framework: { select: frameworkSelect }, report: true },
    });
    const buffer = await buildSelfEvaluationWorkbook(seeded);
    const parsed = await parseIndicatorWorkbook(buffer, framework);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.rows.map((r) => r.name)).toEqual(seeded.indicators.map((i) => i.name));

    const before = await stored();
    const saved = await saveIndicators(t.prisma, owner, projectId, before.version, parsed.rows);
    expect(saved.ok).toBe(true);
    const after = await stored();
    expect(after.indicators.map((i) => [i.name, i.targetText, i.actualText])).toEqual(seeded.indicators.map((i) => [i.name, i.targetText, i.actualText]));
    // The rows are new: the seeded project's indicators are untouched.
    expect(after.indicators.some((i) => seeded.indicators.some((s) => s.id === i.id))).toBe(false);
    expect(await t.prisma.indicator.count({ where: { projectId: seeded.id } })).toBe(seeded.indicators.length);

    // The seeded project's self-evaluation is published: importing into it is refused.
    expect(seeded.report?.status).toBe("PUBLISHED");
    const locked = await saveIndicators(t.prisma, owner, seeded.id, seeded.version, parsed.rows);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("a large import is read in a worker process (lib/isolated.ts)", () => {
  const ROWS = 4_000;
  let file: File;
  beforeAll(async () => {
    const bytes = await buildIndicatorTemplate(framework, { rows: generateIndicatorRows(framework, ROWS) });
    expect(bytes.length).toBeGreaterThan(OFFLOAD_FILE_BYTES);
    file = new File([new Uint8Array(bytes)], "指标.xlsx");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("imports every row through the handler", async () => {
    const before = await stored();
    const result = await importIndicatorsHandler(t.prisma, owner, projectId, before.version, file);
    expect(result).toEqual({ ok: true, version: before.version + 1, imported: ROWS });
    expect(await t.prisma.indicator.count({ where: { projectId } })).toBe(ROWS);
  });

  it("a worker process out of memory fails this import with a Chinese message and changes nothing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubEnv("JIXIAO_WORKER_HEAP_MB", "12");
    const before = await stored();
    const result = await importIndicatorsHandler(t.prisma, owner, projectId, before.version, file);
    expect(result).toMatchObject({ ok: false, reason: "invalid", errors: [{ row: 0, cell: "", message: expect.stringContaining("内存上限") }] });
    const after = await stored();
    expect(after.version).toBe(before.version);
    expect(after.indicators.length).toBe(before.indicators.length);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/parseIndicatorWorkbook: memory/));
  });
});
