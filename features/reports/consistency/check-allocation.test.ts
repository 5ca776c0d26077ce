/** checkNarrative (continued from check.test.ts): allocation, percentages, severity, excerpts, a clean report and the seed's reports. */
import { Decimal } from "@/lib/money";
import { describe, expect, it } from "vitest";
import { guangyuan2020 } from "@/prisma/seed/guangyuan-2020";
import { DEFAULT_SEVERITY, checkNarrative, sectionLabel } from "./check";
import type { NarrativeSection, ProjectFigures } from "./types";
import { extractAmounts } from "@/lib/narrative-figures";
import { figuresOf, project18, one, brief } from "./check.fixtures";

describe("checkNarrative: allocation", () => {
  const allocationKey = "1.1.4";
  const allocationHeading = "4、资金分配原则及考虑因素";
  const alloc = (body: string, p: ProjectFigures = project18) => one(body, p, allocationKey, allocationHeading);

  it("accepts the seed-style breakdown (items by name containment, 共计 = sum = allocation total)", () => {
    expect(
      alloc(
        "特制定了具体的分配标准：全市工作部署、工作推进、工作总结会务费3万元，培训费2万元，文件资料费8.3万元，调研差旅费4.7万元，共计18万元。",
      ),
    ).toEqual([]);
  });

  it("reports an item that differs from the project's allocation", () => {
    const f = alloc("全市工作部署、工作总结会务费4万元，培训费2万元，文件资料费8.3万元，差旅费3.7万元，共计18万元。");
    expect(brief(f)).toEqual([
      { code: "ALLOCATION_ITEM_MISMATCH", stated: "4万元", expected: "3.00万元（资金分配：会务费）" },
      { code: "ALLOCATION_ITEM_MISMATCH", stated: "3.7万元", expected: "4.70万元（资金分配：差旅费）" },
    ]);
    expect(f[0]!.message).toBe("“4、资金分配原则及考虑因素”写明会务费4万元，与项目资金分配中会务费3.00万元不一致");
  });

  it("compares allocation sentences (X万元用于…) with the allocation table", () => {
    expect(alloc("其中3万元用于召开全市工作会议的会务费，2万元用于业务培训费，8.3万元用于印制文件资料费，4.7万元主要用于调研差旅费。")).toEqual([]);
    const f = alloc("其中29.99万元用于会务费，2万元用于培训。");
    expect(brief(f)).toEqual([{ code: "ALLOCATION_ITEM_MISMATCH", stated: "29.99万元", expected: "3.00万元（资金分配：会务费）" }]);
    expect(f[0]!.message).toBe("“4、资金分配原则及考虑因素”写明29.99万元用于会务费，与项目资金分配中会务费3.00万元不一致");
    // A purpose that is no item of the table, or a purpose followed by its own amounts, is not compared.
    expect(alloc("其中5万元用于其他事项。")).toEqual([]);
    expect(alloc("预算18万元用于会务费3万元和培训费2万元等。")).toEqual([]);
  });

  it("matches a shorter fee word inside the item's name (资料费 → 文件资料费)", () => {
    expect(brief(alloc("资料费8万元"))).toEqual([
      { code: "ALLOCATION_ITEM_MISMATCH", stated: "8万元", expected: "8.30万元（资金分配：文件资料费）" },
    ]);
    expect(alloc("资料费8.3万元")).toEqual([]);
  });

  it("an item with a budget keyword is still the item (培训费预算2万元)", () => {
    expect(alloc("培训费预算2万元")).toEqual([]);
  });

  it("reports a listed sum that differs from 共计, and a 共计 that differs from the allocation total", () => {
    const f = alloc("会务费3万元，培训费2万元，文件资料费8.3万元，差旅费4.7万元，共计19万元。");
    expect(brief(f)).toEqual([
      { code: "ALLOCATION_SUM_MISMATCH", stated: "19万元", expected: "18.00万元（所列各项之和）" },
      { code: "AMOUNT_MISMATCH", stated: "19万元", expected: "18.00万元（资金分配合计）" },
    ]);
    expect(f.map((x) => x.message)).toEqual([
      "“4、资金分配原则及考虑因素”所列各项金额之和为18.00万元，与文中“共计19万元”不一致",
      "“4、资金分配原则及考虑因素”写明资金分配共计19万元，与项目资金分配合计18.00万元不一致",
    ]);
  });

  it("a wrong item makes the listed sum disagree with a correct 共计", () => {
    expect(brief(alloc("会务费3万元，培训费2万元，文件资料费8.3万元，差旅费5.7万元，合计18万元。"))).toEqual([
      { code: "ALLOCATION_ITEM_MISMATCH", stated: "5.7万元", expected: "4.70万元（资金分配：差旅费）" },
      { code: "ALLOCATION_SUM_MISMATCH", stated: "18万元", expected: "19.00万元（所列各项之和）" },
    ]);
  });

  it("items unknown to the project count in the listed sum but are not compared on their own", () => {
    expect(alloc("外出考察2万元，印刷费1万元，共计3万元。", { ...project18, allocations: [] })).toEqual([]);
    expect(brief(alloc("外出考察2万元，印刷费1万元，共计4万元。", { ...project18, allocations: [] }))).toEqual([
      { code: "ALLOCATION_SUM_MISMATCH", stated: "4万元", expected: "3.00万元（所列各项之和）" },
    ]);
  });

  it("listings may use ；, and a listing ends with its sentence", () => {
    expect(alloc("外出考察调研2万元；会务费3万元，培训费2万元，共计7万元。", { ...project18, allocations: [] })).toEqual([]);
    // 共计 in the next sentence has no listing: it falls back to keywords (none here) and is ignored.
    expect(alloc("会务费3万元，培训费2万元。共计9万元。")).toEqual([]);
  });

  it("共 over several items without a listing is not an item (会务费、培训费共5万元)", () => {
    expect(alloc("会务费、培训费共5万元")).toEqual([]);
  });

  it("预算共计 without a listing is a budget statement", () => {
    expect(brief(alloc("项目预算共计9万元"))).toEqual([
      { code: "AMOUNT_MISMATCH", stated: "9万元", expected: "18.00万元（全年预算数）" },
    ]);
  });

  it("an item named ambiguously (two items with the same name) is not compared", () => {
    const p = {
      ...project18,
      allocations: [
        { item: "会务费", amount: "1" },
        { item: "会务费", amount: "2" },
      ],
    };
    expect(alloc("会务费5万元", p)).toEqual([]);
  });

  it("no sum check when a listed amount is approximate", () => {
    expect(alloc("会务费约3万元，培训费2万元，共计9万元。", { ...project18, allocations: [] })).toEqual([]);
  });
});

