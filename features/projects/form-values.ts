/** A stored project as the project form's input (amounts in 万元). */
import { yuanToWanText } from "@/lib/money";
import type { ProjectDetail } from "./data";
import { FUND_SOURCES, type ProjectInput } from "./schema";

export function projectToInput(p: ProjectDetail): ProjectInput {
  const line = (source: (typeof FUND_SOURCES)[number]) => {
    const f = p.funding.find((x) => x.source === source);
    return {
      initialBudget: f ? yuanToWanText(f.initialBudget) : "",
      annualBudget: f ? yuanToWanText(f.annualBudget) : "",
      executed: f ? yuanToWanText(f.executed) : "",
    };
  };
  return {
    name: p.name,
    code: p.code ?? "",
    category: p.category,
    competentDepartment: p.competentDepartment,
    implementingUnit: p.implementingUnit,
    goalExpected: p.goalExpected,
    goalActual: p.goalActual,
    funding: { FISCAL: line("FISCAL"), CARRYOVER: line("CARRYOVER"), OTHER: line("OTHER") },
    allocations: p.allocations.map((a) => ({ item: a.item, amount: yuanToWanText(a.amount) })),
  };
}
