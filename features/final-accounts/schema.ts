/**
 * The final accounts (部门决算) of one department-year as the editor enters them,
 * shared by the form (zodResolver) and the server action. Amounts are 万元 decimal
 * strings, as on the official tables, stored in 元. Totals, shares, completion
 * rates and year-on-year changes are not inputs: they are computed (computed.ts).
 */
import { z } from "@/lib/zod";
import { amountField, optionalAmountField } from "@/lib/money-input";

/** 万元 as offices type it; blank and dashes mean 0. */
const wanAmount = amountField();

export const INCOME_SOURCES = ["GENERAL_BUDGET", "GOV_FUND", "SOE_CAPITAL", "SUPERIOR_SUBSIDY", "BUSINESS", "OPERATING", "SUBORDINATE", "OTHER"] as const;
export type IncomeSourceKey = (typeof INCOME_SOURCES)[number];

export const THREE_PUBLIC_KINDS = ["ABROAD", "VEHICLE_PURCHASE", "VEHICLE_OPERATION", "RECEPTION_DOMESTIC", "RECEPTION_FOREIGN"] as const;
export type ThreePublicKindKey = (typeof THREE_PUBLIC_KINDS)[number];

/**
 * Figures of the previous year used for the year-on-year comparisons (上年决算数):
 * form field → figure key. (Form field names must not contain dots: react-hook-form
 * reads a dot as nesting.)
 */
export const PRIOR_FIELDS = {
  incomeExpenditure: "total.incomeExpenditure",
  fiscal: "fiscal.total",
  generalBudget: "generalBudget.expenditure",
  operatingExpenses: "operatingExpenses",
  vehicles: "threePublic.vehicles",
  reception: "threePublic.reception",
} as const;
export type PriorKey = keyof typeof PRIOR_FIELDS;
export const PRIOR_KEYS = Object.keys(PRIOR_FIELDS) as PriorKey[];
export const PRIOR_LABELS: Record<PriorKey, string> = {
  incomeExpenditure: "收、支总计",
  fiscal: "财政拨款收、支总计",
  generalBudget: "一般公共预算财政拨款支出",
  operatingExpenses: "机关运行经费",
  vehicles: "公务用车购置及运行维护费",
  reception: "公务接待费",
};

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`);

/** 万元, may be left empty (unknown / not applicable): blank and dashes give "". */
export const optionalWan = optionalAmountField();

/** A count (人, 辆, 台, 批次 …): a whole number ≥ 0, or empty. */
export const optionalCount = z
  .string()
  .trim()
  .refine((s) => s === "" || /^\d{1,7}$/.test(s), { message: "请输入不小于0的整数，未知可留空" });

export const expenditureLineSchema = z.object({
  functionCode: z.string().trim().regex(/^\d{7}$/, "请选择功能分类科目（7位项级代码）"),
  budget: optionalWan,
  basic: wanAmount,
  project: wanAmount,
  reason: text(2000, "差异原因"),
});

const threePublicLineSchema = z.object({
  budget: optionalWan,
  amount: wanAmount,
  batches: optionalCount,
  persons: optionalCount,
  description: text(2000, "说明"),
  reason: text(2000, "变动原因"),
});

export const finalAccountsSchema = z
  .object({
    staffing: z.object({
      authorizedTotal: optionalCount,
      authorizedAdministrative: optionalCount,
      authorizedInstitution: optionalCount,
      authorizedLogistics: optionalCount,
      actualTotal: optionalCount,
      actualAdministrative: optionalCount,
      actualInstitution: optionalCount,
      actualLogistics: optionalCount,
      retired: optionalCount,
    }),
    balances: z.object({ opening: wanAmount, closing: wanAmount }),
    income: z.object(Object.fromEntries(INCOME_SOURCES.map((s) => [s, wanAmount])) as Record<IncomeSourceKey, typeof wanAmount>),
    lines: z.array(expenditureLineSchema).max(500, "支出科目最多500行"),
    basic: z.object({
      personnel: wanAmount,
      publicUse: wanAmount,
      personnelItems: text(2000, "人员经费主要内容"),
      publicUseItems: text(2000, "日常公用经费主要内容"),
    }),
    threePublic: z.object(Object.fromEntries(THREE_PUBLIC_KINDS.map((k) => [k, threePublicLineSchema])) as Record<ThreePublicKindKey, typeof threePublicLineSchema>),
    threePublicBudget: optionalWan,
    other: z.object({
      govFund: wanAmount,
      soeCapital: wanAmount,
      operatingExpenses: wanAmount,
      procurementGoods: wanAmount,
      procurementWorks: wanAmount,
      procurementServices: wanAmount,
      procurementSme: wanAmount,
      vehicles: optionalCount,
      vehiclesText: text(500, "车辆构成"),
      generalEquipmentOver50Wan: optionalCount,
      specialEquipmentOver100Wan: optionalCount,
      projectsWithGoals: optionalCount,
    }),
    prior: z.object(Object.fromEntries(PRIOR_KEYS.map((k) => [k, optionalWan])) as Record<PriorKey, typeof optionalWan>),
    glossary: z
      .array(z.object({ term: text(100, "名词").min(1, "请填写名词"), definition: text(2000, "解释").min(1, "请填写解释") }))
      .max(100, "名词解释最多100条"),
    /** 核实说明: why a check that does not add up is nevertheless right (by check code). */
    explanations: z.record(z.string().regex(/^[A-Z_]{2,40}$/), text(1000, "核实说明")),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.lines.forEach((l, i) => {
      const first = seen.get(l.functionCode);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["lines", i, "functionCode"], message: `与第${first + 1}行的科目重复` });
      else seen.set(l.functionCode, i);
    });
    const terms = new Set<string>();
    v.glossary.forEach((g, i) => {
      if (terms.has(g.term)) ctx.addIssue({ code: "custom", path: ["glossary", i, "term"], message: "名词重复" });
      terms.add(g.term);
    });
  });

export type FinalAccountsInput = z.input<typeof finalAccountsSchema>;
export type FinalAccountsValues = z.output<typeof finalAccountsSchema>;

export const versionSchema = z.number().int().positive();
