/** The seed fixture (continued from guangyuan-2020.test.ts): projects, exact strings as printed, text normalisation. */
import { describe, it, expect } from "vitest";
import { guangyuan2020 as f } from "./guangyuan-2020";
import type { SelfEvaluationSectionKey } from "./fixture-types";
import { yuan, sumYuan, at, fa } from "./guangyuan-2020.fixtures";
import spotChecks from "./guangyuan-2020-spot-checks.json";

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
  const row = (project: number, which: number | string) => {
    const r = rows(project);
    return at(r, which === "first" ? 0 : which === "last" ? r.length - 1 : Number(which));
  };

  it.each(spotChecks.indicatorRows)("table $project, indicator row $row", ({ project, row: which, expected }) => {
    expect(row(project, which)).toEqual(expected);
  });

  it("table 1: a long value and the annual goal", () => {
    expect(at(rows(0), 3).actualValue).toBe("进一步健全完善纪检监察、司法、安全生产、环保管理体制，加强基层民生保障工作。");
    expect(at(f.projects, 0).annualGoal.actual).toBe(
      "2020年1月：制定出台全市机构改革相关政策性文件。\n2020年2月：推进实施改革工作。\n2020年12月：制定完善部门“三定”工作。",
    );
  });

  it("table 4: a stray line break kept as printed", () => {
    expect(at(rows(3), 1).level3).toBe("做到权力与责任相匹配\n。");
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
