import { describe, it, expect } from "vitest";
import { guangyuan2020 as f } from "./guangyuan-2020";
import type { SelfEvaluationSectionKey } from "./fixture-types";
import { yuan, sumYuan, roundsTo, comparisonConsistent, discrepancyIds, at, fa, SECTION_KEYS, d2011002, fail } from "./guangyuan-2020.fixtures";

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