describe("checkNarrative: percentages", () => {
  it("checks the execution rate (完成预算的 / 执行率) against the computed rate", () => {
    expect(one("完成预算的100%，预算执行率100.00%")).toEqual([]);
    const f = one("执行率99%");
    expect(brief(f)).toEqual([{ code: "PERCENT_MISMATCH", stated: "99%", expected: "100.00%（预算执行率）" }]);
    expect(f[0]!.message).toBe("“2.资金到位”写明预算执行率99%，与项目预算执行率100.00%不一致");
  });

  it("allows the text's rounding: 99.1 matches 99.098… and 99.10", () => {
    const p = { ...project18, budget: "73.17", executed: "72.51" }; // 99.0980…%
    expect(one("完成预算99.1%", p)).toEqual([]);
    expect(one("执行率99.10%", p)).toEqual([]);
    expect(one("执行率99%", p)).toEqual([]);
    expect(brief(one("执行率99.09%", p))).toEqual([
      { code: "PERCENT_MISMATCH", stated: "99.09%", expected: "99.10%（预算执行率）" },
    ]);
    expect(one("执行率99.1%", { ...project18, budget: "0", executed: "0", executionRate: "99.10" })).toEqual([]);
  });

  it("does not check shares or other percentages", () => {
    expect(one("占预算的50%，精简整合比例达67%，满意度95%，比上年执行率增长5%")).toEqual([]);
    expect(one("完成预算绩效目标的90%，执行率考核指标权重10%")).toEqual([]);
  });
});

describe("severity", () => {
  it("defaults to warning for every code", () => {
    expect(Object.values(DEFAULT_SEVERITY).every((s) => s === "warning")).toBe(true);
  });

  it("is a parameter per code", () => {
    const f = checkNarrative(
      project18,
      [{ key: "2.2.2", heading: "2．资金到位。", body: "经费预算9万元，执行率90%" }],
      { severity: { AMOUNT_MISMATCH: "blocking" } },
    );
    expect(f.map((x) => [x.code, x.severity])).toEqual([
      ["AMOUNT_MISMATCH", "blocking"],
      ["PERCENT_MISMATCH", "warning"],
    ]);
  });
});

