/**
 * Every workbook function the server may run in a worker (./offloaded.ts, the 指标库 import) gives
 * there what it gives in this process: the worker loads the module and export that `target` names,
 * with the arguments cloned across (Decimals as text). A wrong module path or export name fails here.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseLibraryWorkbookOffloaded } from "@/features/frameworks/library-excel";
import { OFFLOAD_FILE_BYTES, OFFLOAD_ROWS, runIsolated } from "@/lib/isolated";
import { buildNationalSelfEvaluation } from "@/tests/fixtures/national-self-evaluation";
import { demoProject, FRAMEWORK, GOOD_ROWS } from "@/tests/fixtures/indicator-workbooks";
import { excelFrameworkOf } from "./framework";
import { type NationalFramework } from "./national";
import { buildIndicatorTemplateOffloaded, buildSelfEvaluationWorkbookOffloaded, parseIndicatorWorkbookOffloaded, parseNationalSelfEvaluationOffloaded } from "./offloaded";
import { parseIndicatorWorkbook } from "./parser";

const FW = excelFrameworkOf(FRAMEWORK);
const inWorker = <A extends unknown[], R>(fn: { target: { module: string; name: string } } & ((...a: A) => Promise<R>), ...args: A) =>
  runIsolated(fn.target.module, fn.target.name, args) as Promise<R>;

describe("workbook functions run in a worker process as in this one", () => {
  it("parseIndicatorWorkbook", async () => {
    const file = await buildIndicatorTemplateOffloaded.inline(FW, { rows: GOOD_ROWS });
    const here = await parseIndicatorWorkbookOffloaded.inline(file, FW);
    expect(here.ok).toBe(true);
    expect(await inWorker(parseIndicatorWorkbookOffloaded, file, FW)).toEqual(here);
  });

  it("buildIndicatorTemplate (filled) parses back to the same rows", async () => {
    const built = await inWorker(buildIndicatorTemplateOffloaded, FW, { rows: GOOD_ROWS });
    expect(Buffer.isBuffer(built)).toBe(true);
    expect(await parseIndicatorWorkbook(built, FW)).toEqual(await parseIndicatorWorkbook(await buildIndicatorTemplateOffloaded.inline(FW, { rows: GOOD_ROWS }), FW));
  });

  it("buildSelfEvaluationWorkbook (the project's Decimals cross as text)", async () => {
    const built = await inWorker(buildSelfEvaluationWorkbookOffloaded, demoProject());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(built as unknown as ExcelJS.Buffer);
    const here = new ExcelJS.Workbook();
    await here.xlsx.load((await buildSelfEvaluationWorkbookOffloaded.inline(demoProject())) as unknown as ExcelJS.Buffer);
    const values = (w: ExcelJS.Workbook) => w.worksheets.map((ws) => ws.getSheetValues());
    expect(values(wb)).toEqual(values(here));
    expect(JSON.stringify(values(wb))).toContain("全市综合执法改革");
    expect(JSON.stringify(values(wb))).toContain("16.2");
  });

  it("parseNationalSelfEvaluation", async () => {
    const framework: NationalFramework = {
      budgetExecutionPoints: "10",
      groups: [
        { id: "out", name: "产出指标", category: "OUTPUT", points: "50", level2Ids: ["n", "q", "t", "c"], level2: [{ id: "n", name: "数量指标" }, { id: "q", name: "质量指标" }, { id: "t", name: "时效指标" }, { id: "c", name: "成本指标" }] },
        { id: "eff", name: "效益指标", category: "OUTCOME", points: "30", level2Ids: ["s", "u", "m"], level2: [{ id: "s", name: "社会效益指标" }, { id: "u", name: "可持续影响指标" }, { id: "m", name: "服务对象满意度指标" }] },
        { id: "sat", name: "满意度指标", category: "SATISFACTION", points: "10", level2Ids: ["sm"], level2: [{ id: "sm", name: "服务对象满意度指标" }] },
      ],
    };
    const file = await buildNationalSelfEvaluation();
    const here = await parseNationalSelfEvaluationOffloaded.inline(file, framework);
    expect(await inWorker(parseNationalSelfEvaluationOffloaded, file, framework)).toEqual(here);
  });

  it("parseLibraryWorkbook (指标库)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标库");
    ws.addRow(["一级指标", "二级指标", "三级指标", "参考指标值"]);
    ws.addRow(["项目完成指标", "数量指标", "培训人次", "≥200人次"]);
    ws.addRow(["满意度指标", "满意度指标", "服务对象满意度", "≥90%"]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const framework = { level1: FRAMEWORK.level1.map((g) => ({ name: g.name, level2: g.level2 })) };
    const here = await parseLibraryWorkbookOffloaded.inline(file, framework);
    expect(here.ok).toBe(true);
    expect(await inWorker(parseLibraryWorkbookOffloaded, file, framework)).toEqual(here);
  });
});

describe("which inputs go to a worker process", () => {
  const bytes = (n: number) => Buffer.alloc(n);
  const project = (n: number) => ({ ...demoProject(), indicators: Array.from({ length: n }, () => demoProject().indicators[0]!) });
  it("uploads over 128 KB", () => {
    for (const fn of [parseIndicatorWorkbookOffloaded, parseLibraryWorkbookOffloaded] as { heavy: (b: Buffer, f: never) => boolean }[]) {
      expect(fn.heavy(bytes(OFFLOAD_FILE_BYTES), {} as never)).toBe(false);
      expect(fn.heavy(bytes(OFFLOAD_FILE_BYTES + 1), {} as never)).toBe(true);
    }
    expect(parseNationalSelfEvaluationOffloaded.heavy(bytes(OFFLOAD_FILE_BYTES + 1), {} as never)).toBe(true);
  });
  it("exports of more than 2,000 rows", () => {
    expect(buildSelfEvaluationWorkbookOffloaded.heavy(project(OFFLOAD_ROWS))).toBe(false);
    expect(buildSelfEvaluationWorkbookOffloaded.heavy(project(OFFLOAD_ROWS + 1))).toBe(true);
    expect(buildIndicatorTemplateOffloaded.heavy(FW)).toBe(false);
    expect(buildIndicatorTemplateOffloaded.heavy(FW, { rows: Array.from({ length: OFFLOAD_ROWS + 1 }, () => GOOD_ROWS[0]!) })).toBe(true);
  });
});
