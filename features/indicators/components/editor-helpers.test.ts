import { describe, expect, it } from "vitest";
import type { FieldErrors } from "react-hook-form";
import { type IndicatorRowInput, emptyIndicatorRow } from "../schema";
import {
  firstErrorField,
  indicatorResolver,
  rowErrorMessages,
  rowsWithErrors,
  sameRowErrors,
  singleRowIndex,
  splitFieldErrors,
  tableLevelMessages,
} from "./editor-errors";
import {
  PAGE_SIZE,
  PAGINATE_ABOVE,
  cloneRows,
  filterLibrary,
  flattenLibrary,
  focusIndexAfterDelete,
  frameworkNames,
  isPaginated,
  moveTarget,
  pageCount,
  pageOfIndex,
  pageRange,
  rowFromLibraryItem,
  rowsToTsv,
  sameRows,
  toFrameworkShape,
  toIndicatorTableRows,
} from "./editor-helpers";
import {
  buildScoreInput,
  computeRowViews,
  normaliseNumber,
  primeRowViews,
  rowView,
  scoreTable,
} from "./editor-scoring";
import type { EditorFormValues, EditorFramework } from "./editor-types";

const framework: EditorFramework = {
  budgetExecutionPoints: "10",
  groups: [
    {
      id: "out",
      name: "产出指标",
      category: "OUTPUT",
      points: "50",
      level2: [
        {
          id: "qty",
          name: "数量指标",
          library: [
            { id: "lib1", name: "培训人次", nature: "GTE", unit: "人次", targetText: "≥200人次", description: "参加培训的人数" },
            { id: "lib2", name: "资料印制份数", nature: "GTE", unit: "份", targetText: null, description: "" },
          ],
        },
        { id: "time", name: "时效指标", library: [{ id: "lib3", name: "按时完成率", nature: "QUALITATIVE", unit: "%", targetText: "按规定时间完成", description: "" }] },
      ],
    },
    { id: "eff", name: "效益指标", category: "OUTCOME", points: "30", level2: [{ id: "soc", name: "社会效益", library: [] }] },
    { id: "sat", name: "满意度指标", category: "SATISFACTION", points: "10", level2: [{ id: "svc", name: "服务对象满意度", library: [] }] },
  ],
};

function row(overrides: Partial<IndicatorRowInput> = {}): IndicatorRowInput {
  return { ...emptyIndicatorRow("out", "qty"), name: "培训人次", targetValue: "100", unit: "人次", actualValue: "100", weight: "10", ...overrides };
}

describe("toFrameworkShape", () => {
  it("keeps ids, names, categories and points and lists each group's 二级 ids", () => {
    expect(toFrameworkShape(framework)).toEqual({
      budgetExecutionPoints: "10",
      groups: [
        { id: "out", name: "产出指标", category: "OUTPUT", points: "50", level2Ids: ["qty", "time"] },
        { id: "eff", name: "效益指标", category: "OUTCOME", points: "30", level2Ids: ["soc"] },
        { id: "sat", name: "满意度指标", category: "SATISFACTION", points: "10", level2Ids: ["svc"] },
      ],
    });
  });

  it("resolves names of both levels", () => {
    const names = frameworkNames(framework);
    expect(names.level1.get("eff")).toBe("效益指标");
    expect(names.level2.get("time")).toBe("时效指标");
  });
});

