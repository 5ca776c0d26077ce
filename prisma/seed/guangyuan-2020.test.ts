import { describe, it, expect } from "vitest";
import { guangyuan2020 as f } from "./guangyuan-2020";
import type { PercentText, PriorYearComparison, SelfEvaluationSectionKey, WanYuan } from "./fixture-types";

// ---------------------------------------------------------------- exact decimal helpers

/**
 * Parse a 万元 amount string into integer 元 by string manipulation (1万元 = 10000元),
 * e.g. "14.65" → 146500. Never uses floating point.
 */
function yuan(s: WanYuan): number {
  const m = /^(\d+)(?:\.(\d{1,4}))?$/.exec(s);
  if (!m) throw new Error(`not a 万元 amount: ${JSON.stringify(s)}`);
  return Number(m[1]) * 10000 + Number((m[2] ?? "").padEnd(4, "0"));
}

function sumYuan(values: WanYuan[]): number {
  return values.reduce((acc, v) => acc + yuan(v), 0);
}

/**
 * True when `part / whole × 100`, rounded half-up to the number of decimals printed in `pct`,
 * equals `pct`. Integer-only (BigInt) arithmetic.
 */
function roundsTo(part: number, whole: number, pct: PercentText): boolean {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(pct);
  if (!m) throw new Error(`not a percentage: ${pct}`);
  const decimals = (m[2] ?? "").length;
  const printed = BigInt((m[1] ?? "") + (m[2] ?? ""));
  const scale = 10n ** BigInt(decimals);
  const lhs = 2n * BigInt(part) * 100n * scale;
  const w = BigInt(whole);
  return (2n * printed - 1n) * w <= lhs && lhs < (2n * printed + 1n) * w;
}

/** A decrease of `change` to `current` implies prior = current + change; check the printed %. */
function comparisonConsistent(current: WanYuan, c: PriorYearComparison): boolean {
  const prior = c.direction === "decrease" ? yuan(current) + yuan(c.changeAmount) : yuan(current) - yuan(c.changeAmount);
  return roundsTo(yuan(c.changeAmount), prior, c.changePercent);
}

const discrepancyIds = new Set(f.knownDiscrepancies.map((d) => d.id));

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`index ${i} out of range`);
  return x;
}

const fa = f.finalAccounts;
const SECTION_KEYS: SelfEvaluationSectionKey[] = [
  "1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.3",
  "2", "2.1", "2.2", "2.2.1", "2.2.2", "2.2.3", "2.3",
  "3", "3.1", "3.2", "3.3",
  "4", "4.1", "4.2",
  "5", "5.1", "5.2", "5.3",
];

// ---------------------------------------------------------------- tests

describe("helpers", () => {
  it("parses 万元 strings into integer 元", () => {
    expect(yuan("14.65")).toBe(146500);
    expect(yuan("18")).toBe(180000);
    expect(yuan("0")).toBe(0);
    expect(yuan("426.81")).toBe(4268100);
    expect(() => yuan("1.2.3")).toThrow();
  });
  it("checks rounded percentages with integers", () => {
    expect(roundsTo(yuan("356.82"), yuan("421.84"), "84.59")).toBe(true);
    expect(roundsTo(yuan("356.82"), yuan("421.84"), "84.58")).toBe(false);
    expect(roundsTo(1, 1, "100")).toBe(true);
  });
});

