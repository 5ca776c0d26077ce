/**
 * The "parts add up" check of the final accounts (审核公式), run live in the editor
 * and again on the server before the year document can be submitted.
 *
 * As in the national 决算 software, some rules are hard (强制性: the figures cannot
 * be right, e.g. the SME share above the procurement total) and some are
 * verifiable (核实性: usually an error, but a department may have a reason, e.g.
 * rounding in a printed total). A verifiable rule that fails blocks submission
 * until the department writes a 核实说明 for it; it is then shown as a warning with
 * the explanation, so the reviewer sees both.
 */
import { Decimal } from "@/lib/money";
import type { CheckItem } from "@/lib/check-item";
import { computeFinalAccounts, hasAmount, wan2, wanDecimal, type FunctionCodeInfo } from "./computed";
import type { FinalAccountsInput } from "./schema";

export type FinalAccountsCheckItem = CheckItem & {
  /** Form field the item is about (react-hook-form path). */
  path?: string;
  /** A 核实说明 can turn this item into a warning. */
  explainable: boolean;
  explanation?: string;
};

export type CheckContext = {
  /** 万元: the year's projects' executed fiscal funds (项目支出 should agree). Null: no projects recorded. */
  projectsFiscalExecuted?: string | null;
  codes?: FunctionCodeInfo[];
};

export const CHECK_LABELS: Record<string, string> = {
  BALANCE: "收支平衡",
  BASIC_SPLIT: "基本支出构成",
  PROJECTS: "项目支出与项目执行数",
  STAFF_AUTHORIZED: "编制人数合计",
  STAFF_ACTUAL: "在职人数合计",
  THREE_PUBLIC_BUDGET: "“三公”经费预算",
};

const yuan = (d: Decimal) => `${wan2(d)}万元`;

export function checkFinalAccounts(v: FinalAccountsInput, ctx: CheckContext = {}): { blocking: FinalAccountsCheckItem[]; warnings: FinalAccountsCheckItem[] } {
  const c = computeFinalAccounts(v, ctx.codes);
  const r = c.raw;
  const items: FinalAccountsCheckItem[] = [];
  const hard = (code: string, message: string, path?: string) => items.push({ severity: "blocking", code, message, path, explainable: false });
  const verifiable = (code: string, message: string, path?: string) => items.push({ severity: "blocking", code, message, path, explainable: true });

  if (v.lines.length === 0) hard("NO_LINES", "尚未填写按功能分类的支出决算", "lines");
  v.lines.forEach((l, i) => {
    const line = c.lines[i];
    if (line?.differs && !l.reason.trim()) {
      hard("LINE_REASON", `第${i + 1}行（${l.functionCode}）决算数${line.total}万元与预算数${wan2(wanDecimal(l.budget))}万元不一致，须说明原因`, `lines.${i}.reason`);
    }
  });

  // 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余
  const left = r.opening.plus(r.income);
  const right = r.expenditure.plus(r.closing);
  if (!left.equals(right)) {
    verifiable(
      "BALANCE",
      `收支不平衡：年初结转和结余 + 本年收入 = ${yuan(left)}，本年支出 + 年末结转和结余 = ${yuan(right)}，相差${yuan(left.minus(right).abs())}`,
      "balances.closing",
    );
  }
  const split = wanDecimal(v.basic.personnel).plus(wanDecimal(v.basic.publicUse));
  if (!split.equals(r.basic)) {
    verifiable("BASIC_SPLIT", `人员经费 + 日常公用经费 = ${yuan(split)}，与各科目基本支出合计${yuan(r.basic)}不一致`, "basic.personnel");
  }
  if (ctx.projectsFiscalExecuted != null && !wanDecimal(ctx.projectsFiscalExecuted).equals(r.project)) {
    verifiable("PROJECTS", `各科目项目支出合计${yuan(r.project)}，与本年项目财政拨款执行数合计${yuan(wanDecimal(ctx.projectsFiscalExecuted))}不一致`, "lines");
  }
  if (wanDecimal(v.other.procurementSme).greaterThan(r.procurement)) {
    hard("SME_OVER_TOTAL", `授予中小企业合同金额不能大于政府采购支出总额${yuan(r.procurement)}`, "other.procurementSme");
  }
  const staff = (group: "authorized" | "actual", code: string, label: string) => {
    const s = v.staffing;
    const parts = group === "authorized"
      ? [s.authorizedAdministrative, s.authorizedInstitution, s.authorizedLogistics]
      : [s.actualAdministrative, s.actualInstitution, s.actualLogistics];
    const total = group === "authorized" ? s.authorizedTotal : s.actualTotal;
    if (!total.trim() || parts.every((p) => !p.trim())) return;
    const partSum = parts.reduce((a, p) => a + (p.trim() ? Number(p) : 0), 0);
    if (partSum !== Number(total)) verifiable(code, `${label}分项之和为${partSum}人，与合计${Number(total)}人不一致`, `staffing.${group}Total`);
  };
  staff("authorized", "STAFF_AUTHORIZED", "编制人数");
  staff("actual", "STAFF_ACTUAL", "在职人数");
  if (hasAmount(v.threePublicBudget) && r.threePublic.greaterThan(wanDecimal(v.threePublicBudget))) {
    verifiable("THREE_PUBLIC_BUDGET", `“三公”经费支出${yuan(r.threePublic)}超过预算${yuan(wanDecimal(v.threePublicBudget))}`, "threePublicBudget");
  }

  const blocking: FinalAccountsCheckItem[] = [];
  const warnings: FinalAccountsCheckItem[] = [];
  for (const item of items) {
    const explanation = item.explainable ? v.explanations?.[item.code]?.trim() : "";
    if (explanation) warnings.push({ ...item, severity: "warning", explanation, message: `${item.message}（核实说明：${explanation}）` });
    else blocking.push(item);
  }
  return { blocking, warnings };
}