describe("moving, deleting and paging rows", () => {
  it("moves within bounds only", () => {
    expect(moveTarget(0, -1, 3)).toBeNull();
    expect(moveTarget(0, 1, 3)).toBe(1);
    expect(moveTarget(2, 1, 3)).toBeNull();
    expect(moveTarget(2, -1, 3)).toBe(1);
    expect(moveTarget(5, -1, 3)).toBeNull();
  });

  it("focuses the row that took the deleted one's place, or the new last row, or nothing", () => {
    expect(focusIndexAfterDelete(1, 3)).toBe(1);
    expect(focusIndexAfterDelete(2, 3)).toBe(1);
    expect(focusIndexAfterDelete(0, 1)).toBeNull();
  });

  it("paginates only above the threshold", () => {
    expect(isPaginated(PAGINATE_ABOVE)).toBe(false);
    expect(isPaginated(PAGINATE_ABOVE + 1)).toBe(true);
    expect(pageCount(PAGINATE_ABOVE)).toBe(1);
    expect(pageCount(PAGINATE_ABOVE + 1)).toBe(Math.ceil((PAGINATE_ABOVE + 1) / PAGE_SIZE));
    expect(pageOfIndex(999, 1000)).toBe(0);
    expect(pageOfIndex(PAGE_SIZE, 5000)).toBe(1);
    expect(pageOfIndex(PAGE_SIZE - 1, 5000)).toBe(0);
  });

  it("clamps the page range to the existing pages", () => {
    expect(pageRange(3, 500)).toEqual({ page: 0, start: 0, end: 500 });
    expect(pageRange(0, 1001)).toEqual({ page: 0, start: 0, end: PAGE_SIZE });
    expect(pageRange(99, 1001)).toEqual({ page: 5, start: 1000, end: 1001 });
    expect(pageRange(-1, 1001).page).toBe(0);
  });
});

describe("splitFieldErrors", () => {
  it("maps row field paths onto inputs and everything else to table-level messages", () => {
    const split = splitFieldErrors(
      [
        { path: "rows", message: "“产出指标”各指标分值之和为40，应为50" },
        { path: "rows.3.weight", message: "请填写分值" },
        { path: "rows.1.unit", message: "定量指标请填写计量单位" },
        { path: "rows.1.level1Id", message: "一级指标不属于本项目的指标体系" },
        { path: "", message: "填写的内容有误" },
        { path: "rows.2", message: "整行有误" },
        { path: "rows.2.somethingElse", message: "未知字段" },
        { path: "rows.40.name", message: "超出行数" },
        { path: "rows", message: "“产出指标”各指标分值之和为40，应为50" },
      ],
      10,
    );
    expect(split.fields.map((f) => f.path)).toEqual(["rows.1.level1Id", "rows.1.unit", "rows.3.weight"]);
    expect(split.fields[0]).toEqual({ path: "rows.1.level1Id", index: 1, field: "level1Id", message: "一级指标不属于本项目的指标体系" });
    expect(split.table).toEqual(["“产出指标”各指标分值之和为40，应为50", "填写的内容有误", "第3行：整行有误", "第3行：未知字段", "超出行数"]);
  });

  it("accepts a missing list", () => {
    expect(splitFieldErrors(undefined, 3)).toEqual({ fields: [], table: [] });
  });
});

describe("react-hook-form error helpers", () => {
  const errors = {
    rows: {
      root: { type: "custom", message: "A组分值不对", types: { custom: ["A组分值不对", "B组分值不对"] } },
      2: { unit: { type: "custom", message: "定量指标请填写计量单位" }, name: { type: "too_small", message: "请填写三级指标" } },
      0: { weight: { type: "custom", message: "请填写分值" } },
    },
  } as unknown as FieldErrors<EditorFormValues>;

  it("reads a row's messages by field", () => {
    const rowErrors = (errors.rows as unknown as Record<string, unknown>)[2];
    expect(rowErrorMessages(rowErrors)).toEqual({ unit: "定量指标请填写计量单位", name: "请填写三级指标" });
    expect(rowErrorMessages(undefined)).toBeUndefined();
    expect(rowErrorMessages({})).toBeUndefined();
    expect(firstErrorField(rowErrorMessages(rowErrors))).toBe("name");
  });

  it("compares row messages by value", () => {
    expect(sameRowErrors(undefined, undefined)).toBe(true);
    expect(sameRowErrors({ unit: "a" }, { unit: "a" })).toBe(true);
    expect(sameRowErrors({ unit: "a" }, { unit: "b" })).toBe(false);
    expect(sameRowErrors({ unit: "a" }, undefined)).toBe(false);
  });

  it("collects every table-level message, and the rows with errors in order", () => {
    expect(tableLevelMessages(errors)).toEqual(["A组分值不对", "B组分值不对"]);
    expect(rowsWithErrors(errors)).toEqual([0, 2]);
    expect(tableLevelMessages({})).toEqual([]);
    expect(tableLevelMessages({ rows: { type: "too_big", message: "指标行数过多" } } as unknown as FieldErrors<EditorFormValues>)).toEqual(["指标行数过多"]);
  });
});