describe("counts", () => {
  it("department, profile and glossary", () => {
    expect(f.fiscalYear).toBe(2020);
    expect(f.department.subUnits).toHaveLength(2);
    expect(f.department.secondLevelBudgetUnits).toHaveLength(0);
    expect(f.profile.duties).toHaveLength(9);
    expect(f.profile.keyWork.map((k) => k.number)).toEqual([1, 2, 3, 4]);
    expect(f.glossary).toHaveLength(13);
    expect(f.glossary.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it("projects and indicator rows", () => {
    expect(f.projects.map((p) => p.index)).toEqual([1, 2, 3, 4, 5]);
    expect(f.projects.map((p) => p.name)).toEqual([
      "全市综合执法改革",
      "全市事业单位改革",
      "全市教职工编制调整工作",
      "行政权力和责任清单动态调整",
      "全市机构编制统计工作",
    ]);
    expect(f.projects.map((p) => p.indicators.length)).toEqual([6, 4, 4, 4, 4]);
    expect(f.projects.every((p) => p.budgetUnit === "市委编办")).toBe(true);
    expect(f.finalAccounts.otherMatters.performanceManagement.evaluatedProjectCount).toBe(f.projects.length);
  });

  it("reports and summaries", () => {
    expect(f.selfEvaluationReports.map((r) => r.projectIndex)).toEqual([1, 2, 3, 4, 5]);
    for (const r of f.selfEvaluationReports) {
      expect(r.sections.map((s) => s.key)).toEqual(SECTION_KEYS);
      expect(r.title).toBe(r.titleLines.join(""));
    }
    expect(f.overallReport.sections.map((s) => s.key)).toEqual([
      "1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "4.1", "4.2", "4.3",
    ]);
    const summaries = fa.otherMatters.performanceManagement.projectGoals.summaries;
    expect(summaries.map((s) => s.projectIndex)).toEqual([1, 2, 3, 4, 5]);
  });

  it("discrepancy ids are unique", () => {
    expect(discrepancyIds.size).toBe(f.knownDiscrepancies.length);
  });
});

describe("staffing (附件1 人员概况)", () => {
  const s = f.department.staffing;
  it("breakdowns add up", () => {
    expect(s.establishment.total).toBe(27);
    expect(s.establishment.breakdown.map((b) => b.count)).toEqual([15, 10, 2]);
    expect(s.establishment.breakdown.reduce((a, b) => a + b.count, 0)).toBe(s.establishment.total);
    expect(s.inService.total).toBe(24);
    expect(s.inService.breakdown.map((b) => b.count)).toEqual([14, 8, 2]);
    expect(s.inService.breakdown.reduce((a, b) => a + b.count, 0)).toBe(s.inService.total);
    expect(s.retired.count).toBe(1);
  });
});

describe("number formats", () => {
  const moneyKeys = new Set([
    "amount", "total", "budget", "executed", "fiscalBudget", "fiscalExecuted", "otherBudget", "otherExecuted",
    "changeAmount", "goods", "works", "services", "smeContractAmount",
  ]);
  const percentKeys = new Set(["share", "completionRate", "changePercent", "smeShare", "shareOfTotalExpenditure"]);
  it("every money string and percentage is a plain printed decimal", () => {
    let money = 0;
    let pct = 0;
    const walk = (v: unknown, key: string): void => {
      if (typeof v === "string") {
        if (moneyKeys.has(key)) {
          money++;
          expect(v, key).toMatch(/^\d+(\.\d{1,2})?$/);
        }
        if (percentKeys.has(key)) {
          pct++;
          expect(v, key).toMatch(/^\d+(\.\d{1,2})?$/);
        }
      } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(f, "");
    expect(money).toBeGreaterThan(80);
    expect(pct).toBeGreaterThan(25);
  });
});

describe("final accounts: arithmetic where the seed agrees with itself", () => {
  it("本年支出合计 = 基本支出 + 项目支出, shares round correctly", () => {
    const [basic, project] = [at(fa.expenditure.byKind, 0), at(fa.expenditure.byKind, 1)];
    expect(basic.kind).toBe("basic");
    expect(project.kind).toBe("project");
    expect(yuan(basic.amount) + yuan(project.amount)).toBe(yuan(fa.expenditure.total));
    for (const k of fa.expenditure.byKind) {
      expect(roundsTo(yuan(k.amount), yuan(fa.expenditure.total), k.share ?? "")).toBe(true);
    }
  });

  it("本年收入合计 = sum of sources; 财政拨款收支总计 equals it (no appropriation carry-over)", () => {
    expect(sumYuan(fa.income.bySource.map((s) => s.amount))).toBe(yuan(fa.income.total));
    expect(fa.fiscalAppropriation.total).toBe(fa.income.total);
  });

  it("prior-year changes match their printed percentages", () => {
    expect(comparisonConsistent(fa.overview.total, fa.overview.comparison)).toBe(true);
    expect(comparisonConsistent(fa.fiscalAppropriation.total, fa.fiscalAppropriation.comparison)).toBe(true);
    expect(comparisonConsistent(fa.generalBudget.overall.total, fa.generalBudget.overall.comparison)).toBe(true);
    const op = fa.otherMatters.operatingExpenses;
    expect(comparisonConsistent(op.amount, op.comparison)).toBe(true);
    const v = fa.threePublicExpenses.detail.vehicles;
    const r = fa.threePublicExpenses.detail.reception;
    expect(comparisonConsistent(v.amount, v.comparison ?? fail("vehicles comparison"))).toBe(true);
    expect(comparisonConsistent(r.amount, r.comparison ?? fail("reception comparison"))).toBe(true);
  });

  it("class shares round correctly against the printed total 421.84 and add up to 100", () => {
    const s = fa.generalBudget.structure;
    for (const c of s.byClass) expect(roundsTo(yuan(c.amount), yuan(s.total), c.share), c.name).toBe(true);
    expect(s.byClass.reduce((a, c) => a + Number(c.share.replace(".", "")), 0)).toBe(10000);
  });

  it("item-level detail adds up to each class amount", () => {
    const d = fa.generalBudget.detail;
    for (const c of fa.generalBudget.structure.byClass) {
      const items = d.items.filter((i) => i.code.startsWith(c.classCode));
      expect(items.length, c.classCode).toBeGreaterThan(0);
      expect(sumYuan(items.map((i) => i.amount)), c.classCode).toBe(yuan(c.amount));
    }
    expect(d.items.map((i) => i.code)).toEqual(["2011001", "2011002", "2080505", "2101101", "2210201"]);
    expect(d.items.every((i) => /^\d{7}$/.test(i.code))).toBe(true);
  });

  it("一般行政管理事务 equals 项目支出", () => {
    const item = d2011002();
    expect(item.amount).toBe(at(fa.expenditure.byKind, 1).amount);
  });

  it("人员经费 + 日常公用经费 = 一般公共预算财政拨款基本支出 (349.33)", () => {
    const b = fa.basicExpenditure;
    expect(yuan(b.personnel.amount) + yuan(b.publicOperating.amount)).toBe(yuan(b.total));
    expect(b.personnel.items).toHaveLength(12);
    expect(b.publicOperating.items).toHaveLength(14);
  });

  it("机关运行经费 equals 日常公用经费", () => {
    expect(fa.otherMatters.operatingExpenses.amount).toBe(fa.basicExpenditure.publicOperating.amount);
  });

  it("“三公” parts add up, shares round correctly", () => {
    const t = fa.threePublicExpenses;
    const { outboundTravel, vehicles, reception } = t.detail;
    expect(yuan(outboundTravel.amount) + yuan(vehicles.amount) + yuan(reception.amount)).toBe(yuan(t.overall.total));
    expect(roundsTo(yuan(vehicles.amount), yuan(t.overall.total), vehicles.share ?? "")).toBe(true);
    expect(roundsTo(yuan(reception.amount), yuan(t.overall.total), reception.share ?? "")).toBe(true);
    expect(yuan(vehicles.purchase.amount) + yuan(vehicles.operation.amount)).toBe(yuan(vehicles.amount));
    expect(yuan(reception.domestic.amount) + yuan(reception.foreign.amount)).toBe(yuan(reception.amount));
    expect(reception.domestic.batches).toBe(3);
    expect(reception.domestic.personTimes).toBe(24);
    expect(vehicles.vehiclesHeld.count).toBe(1);
    expect(vehicles.vehiclesHeld.kinds).toEqual([{ kind: "其他用车", count: 1 }]);
    expect(fa.otherMatters.stateAssets.vehicles.total).toBe(vehicles.vehiclesHeld.count);
  });

  it("government procurement parts add up; SME share", () => {
    const p = fa.otherMatters.procurement;
    expect(yuan(p.goods) + yuan(p.works) + yuan(p.services)).toBe(yuan(p.total));
    expect(roundsTo(yuan(p.smeContractAmount), yuan(p.total), p.smeShare)).toBe(true);
  });

  it("zero sections", () => {
    expect(fa.governmentFund.amount).toBe("0");
    expect(fa.stateCapital.amount).toBe("0");
  });
});

describe("final accounts: the seed's own contradictions are listed", () => {
  it("类 amounts add up to 421.83, not the printed 421.84", () => {
    const s = fa.generalBudget.structure;
    expect(sumYuan(s.byClass.map((c) => c.amount))).toBe(yuan("421.83"));
    expect(yuan(s.total)).toBe(yuan("421.84"));
    expect(sumYuan(fa.generalBudget.detail.items.map((i) => i.amount))).not.toBe(yuan(fa.generalBudget.detail.total));
    expect(discrepancyIds.has("general-budget-class-sum")).toBe(true);
  });

  it("基本支出 349.34 vs 一般公共预算财政拨款基本支出 349.33", () => {
    expect(at(fa.expenditure.byKind, 0).amount).toBe("349.34");
    expect(fa.basicExpenditure.total).toBe("349.33");
    const overall = f.overallReport.sections.find((s) => s.key === "2.2");
    expect(overall?.body).toContain("基本支出349.34万元");
    expect(discrepancyIds.has("basic-expenditure-349.34-vs-349.33")).toBe(true);
  });

  it("本年支出合计 421.85 vs 一般公共预算财政拨款支出 421.84 “占100%”", () => {
    expect(yuan(fa.expenditure.total) - yuan(fa.generalBudget.overall.total)).toBe(100); // 0.01万元
    expect(fa.generalBudget.overall.shareOfTotalExpenditure).toBe("100");
    expect(discrepancyIds.has("total-expenditure-421.85-vs-general-budget-421.84")).toBe(true);
  });

  it("项目支出 72.51 ≠ sum of the five project budgets (68.85)", () => {
    const budgets = f.projects.map((p) => p.execution.budget);
    expect(budgets).toEqual(["18", "18", "9.2", "9", "14.65"]);
    const sum = sumYuan(budgets);
    expect(sum).toBe(yuan("68.85"));
    expect(yuan(at(fa.expenditure.byKind, 1).amount) - sum).toBe(yuan("3.66"));
    expect(discrepancyIds.has("project-expenditure-vs-project-budgets")).toBe(true);
  });

  it("公务用车 完成预算 % equals its share of “三公”", () => {
    const v = fa.threePublicExpenses.detail.vehicles;
    expect(v.completionRate).toBe(v.share);
    expect(discrepancyIds.has("vehicle-completion-equals-share")).toBe(true);
  });

  it("附件2 report 1 states a 9万元 budget for an 18万元 project", () => {
    const r1 = at(f.selfEvaluationReports, 0);
    const body = (k: SelfEvaluationSectionKey) => r1.sections.find((s) => s.key === k)?.body ?? "";
    expect(body("2.2.2")).toContain("预算9万元");
    expect(body("2.2.3")).toContain("年初预算9万元");
    expect(at(f.projects, 0).execution.budget).toBe("18");
    expect(discrepancyIds.has("report1-budget-9-vs-18")).toBe(true);
  });

  it("乡镇 reduction: 97 / (142 + 97) does not round to the printed 40.8%", () => {
    const body = at(f.profile.keyWork, 0).body;
    expect(body).toContain("全市共设乡镇（街道）142个，比改革前减少97个，减幅达40.8%");
    expect(roundsTo(97, 142 + 97, "40.8")).toBe(false);
    expect(roundsTo(97, 142 + 97, "40.6")).toBe(true);
    expect(discrepancyIds.has("township-reduction-rate")).toBe(true);
  });

  it("2019 appropriation income (derived) exceeds 2019 total income (derived)", () => {
    const prior2019Total = yuan(fa.overview.total) + yuan(fa.overview.comparison.changeAmount);
    const prior2019Fiscal = yuan(fa.fiscalAppropriation.total) + yuan(fa.fiscalAppropriation.comparison.changeAmount);
    expect(fa.overview.comparison.reason).toContain("2019年年初结转结余20万元");
    expect(fa.fiscalAppropriation.comparison.reason).toContain("2019年年初财政拨款结转结余8.84万元");
    const income2019 = prior2019Total - yuan("20");
    const fiscalIncome2019 = prior2019Fiscal - yuan("8.84");
    expect(fiscalIncome2019 - income2019).toBe(yuan("0.38"));
    expect(discrepancyIds.has("prior-year-carryover-vs-appropriation-income")).toBe(true);
  });

  it("every discrepancy has a location and both descriptions", () => {
    for (const d of f.knownDiscrepancies) {
      expect(d.where.length, d.id).toBeGreaterThan(0);
      expect(d.description.length, d.id).toBeGreaterThan(10);
      expect(d.descriptionEn.length, d.id).toBeGreaterThan(10);
    }
  });
});

describe("projects", () => {
  it("budget = executed; 财政拨款 + 其它资金 = total", () => {
    for (const p of f.projects) {
      const e = p.execution;
      expect(e.executed, p.name).toBe(e.budget);
      expect(yuan(e.fiscalBudget) + yuan(e.otherBudget), p.name).toBe(yuan(e.budget));
      expect(yuan(e.fiscalExecuted) + yuan(e.otherExecuted), p.name).toBe(yuan(e.executed));
    }
  });

  it("each fund-allocation breakdown adds up to its printed total and to the project budget", () => {
    for (const p of f.projects) {
      const a = p.fundAllocation;
      expect(sumYuan(a.items.map((i) => i.amount)), p.name).toBe(yuan(a.total));
      expect(yuan(a.total), p.name).toBe(yuan(p.execution.budget));
    }
    expect(at(f.projects, 0).fundAllocation.items).toEqual([
      { item: "会务费", label: "全市工作部署、工作推进、工作总结会务费", amount: "3" },
      { item: "培训费", label: "培训费", amount: "2" },
      { item: "文件资料费", label: "文件资料费", amount: "8.3" },
      { item: "差旅费", label: "调研差旅费", amount: "4.7" },
    ]);
  });

  it("allocation items are printed in the report's 1.1.4 section", () => {
    for (const p of f.projects) {
      const r = f.selfEvaluationReports.find((x) => x.projectIndex === p.index);
      const body = r?.sections.find((s) => s.key === "1.1.4")?.body ?? "";
      for (const i of p.fundAllocation.items) expect(body, p.name).toContain(`${i.label}${i.amount}万元`);
      expect(body, p.name).toContain(`共计${p.fundAllocation.total}万元`);
    }
  });

  it("goal summaries repeat the table figures", () => {
    for (const s of fa.otherMatters.performanceManagement.projectGoals.summaries) {
      const p = at(f.projects, s.projectIndex - 1);
      expect(s.budget).toBe(p.execution.budget);
      expect(s.executed).toBe(p.execution.executed);
      expect(s.body).toContain(`项目全年预算数${s.budget}万元，执行数为${s.executed}万元，完成预算的${s.completionRate}%`);
    }
  });

  it("aliases are distinct from the name and from each other", () => {
    for (const p of f.projects) {
      expect(p.aliases).not.toContain(p.name);
      expect(new Set(p.aliases).size).toBe(p.aliases.length);
    }
  });
});

describe("spot checks: exact strings as printed", () => {
  const rows = (i: number) => at(f.projects, i).indicators;
  const first = (i: number) => at(rows(i), 0);
  const last = (i: number) => at(rows(i), rows(i).length - 1);

  it("table 1", () => {
    expect(first(0)).toEqual({
      level1: "项目完成指标",
      level2: "时效指标",
      level3: "制定出台全市机构改革相关政策性文件，",
      expectedValue: "2020年1月底完成",
      actualValue: "按规定时间完成",
    });
    expect(last(0)).toEqual({
      level1: "满意度指标",
      level2: "满意度指标",
      level3: "主管部门满意",
      expectedValue: "通过此项改革，主管部门满意度100%",
      actualValue: "此项工作完成后，主管部门满意度100%。",
    });
    expect(at(rows(0), 3).actualValue).toBe("进一步健全完善纪检监察、司法、安全生产、环保管理体制，加强基层民生保障工作。");
    expect(at(f.projects, 0).annualGoal.actual).toBe(
      "2020年1月：制定出台全市机构改革相关政策性文件。\n2020年2月：推进实施改革工作。\n2020年12月：制定完善部门“三定”工作。",
    );
  });

  it("table 2", () => {
    expect(first(1)).toEqual({
      level1: "项目完成指标",
      level2: "时效指标",
      level3: "推进实施改革工作",
      expectedValue: "2020年12月底前完成中央、省市要求。",
      actualValue: "按规定时间完成",
    });
    expect(last(1)).toEqual({
      level1: "满意度指标",
      level2: "满意度指标",
      level3: "主管部门满意",
      expectedValue: "通过此项改革，主管部门满意度100%",
      actualValue: "此项工作完成后，主管部门满意度100%。",
    });
    expect(at(rows(1), 1)).toEqual({
      level1: "效益指标",
      level2: "社会效益",
      level3: "根据中央、省委有关文件要求关于事业单位改革的安排部署",
      expectedValue: "拟定涉改事业单位三定规定和机构编制调整方案，完成大部分事业单位优化调整工作",
      actualValue: "推进市县区事业单位优化调整",
    });
  });

  it("table 3", () => {
    expect(first(2)).toEqual({
      level1: "项目完成指标",
      level2: "质量指标",
      level3: "落实机构编制总量控制规",
      expectedValue: "完成全市每三年一次的教职工编制动态调整",
      actualValue: "按规定时间完成",
    });
    expect(last(2)).toEqual({
      level1: "满意度指标",
      level2: "满意度指标",
      level3: "主管部门满意",
      expectedValue: "通过此项改革，主管部门满意度100%",
      actualValue: "全市教职工编制动态调整后，主管部门满意度100%。",
    });
    expect(at(rows(2), 1)).toEqual({
      level1: "效益指标",
      level2: "社会效益",
      level3: "全面完成全市教职工编制动态调整工作",
      expectedValue: "完成后，我市教职工编制得到充分发挥和利用。",
      actualValue: "我市教育事业进一步提升",
    });
  });

  it("table 4", () => {
    expect(first(3)).toEqual({
      level1: "项目完成指标",
      level2: "时效指标",
      level3: "促进政府职能转变",
      expectedValue: "到12月全面完成",
      actualValue: "按规定时间完成",
    });
    expect(last(3)).toEqual({
      level1: "满意度指标",
      level2: "满意度指标",
      level3: "主管部门满意",
      expectedValue: "通过此项改革，主管部门满意度100%",
      actualValue: "此项工作完成后，主管部门满意度100%。",
    });
    expect(at(rows(3), 1).level3).toBe("做到权力与责任相匹配\n。");
  });

  it("table 5", () => {
    expect(first(4)).toEqual({
      level1: "项目完成指标",
      level2: "质量指标",
      level3: "落实机构编制总量控制规定",
      expectedValue: "统计了全市机构、编制、领导职数、在职人员数据信息，形成了年度机构编制统计数据",
      actualValue: "按要求完成统计的范围",
    });
    expect(last(4)).toEqual({
      level1: "满意度指标",
      level2: "满意度指标",
      level3: "为优化调整职责体系、综合行政执法改革、乡镇区划调整改革等决策提供数据支撑。",
      expectedValue: "为领导决策和发展广元机构编制提供了决策性数据和依据",
      actualValue: "数据及时准确上报",
    });
  });

  it("department, duties, glossary", () => {
    expect(f.department.name).toBe("中共广元市委机构编制委员会办公室");
    expect(f.department.shortName).toBe("市委编办");
    expect(f.department.region).toBe("广元市");
    expect(f.department.subUnits).toEqual([
      { name: "市事业单位登记服务中心", category: "参照公务员法管理的事业单位" },
      { name: "市机构编制信息中心", category: "其他事业单位" },
    ]);
    expect(at(f.profile.duties, 7)).toBe("负责全市事业单位登记管理工作。");
    expect(at(f.profile.duties, 8)).toBe("承办市委、市政府和市委编委交办的其他事项。");
    expect(at(f.glossary, 0)).toEqual({ number: 1, term: "财政拨款收入", definition: "指单位从同级财政部门取得的财政预算资金。" });
    expect(at(f.glossary, 11).term).toBe("“三公”经费");
    expect(at(f.glossary, 12).term).toBe("机关运行经费");
  });

  it("function classification names as printed", () => {
    const d = fa.generalBudget.detail.items;
    expect(at(d, 0).subclassName).toBe("人力资源（款）");
    expect(at(d, 3).className).toBe("医疗卫生与计划生育（类）");
    expect(at(fa.generalBudget.structure.byClass, 2).name).toBe("卫生健康支出");
  });

  it("report headings vary as printed", () => {
    const heading = (report: number, key: SelfEvaluationSectionKey) =>
      at(f.selfEvaluationReports, report).sections.find((s) => s.key === key)?.heading;
    expect(heading(0, "3")).toBe("三、项目绩效情况");
    expect(heading(0, "4")).toBe("四、项目绩效情况");
    expect(heading(1, "3")).toBe("三、项目实施及管理情况");
    expect(heading(0, "5.1")).toBe("（一）评论结论");
    expect(heading(3, "5.1")).toBe("（一）评价结论。");
    expect(heading(4, "5")).toBe("五、存在主要问题");
    expect(heading(2, "1.1.3")).toBe("资金管理办法制定情况，资金支持具体项目的条件、范围与支持方式概况");
    expect(heading(2, "1.1.4")).toBe("资金分配原则及考虑因素");
    expect(at(f.selfEvaluationReports, 0).attachmentLabel).toBe("附件2");
    expect(at(f.selfEvaluationReports, 3).title).toBe("行政权力和责任清单动态调整项目支出绩效评价报告");
  });
});

describe("text normalisation", () => {
  it("no string has surrounding whitespace, blank paragraphs or tabs", () => {
    const bad: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === "string") {
        if (v !== v.trim() || v.includes("\n\n") || v.includes("\t") || v.split("\n").some((p) => p !== p.trim()))
          bad.push(path);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(f, "f");
    expect(bad).toEqual([]);
  });
});

function d2011002() {
  const item = fa.generalBudget.detail.items.find((i) => i.code === "2011002");
  if (!item) throw new Error("2011002 missing");
  return item;
}

function fail(what: string): never {
  throw new Error(`missing ${what}`);
}
