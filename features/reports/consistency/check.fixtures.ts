/** Fixtures shared by check.test.ts and check-allocation.test.ts. */
import type { Project } from "@/prisma/seed/fixture-types";
import { checkNarrative } from "./check";
import type { Finding, ProjectFigures } from "./types";
import { extractAmounts } from "@/lib/narrative-figures";

/** Figures of a seed project as the product holds them (budget = execution.budget, …). */
export function figuresOf(p: Project): ProjectFigures {
  return {
    name: p.name,
    budget: p.execution.budget,
    executed: p.execution.executed,
    fiscalBudget: p.execution.fiscalBudget,
    otherBudget: p.execution.otherBudget,
    allocations: p.fundAllocation.items.map((i) => ({ item: i.item, amount: i.amount })),
    // Every seed project has 执行数 = 预算数.
    executionRate: "100.00",
  };
}

export const project18: ProjectFigures = {
  name: "全市综合执法改革",
  budget: "18",
  executed: "18",
  allocations: [
    { item: "会务费", amount: "3" },
    { item: "培训费", amount: "2" },
    { item: "文件资料费", amount: "8.3" },
    { item: "差旅费", amount: "4.7" },
  ],
};

export function one(body: string, project: ProjectFigures = project18, key = "2.2.2", heading = "2．资金到位。"): Finding[] {
  return checkNarrative(project, [{ key, heading, body }]);
}

export const brief = (f: Finding[]) => f.map((x) => ({ code: x.code, stated: x.stated, expected: x.expected }));
export const raws = (text: string) => extractAmounts(text).map((a) => a.raw);

// ------------------------------------------------------------------ extraction