describe("indicatorResolver", () => {
  const resolver = indicatorResolver(toFrameworkShape(framework));
  const options = (names?: string[]) => ({ names, fields: {}, criteriaMode: "all" as const, shouldUseNativeValidation: false });

  it("recognises a single-field validation", () => {
    expect(singleRowIndex(["rows.12.unit"])).toBe(12);
    expect(singleRowIndex(["rows.12.unit", "rows.1.name"])).toBeNull();
    expect(singleRowIndex(["rows"])).toBeNull();
    expect(singleRowIndex(undefined)).toBeNull();
  });

  it("on blur checks only the blurred row, at its index", async () => {
    const values = { rows: [row({ name: "" }), row({ unit: "", targetText: "≥100人次" }), row({ weight: "" })] };
    const result = await resolver(values, undefined, options(["rows.1.unit"]));
    const rows = result.errors.rows as unknown as Record<string, Record<string, { message: string }>>;
    expect(Object.keys(rows)).toEqual(["1"]);
    expect(rows[1]!.unit!.message).toBe("指标值说明“≥100人次”带有计量单位“人次”，请在计量单位中填写");
  });

  it("on blur of a valid row reports nothing", async () => {
    const values = { rows: [row({ name: "" }), row()] };
    const result = await resolver(values, undefined, options(["rows.1.name"]));
    expect(result.errors).toEqual({});
  });

  it("applies the schema's row rules that need the row's score (deviation reason)", async () => {
    const values = { rows: [row(), row({ actualValue: "80" })] };
    const result = await resolver(values, undefined, options(["rows.1.actualValue"]));
    const rows = result.errors.rows as unknown as Record<string, Record<string, { message: string }>>;
    expect(rows[1]!.deviationReason!.message).toBe("未达到指标值，请填写偏差原因分析及改进措施");
  });

  it("checks the whole table otherwise (weights adding up)", async () => {
    const values = { rows: [row({ level1Id: "out", weight: "40" }), row({ level1Id: "out", weight: "5" })] };
    const result = await resolver(values, undefined, options(["rows.0.name", "rows.0.weight", "rows.1.name", "rows.1.weight"]));
    expect(tableLevelMessages(result.errors)).toEqual(["“产出指标”各指标分值之和为45，应为50"]);
  });

  it("returns parsed values when the whole table is valid", async () => {
    const values = { rows: [row({ weight: "50", targetValue: " 1,000 ", actualValue: "1000" })] };
    const result = await resolver(values, undefined, options(["rows.0.name", "rows.0.weight"]));
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({ rows: [{ targetValue: "1000", weight: "50" }] });
  });
});