describe("excerpt and section label", () => {
  it("trims a long sentence to about 60 characters around the figure", () => {
    const body =
      "为了进一步加强预算绩效运行监控管理，提高财政资金管理使用绩效，根据项目支出绩效评价管理办法的有关规定和要求，该项目经费预算9万元，" +
      "切实压实项目绩效管理主体责任，运用科学合理的绩效评价指标、评价标准和方法开展了绩效评价。";
    const [f] = one(body);
    expect(f!.excerpt).toContain("经费预算9万元");
    expect(f!.excerpt.startsWith("…")).toBe(true);
    expect(f!.excerpt.endsWith("…")).toBe(true);
    expect(f!.excerpt.length).toBeLessThanOrEqual(62);
  });

  it("names the section by its ancestors' numbering and its own cleaned heading", () => {
    const [r1, , r3, r4] = guangyuan2020.selfEvaluationReports;
    const label = (r: typeof r1, key: string) => {
      const s = r!.sections as NarrativeSection[];
      return sectionLabel(s.find((x) => x.key === key)!, s);
    };
    expect(label(r1, "2.2.2")).toBe("二、（二）2.资金到位");
    expect(label(r1, "5.3")).toBe("五、（三）相关措施建议");
    expect(label(r1, "3.2")).toBe("三、（二）项目管理情况");
    expect(label(r3, "1.1.4")).toBe("一、（一）资金分配原则及考虑因素");
    expect(label(r3, "2.2.1")).toBe("二、（二）1、资金计划");
    expect(label(r4, "1.1.2")).toBe("一、（一）2.项目立项、资金申报的依据");
    expect(sectionLabel({ key: "x", heading: "", body: "" }, [])).toBe("第x节");
  });
});

describe("a clean synthetic report", () => {
  it("gives no findings", () => {
    const p: ProjectFigures = {
      name: "示例项目",
      budget: "25.5",
      initialBudget: "20",
      executed: "25.3",
      fiscalBudget: "25.5",
      otherBudget: "0",
      allocations: [
        { item: "会议费", amount: "5" },
        { item: "印刷费", amount: "10.5" },
        { item: "委托业务费", amount: "10" },
      ],
      executionRate: "99.22",
    };
    const sections: NarrativeSection[] = [
      { key: "1", heading: "一、项目概况", body: "" },
      { key: "1.1", heading: "（一）项目基本情况", body: "" },
      {
        key: "1.1.4",
        heading: "4、资金分配原则及考虑因素",
        body: "按照工作任务分配：会议费5万元，印刷费10.5万元，委托业务费10万元，共计25.5万元。",
      },
      { key: "2", heading: "二、项目资金申报及使用情况", body: "" },
      { key: "2.2", heading: "（二）资金计划、到位及使用情况", body: "" },
      {
        key: "2.2.2",
        heading: "2．资金到位。",
        body: "2021年项目年初预算20万元，年中追加5.5万元，全年预算25.5万元，其中财政拨款25.5万元，于2021年6月全部到位。",
      },
      {
        key: "2.2.3",
        heading: "3．资金使用。",
        body: "截至2021年12月31日，项目支出25.3万元，预算执行率99.22%，结余0.2万元按规定收回。",
      },
      {
        key: "4.1",
        heading: "（一）项目完成情况",
        body: "举办培训班2期，共计300余人次参加，印制资料1200册，完成预算的99.2%，满意度达95%以上。",
      },
    ];
    expect(checkNarrative(p, sections)).toEqual([]);
  });
});

// ------------------------------------------------------------------ the seed

