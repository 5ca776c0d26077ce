/**
 * Project inputs, shared by the forms (zodResolver) and the server actions, which
 * parse again and never trust the client. Amounts are entered in 万元 as decimal
 * strings (as on the paper tables) and stored in 元; no floating point anywhere.
 */
import { z } from "@/lib/zod";
import { sum } from "@/lib/money";
import { amountField, amountsValid } from "@/lib/money-input";

export const FUND_SOURCES = ["FISCAL", "CARRYOVER", "OTHER"] as const;
export type FundSourceKey = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Record<FundSourceKey, string> = {
  FISCAL: "本年财政拨款",
  CARRYOVER: "上年结转资金",
  OTHER: "其他资金",
};

/** 万元 as offices type it ("-", "８８０", "1,234.5", "880万元" …), normalised; blank and dashes mean 0. */
const wanAmount = amountField();

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`);
const required = (max: number, label: string) => text(max, label).min(1, `请填写${label}`);

export const fundingLineSchema = z.object({
  initialBudget: wanAmount,
  annualBudget: wanAmount,
  executed: wanAmount,
});

export const allocationSchema = z.object({
  item: required(50, "支出内容"),
  amount: wanAmount,
});

export const projectSchema = z
  .object({
    name: required(100, "项目名称"),
    code: text(50, "项目编码"),
    category: text(50, "项目类别"),
    competentDepartment: required(100, "主管部门"),
    implementingUnit: required(100, "实施单位"),
    goalExpected: text(5000, "预期目标"),
    goalActual: text(5000, "实际完成情况"),
    funding: z.object({ FISCAL: fundingLineSchema, CARRYOVER: fundingLineSchema, OTHER: fundingLineSchema }),
    allocations: z.array(allocationSchema).max(100, "资金分配明细最多100项"),
  })
  .superRefine((v, ctx) => {
    // zod 4 runs this even when an amount field failed (its value is then not a decimal):
    // add up only valid amounts, the field errors say the rest.
    const annuals = FUND_SOURCES.map((k) => v.funding[k]?.annualBudget);
    const amounts = v.allocations.map((a) => a?.amount);
    if (!amountsValid(annuals) || !amountsValid(amounts)) return;
    const annual = sum(annuals);
    if (v.allocations.length > 0) {
      const allocated = sum(amounts);
      if (!allocated.equals(annual)) {
        ctx.addIssue({
          code: "custom",
          path: ["allocations"],
          message: `资金分配合计 ${allocated.toFixed()} 万元，与全年预算数 ${annual.toFixed()} 万元不一致`,
        });
      }
    }
  });

export type ProjectInput = z.input<typeof projectSchema>;
export type ProjectValues = z.output<typeof projectSchema>;

/** A save of an existing project carries the version it was loaded at. */
export const versionSchema = z.number().int().positive();

export function emptyProjectInput(defaults: { competentDepartment: string; implementingUnit: string }): ProjectInput {
  const line = { initialBudget: "", annualBudget: "", executed: "" };
  return {
    name: "",
    code: "",
    category: "",
    competentDepartment: defaults.competentDepartment,
    implementingUnit: defaults.implementingUnit,
    goalExpected: "",
    goalActual: "",
    funding: { FISCAL: { ...line }, CARRYOVER: { ...line }, OTHER: { ...line } },
    allocations: [],
  };
}