describe("scoring", () => {
  it("normalises numbers like the schema does", () => {
    expect(normaliseNumber(" 1,234.5 ")).toBe("1234.5");
    expect(normaliseNumber(undefined)).toBe("");
  });

  it("builds the score input with row indexes as ids", () => {
    const input = buildScoreInput(toFrameworkShape(framework), { initial: "10", annual: "1,000", executed: "900" }, [row({ targetValue: "1,000", actualValue: "" })]);
    expect(input.budget.annual).toBe("1000");
    expect(input.indicators).toEqual([
      { id: "0", name: "培训人次", groupId: "out", nature: "GTE", target: "1000", actual: null, weight: "10", manualScore: null, applicable: true, deviationReason: "" },
    ]);
    expect(input.groups.map((g) => g.id)).toEqual(["out", "eff", "sat"]);
  });

  it("scores the table with the budget", () => {
    const result = scoreTable(toFrameworkShape(framework), { initial: "100", annual: "100", executed: "90" }, [row({ weight: "50" })]);
    expect(result.budgetExecution.score).toBe("9.00");
    expect(result.groups[0]!.score).toBe("50.00");
  });

  it("computes a row's score and whether it needs a deviation reason", () => {
    const short = rowView(row({ actualValue: "90" }));
    expect(short).toMatchObject({ score: "9.00", incomplete: false, reasonRequired: true, reasonMissing: true, applicable: true, nature: "GTE", level1Id: "out" });
    expect(rowView(row({ actualValue: "90", deviationReason: "资金到位晚" }))).toMatchObject({ reasonRequired: true, reasonMissing: false });
    expect(rowView(row())).toMatchObject({ score: "10.00", reasonRequired: false });
  });

  it("leaves the score blank while the row is incomplete or not applicable", () => {
    expect(rowView(row({ actualValue: "" }))).toMatchObject({ score: null, incomplete: true, reasonRequired: false });
    expect(rowView(row({ weight: "" }))).toMatchObject({ score: null, incomplete: true, reasonRequired: false });
    expect(rowView(row({ applicable: false, actualValue: "10" }))).toMatchObject({ score: null, applicable: false, reasonRequired: false });
  });

  it("handles qualitative rows (manual score) and reverse indicators", () => {
    expect(rowView(row({ nature: "QUALITATIVE", manualScore: "6" }))).toMatchObject({ score: null, nature: "QUALITATIVE", reasonRequired: true, reasonMissing: true });
    expect(rowView(row({ nature: "QUALITATIVE", manualScore: "" }))).toMatchObject({ reasonRequired: false });
    expect(rowView(row({ nature: "LTE", targetValue: "5", actualValue: "10" }))).toMatchObject({ score: "5.00", reasonRequired: true });
  });

  it("scores rows in a batch exactly as one by one", () => {
    const rows = [
      row({ actualValue: "90" }),
      row({ nature: "LTE", targetValue: "5", actualValue: "10", deviationReason: "x" }),
      row({ nature: "QUALITATIVE", manualScore: "6", weight: "8" }),
      row({ applicable: false }),
      row({ weight: "" }),
      row({ targetValue: "0", actualValue: "3", weight: "7" }),
    ];
    const single = rows.map((r) => computeRowViews([r])[0]);
    expect(computeRowViews(rows)).toEqual(single);
    const fresh = rows.map((r) => ({ ...r, targetValue: "123457" }));
    primeRowViews(fresh);
    expect(fresh.map((r) => rowView({ ...r, name: "其他名称", id: "x" }))).toEqual(fresh.map((r) => computeRowViews([r])[0]));
    expect(rowView(rows[0])).toBe(rowView({ ...rows[0]! }));
  });

  it("accepts thousands separators while typing", () => {
    expect(rowView(row({ targetValue: "1,000", actualValue: "500" })).score).toBe("5.00");
  });
});