describe("seed (guangyuan 2020) self-evaluation reports", () => {
  const reports = guangyuan2020.selfEvaluationReports;
  const projectOf = (index: number) => guangyuan2020.projects.find((p) => p.index === index)!;
  const run = (index: number) => {
    const report = reports.find((r) => r.projectIndex === index)!;
    return checkNarrative(figuresOf(projectOf(index)), report.sections);
  };

  it("report 1 (综合行政执法) reports the 9万元 vs 18万元 budget in both places, and nothing else", () => {
    expect(run(1)).toEqual([
      {
        severity: "warning",
        code: "AMOUNT_MISMATCH",
        sectionKey: "2.2.2",
        heading: "2．资金到位。",
        excerpt: "2020年行政综合执法改革工作经费预算9万元，于年初市财政局预算批复时全部到位。",
        stated: "9万元",
        expected: "18.00万元（全年预算数）",
        message: "“二、（二）2.资金到位”写明预算9万元，与项目全年预算数18.00万元不一致",
      },
      {
        severity: "warning",
        code: "AMOUNT_MISMATCH",
        sectionKey: "2.2.3",
        heading: "3．资金使用。",
        excerpt: "该项目资金年初预算9万元，于2020年全部执行完毕，主要用于保障项目实施所需的支出。",
        stated: "9万元",
        expected: "18.00万元（全年预算数）",
        message:
          "“二、（二）3.资金使用”写明年初预算9万元，与项目全年预算数18.00万元不一致（项目未填年初预算数，按全年预算数核对）",
      },
    ]);
    // …which is the fixture's known discrepancy.
    expect(guangyuan2020.knownDiscrepancies.map((d) => d.id)).toContain("report1-budget-9-vs-18");
  });

  it.each([2, 3, 4, 5])("report %i: budget, usage and allocation statements agree with the project", (index) => {
    expect(run(index)).toEqual([]);
  });

  it("every seed report's figures are actually read (budget, 年初预算, items and 共计)", () => {
    // Per report: the amounts the checker classified, proven by perturbing them one at a time.
    for (const report of reports) {
      const project = figuresOf(projectOf(report.projectIndex));
      for (const key of ["1.1.4", "2.2.2", "2.2.3"]) {
        const section = report.sections.find((s) => s.key === key)!;
        const amounts = extractAmounts(section.body);
        expect(amounts.length).toBeGreaterThan(0);
        for (const a of amounts) {
          const body = `${section.body.slice(0, a.start)}${a.number}1${section.body.slice(a.start + a.number.length)}`;
          const f = checkNarrative(project, [{ ...section, body }]);
          expect(f.length, `${report.projectIndex} ${key} ${a.raw}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("every finding's message is Chinese and names the section heading", () => {
    // Perturbed figures, so that every kind of amount in the seed texts disagrees.
    const all = reports.flatMap((r) => {
      const p = figuresOf(projectOf(r.projectIndex));
      const wrong = { ...p, budget: "99", executed: "98", allocations: p.allocations.map((a) => ({ ...a, amount: "0.01" })) };
      return checkNarrative(wrong, r.sections);
    });
    expect(new Set(all.map((f) => f.code))).toEqual(new Set(["AMOUNT_MISMATCH", "ALLOCATION_ITEM_MISMATCH"]));
    expect(all.length).toBeGreaterThan(30);
    for (const f of all) {
      expect(f.message).toMatch(/^“[^”]+”[\u4e00-\u9fff]/);
      expect(f.message).toMatch(/不一致/);
      const core = f.heading
        .replace(/^[\s\u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）、?|\d+[．.、]+)[\s\u3000]*/, "")
        .replace(/[。．.]+$/, "");
      expect(core.length).toBeGreaterThan(1);
      expect(f.message).toContain(core);
    }
  });

  it("the statements of the 项目绩效目标完成情况综述 agree too (预算数, 执行数, 完成预算的100%)", () => {
    const { summaries } = guangyuan2020.finalAccounts.otherMatters.performanceManagement.projectGoals;
    for (const s of summaries) {
      const project = figuresOf(projectOf(s.projectIndex));
      const section = { key: `summary-${s.number}`, heading: s.title, body: s.body };
      expect(checkNarrative(project, [section])).toEqual([]);
      const wrongRate = { ...section, body: s.body.replace("完成预算的100%", "完成预算的90%") };
      expect(brief(checkNarrative(project, [wrongRate]))).toEqual([
        { code: "PERCENT_MISMATCH", stated: "90%", expected: "100.00%（预算执行率）" },
      ]);
      const wrongExecuted = { ...section, body: s.body.replace(/执行数为[\d.]+万元/, "执行数为1万元") };
      expect(brief(checkNarrative(project, [wrongExecuted]))).toEqual([
        { code: "AMOUNT_MISMATCH", stated: "1万元", expected: `${new Decimal(project.executed).toFixed(2)}万元（全年执行数）` },
      ]);
    }
  });
});