describe("指标库", () => {
  const entries = flattenLibrary(framework);

  it("flattens the library in framework order with its levels", () => {
    expect(entries.map((e) => [e.item.id, e.level1Id, e.level2Id, e.level2Name])).toEqual([
      ["lib1", "out", "qty", "数量指标"],
      ["lib2", "out", "qty", "数量指标"],
      ["lib3", "out", "time", "时效指标"],
    ]);
  });

  it("filters by every word and optionally by 二级指标", () => {
    expect(filterLibrary(entries, "").length).toBe(3);
    expect(filterLibrary(entries, "培训").map((e) => e.item.id)).toEqual(["lib1"]);
    expect(filterLibrary(entries, "时效 完成").map((e) => e.item.id)).toEqual(["lib3"]);
    expect(filterLibrary(entries, "人数").map((e) => e.item.id)).toEqual(["lib1"]);
    expect(filterLibrary(entries, "", "time").map((e) => e.item.id)).toEqual(["lib3"]);
    expect(filterLibrary(entries, "培训", "time")).toEqual([]);
  });

  it("prefills a row from an item", () => {
    expect(rowFromLibraryItem("out", "qty", entries[0]!.item)).toEqual({
      ...emptyIndicatorRow("out", "qty"),
      name: "培训人次",
      nature: "GTE",
      unit: "人次",
      targetText: "≥200人次",
    });
    expect(rowFromLibraryItem("out", "time", entries[2]!.item)).toMatchObject({ nature: "QUALITATIVE", unit: "", targetText: "按规定时间完成" });
    expect(rowFromLibraryItem("out", "qty", entries[1]!.item)).toMatchObject({ unit: "份", targetText: "" });
  });
});

describe("read-only views", () => {
  const rows = [
    { ...row({ id: "a", actualValue: "90", deviationReason: "资金到位晚" }) },
    row({ nature: "QUALITATIVE", level2Id: "time", name: "按时完成", targetText: "按规定时间完成", actualText: "已完成", manualScore: "8", unit: "%" }),
    row({ applicable: false, level1Id: "sat", level2Id: "svc", name: "满意度", targetText: "问卷", actualValue: "" }),
  ];

  it("maps rows to display strings with computed scores", () => {
    expect(toIndicatorTableRows(framework, rows)).toEqual([
      { id: "a", level1: "产出指标", level2: "数量指标", name: "培训人次", nature: "GTE", target: "100", unit: "人次", actual: "90", weight: "10", score: "9.00", deviationReason: "资金到位晚" },
      { id: "new-1", level1: "产出指标", level2: "时效指标", name: "按时完成", nature: "QUALITATIVE", target: "按规定时间完成", unit: "", actual: "已完成", weight: "10", score: "8.00", deviationReason: "" },
      { id: "new-2", level1: "满意度指标", level2: "服务对象满意度", name: "满意度", nature: "GTE", target: "100（问卷）", unit: "人次", actual: "", weight: "10", score: "不适用", deviationReason: "" },
    ]);
  });

  it("leaves the score blank while a row is incomplete", () => {
    const [a, b, c] = toIndicatorTableRows(framework, [row({ weight: "" }), row({ actualValue: "" }), row({ nature: "QUALITATIVE", manualScore: "", weight: "5" })]);
    expect([a!.score, b!.score, c!.score]).toEqual(["", "", ""]);
  });

  it("exports the table as tab-separated text", () => {
    const tsv = rowsToTsv(framework, [row({ name: "多行\n名称\t含制表符", actualValue: "90" }), rows[1]!]);
    const lines = tsv.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("序号\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t计量单位\t实际完成值\t分值\t得分\t适用\t偏差原因分析及改进措施");
    expect(lines[1]).toBe("1\t产出指标\t数量指标\t多行 名称 含制表符\t≥\t100\t人次\t90\t10\t9.00\t是\t");
    expect(lines[2]).toBe("2\t产出指标\t时效指标\t按时完成\t定性\t按规定时间完成\t\t已完成\t10\t8\t是\t");
  });
});

describe("row snapshots", () => {
  it("copies and compares rows by value", () => {
    const a = [row(), row({ name: "x" })];
    const b = cloneRows(a);
    expect(b).not.toBe(a);
    expect(b[0]).not.toBe(a[0]);
    expect(sameRows(a, b)).toBe(true);
    b[1]!.name = "y";
    expect(sameRows(a, b)).toBe(false);
    expect(sameRows(a, a.slice(1))).toBe(false);
    expect(sameRows([row()], [{ ...row(), id: "x" }])).toBe(false);
  });
});
