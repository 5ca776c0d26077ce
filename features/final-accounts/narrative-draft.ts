/**
 * Draft text of the year document's 第二部分 决算情况说明 from the final accounts: the
 * paragraphs that explain the tables, phrased as the seed's 2020 document phrases
 * them ("2020年度收、支总计426.81万元。与2019年相比，收、支总计各减少43.45万元，
 * 下降9.24%。主要变动原因是……"), with 万元 and % to two decimals.
 *
 * Every figure comes from computeFinalAccounts (computed.ts), the same figures the
 * editor, the check and the tables show; only a few ratios it does not compute (one
 * 三公 item's share or completion) use its own helpers (pct2, wan2).
 *
 * What the data does not hold is never invented:
 * - a section whose figures were not entered gets no text ("");
 * - a comparison with the previous year appears only when 上年决算数 is entered;
 * - a reason the document needs (主要变动原因, why 决算数 differs from 预算数) is the
 *   line's `reason` where the data has one (expenditure lines, 三公 lines), otherwise
 *   the placeholder FILL_IN (【请填写】). The pre-submission check blocks any section
 *   that still contains it (reports/check-report.ts), so it is never published;
 * - a 三公 line's description is used only when the line has spending (the seed keeps
 *   the printed sentence of its zero lines there, e.g. “外事接待支出0万元。”).
 *
 * Pure and client-safe: the caller loads the values (narrative-draft-data.ts).
 */
import { Decimal, fmt2 } from "@/lib/money";
import type { ItemCode } from "@/features/function-classes/item-codes";
import { classLabel, itemLabel } from "@/features/function-classes/labels";
import { INCOME_SOURCE_LABELS } from "@/features/publication/labels";
import { FILL_IN } from "@/lib/report-sections";
import type { FinalAccountsDataSectionKey } from "./template";
import { hasAmount, pct2, wan2, wanDecimal, type FinalAccountsComputed } from "./computed";
import { splitItems } from "./convert";
import { INCOME_SOURCES, THREE_PUBLIC_KINDS, type FinalAccountsInput, type ThreePublicKindKey } from "./schema";

export type FinalAccountsDraft = Record<FinalAccountsDataSectionKey, string>;

export type NarrativeDraftInput = {
  year: number;
  /** How the document names the department in running text (e.g. 市委编办). */
  shortName: string;
  values: FinalAccountsInput;
  /** computeFinalAccounts(values, codes). */
  computed: FinalAccountsComputed;
  codes: ItemCode[];
};

type Change = NonNullable<FinalAccountsComputed["incomeExpenditure"]["change"]>;

const SENTENCE_END = /[。！？!?]$/;
const CLAUSE_END = /[。；;，,、.]+$/;

/** A text as one sentence: trimmed, ending in 。 (a trailing comma or semicolon replaced). */
function sentence(text: string): string {
  const t = text.trim();
  return SENTENCE_END.test(t) ? t : `${t.replace(CLAUSE_END, "")}。`;
}

/** A text as a clause to continue after a comma: no final punctuation. */
const clause = (text: string) => text.trim().replace(CLAUSE_END, "");

/** "head，a，b。": the non-empty clauses after the head, one sentence. */
const joinClauses = (head: string, parts: string[]) => `${[head, ...parts.map(clause).filter(Boolean)].join("，")}。`;

/** "减少43.45万元，下降9.24%" / "增加…，增长…"; null when unchanged. */
function movement(c: Change): string | null {
  const d = new Decimal(c.change);
  if (d.isZero()) return null;
  const up = d.greaterThan(0);
  const amount = `${up ? "增加" : "减少"}${fmt2(d.abs())}万元`;
  return c.percent == null ? amount : `${amount}，${up ? "增长" : "下降"}${fmt2(new Decimal(c.percent).abs())}%`;
}

/** "主要变动原因是…。" with the recorded reason (its own "主要原因是" dropped), or the placeholder. */
function because(reason: string, lead: string): string {
  const r = reason.trim().replace(/^(主要变动原因是|主要原因是|原因是)/, "");
  return `${lead}${r ? sentence(r) : `${FILL_IN}。`}`;
}

/** The distinct non-empty reasons of some lines, as one. */
const reasonsOf = (reasons: string[]) => [...new Set(reasons.map(clause).filter(Boolean))].join("；");

/**
 * The year-on-year sentence in the document's two forms: "与2019年相比，收、支总计各减少…。主要变动原因是…"
 * (`compared`) or "比2019年减少…。主要原因是…" (`than`). "" without a previous year's figure.
 */
function yearOnYear(c: Change | null, priorYear: number, form: { subject: string; style: "compared" | "than"; reason: string }): string {
  if (!c) return "";
  const m = movement(c);
  if (form.style === "compared") {
    return m ? `与${priorYear}年相比，${form.subject}${m}。${because(form.reason, "主要变动原因是")}` : `与${priorYear}年相比，${form.subject.replace(/各$/, "")}持平。`;
  }
  return m ? `${form.subject}比${priorYear}年${m}。${because(form.reason, "主要原因是")}` : `${form.subject}与${priorYear}年持平。`;
}

const wan = (s: string) => `${wan2(wanDecimal(s))}万元`;
const count = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/** The draft of every 第二部分 section the final accounts can say; "" where they say nothing. */
export function draftFinalAccountsNarrative(d: NarrativeDraftInput): FinalAccountsDraft {
  const { values: v, computed: c, year, shortName } = d;
  const y = year;
  const py = year - 1;
  const incomeEntered = INCOME_SOURCES.filter((s) => hasAmount(v.income[s]));
  const hasLines = v.lines.length > 0;
  const expenditureZero = c.raw.expenditure.isZero();

  // ── 一、收入支出决算总体情况 ──
  const overview =
    incomeEntered.length || hasAmount(v.balances.opening)
      ? `${y}年度收、支总计${c.incomeExpenditure.amount}万元。` +
        yearOnYear(c.incomeExpenditure.change, py, { subject: "收、支总计各", style: "compared", reason: "" })
      : "";

  // ── 二、收入决算 ──
  let income = "";
  if (incomeEntered.length) {
    const parts = incomeEntered
      .filter((s) => !wanDecimal(v.income[s]).isZero() && c.incomeShares[s] != null)
      .map((s) => `${INCOME_SOURCE_LABELS[s] ?? s}${wan(v.income[s])}，占${c.incomeShares[s]}%`);
    income = `${y}年本年收入合计${c.income}万元${parts.length ? `，其中：${parts.join("；")}` : ""}。`;
  }

  // ── 三、支出决算 ──
  const expenditure = !hasLines
    ? ""
    : expenditureZero
      ? `${y}年本年支出合计${c.expenditure}万元。`
      : `${y}年本年支出合计${c.expenditure}万元，其中：基本支出${c.basic.amount}万元，占${c.basic.share}%；项目支出${c.project.amount}万元，占${c.project.share}%。`;

  // ── 四、财政拨款收入支出决算总体情况 ──
  const fiscalAppropriation = incomeEntered.length
    ? `${y}年财政拨款收、支总计${c.fiscal.amount}万元。` + yearOnYear(c.fiscal.change, py, { subject: "收、支总计各", style: "compared", reason: "" })
    : "";

  // ── 五、一般公共预算财政拨款支出 ──
  // Every expenditure line is 一般公共预算财政拨款 (the editor records no other fund type).
  const gbHead = `${y}年一般公共预算财政拨款支出${c.expenditure}万元`;
  const generalBudgetOverall = !hasLines
    ? ""
    : `${gbHead}${expenditureZero ? "" : `，占本年支出合计的${pct2(c.raw.expenditure, c.raw.expenditure)}%`}。` +
      yearOnYear(c.generalBudgetChange, py, { subject: "一般公共预算财政拨款", style: "compared", reason: "" });

  const classes = c.byClass.filter((k) => !wanDecimal(k.amount).isZero() && k.share != null);
  const generalBudgetStructure = !hasLines
    ? ""
    : expenditureZero || classes.length === 0
      ? `${gbHead}。`
      : `${gbHead}，主要用于以下方面：${classes.map((k) => `${k.name ? classLabel(k.name) : `${k.code}（类）`}支出${k.amount}万元，占${k.share}%`).join("；")}。`;

  const byCode = new Map(d.codes.map((x) => [x.code, x]));
  const allBudgeted = v.lines.every((l) => hasAmount(l.budget));
  const detailLines = v.lines.map((l, i) => {
    const line = c.lines[i];
    const info = byCode.get(l.functionCode);
    const name = info ? itemLabel(info) : `科目${l.functionCode}`;
    const total = line?.total ?? wan2(wanDecimal(l.basic).plus(wanDecimal(l.project)));
    const head = `${i + 1}.${name}：支出决算为${total}万元${line?.completion != null ? `，完成预算${line.completion}%` : ""}`;
    const direction = hasAmount(l.budget) && line?.differs ? (wanDecimal(total).lessThan(wanDecimal(l.budget)) ? "小于" : "大于") : null;
    const reason = l.reason.trim();
    if (reason) {
      // A reason written as the document writes it stays as it is; a bare one gets the document's lead-in.
      const own = /^(决算数|预算数|决算与预算|预算与决算)/.test(reason) || reason.includes("原因");
      return `${head}，${own || !direction ? sentence(reason) : `决算数${direction}预算数的主要原因是${sentence(reason)}`}`;
    }
    return direction ? `${head}，决算数${direction}预算数的主要原因是${FILL_IN}。` : `${head}。`;
  });
  const generalBudgetDetail = !hasLines
    ? ""
    : [`${y}年一般公共预算支出决算数为${c.expenditure}万元${allBudgeted && c.completion != null ? `，完成预算${c.completion}%` : ""}。其中：`, ...detailLines].join("\n");

  // ── 六、基本支出 ──
  let basicExpenditure = "";
  if (hasLines) {
    const split = (label: string, amount: string, list: string) => {
      if (!hasAmount(amount)) return null;
      const names = splitItems(list);
      const last = names.at(-1) ?? "";
      return `${label}${wan(amount)}${names.length ? `，主要包括：${names.join("、")}${last.endsWith("等") ? "" : "等"}` : ""}。`;
    };
    const parts = [split("人员经费", v.basic.personnel, v.basic.personnelItems), split("日常公用经费", v.basic.publicUse, v.basic.publicUseItems)].filter((p): p is string => p != null);
    const head = `${y}年一般公共预算财政拨款基本支出${c.basic.amount}万元`;
    basicExpenditure = parts.length ? `${head}，其中：\n${parts.join("\n")}` : `${head}。`;
  }

  // ── 七、“三公”经费 ──
  const tp = v.threePublic;
  const tpEntered = (kinds: ThreePublicKindKey[]) => kinds.some((k) => hasAmount(tp[k].amount) || hasAmount(tp[k].budget));
  const sumOf = (kinds: ThreePublicKindKey[], field: "amount" | "budget") => kinds.reduce((s, k) => s.plus(wanDecimal(tp[k][field])), new Decimal(0));
  /** "，完成预算26.00%" over the items' entered budgets; "" without one. */
  const completionOf = (kinds: ThreePublicKindKey[]) => {
    if (!kinds.some((k) => hasAmount(tp[k].budget))) return "";
    const rate = pct2(sumOf(kinds, "amount"), sumOf(kinds, "budget"));
    return rate == null ? "" : `，完成预算${rate}%`;
  };
  const VEHICLES: ThreePublicKindKey[] = ["VEHICLE_PURCHASE", "VEHICLE_OPERATION"];
  const RECEPTION: ThreePublicKindKey[] = ["RECEPTION_DOMESTIC", "RECEPTION_FOREIGN"];
  const tpTotal = c.raw.threePublic;

  let threePublicOverall = "";
  if (tpEntered([...THREE_PUBLIC_KINDS]) || hasAmount(v.threePublicBudget)) {
    let budgetPart = "";
    if (c.threePublic.completion != null) {
      const budget = wanDecimal(v.threePublicBudget);
      const gap = tpTotal.equals(budget) ? "" : `，决算数${tpTotal.lessThan(budget) ? "小于" : "大于"}预算数的主要原因是${FILL_IN}`;
      budgetPart = `，完成预算${c.threePublic.completion}%${gap}`;
    }
    threePublicOverall = `${y}年“三公”经费财政拨款支出决算为${c.threePublic.total}万元${budgetPart}。`;
  }

  /** "…支出决算2.92万元，占91.82%": the share only of spending within spending. */
  const itemShare = (label: string, amount: Decimal, share: string | null) =>
    `${label}支出决算${wan2(amount)}万元${!amount.isZero() && share != null ? `，占${share}%` : ""}`;
  const threePublicDetail = tpEntered([...THREE_PUBLIC_KINDS])
    ? `${y}年“三公”经费财政拨款支出决算中，${[
        itemShare("因公出国（境）费", wanDecimal(tp.ABROAD.amount), pct2(wanDecimal(tp.ABROAD.amount), tpTotal)),
        itemShare("公务用车购置及运行维护费", sumOf(VEHICLES, "amount"), c.threePublic.vehicles.share),
        itemShare("公务接待费", sumOf(RECEPTION, "amount"), c.threePublic.reception.share),
      ].join("；")}。具体情况如下：`
    : "";

  /** A line's own sentence: amount, and where it spent anything its counts and description. */
  const lineSentence = (kind: ThreePublicKindKey, head: string, counts: string) => {
    const l = tp[kind];
    if (wanDecimal(l.amount).isZero()) return `${head}。`;
    const description = l.description.trim();
    // A description that is a sentence of its own follows as one; a phrase continues the sentence.
    if (description && SENTENCE_END.test(description) && !counts) return `${head}。${description}`;
    return joinClauses(head, [description, counts]);
  };
  const countsOf = (kind: ThreePublicKindKey, unit: [string, string]) => {
    const b = count(tp[kind].batches);
    const p = count(tp[kind].persons);
    const parts = [b != null ? `${b}${unit[0]}` : "", p != null ? `${p}${unit[1]}` : ""].filter(Boolean);
    return parts.length ? `共${parts.join("、")}` : "";
  };

  const outboundTravel = tpEntered(["ABROAD"])
    ? lineSentence("ABROAD", `1.因公出国（境）经费支出${wan(tp.ABROAD.amount)}${completionOf(["ABROAD"])}`, countsOf("ABROAD", ["个团组", "人次"]))
    : "";

  let vehicles = "";
  if (tpEntered(VEHICLES)) {
    const change = yearOnYear(c.threePublic.vehicles.change, py, {
      subject: "公务用车购置及运行维护费支出决算",
      style: "than",
      reason: reasonsOf(VEHICLES.map((k) => tp[k].reason)),
    });
    const n = count(v.other.vehicles);
    const held = n == null ? "" : `截至${y}年12月底，单位共有公务用车${n}辆${v.other.vehiclesText.trim() ? `，其中：${sentence(v.other.vehiclesText)}` : "。"}`;
    vehicles = [
      `2.公务用车购置及运行维护费支出${c.threePublic.vehicles.amount}万元${completionOf(VEHICLES)}。${change}`,
      `其中：${lineSentence("VEHICLE_PURCHASE", `公务用车购置支出${wan(tp.VEHICLE_PURCHASE.amount)}`, "")}${held}`,
      lineSentence("VEHICLE_OPERATION", `公务用车运行维护费支出${wan(tp.VEHICLE_OPERATION.amount)}`, ""),
    ].join("\n");
  }

  let reception = "";
  if (tpEntered(RECEPTION)) {
    const change = yearOnYear(c.threePublic.reception.change, py, { subject: "公务接待费支出决算", style: "than", reason: reasonsOf(RECEPTION.map((k) => tp[k].reason)) });
    reception = [
      `3.公务接待费支出${c.threePublic.reception.amount}万元${completionOf(RECEPTION)}。${change}`,
      `其中：${lineSentence("RECEPTION_DOMESTIC", `国内公务接待支出${wan(tp.RECEPTION_DOMESTIC.amount)}`, countsOf("RECEPTION_DOMESTIC", ["批次", "人次"]))}`,
      lineSentence("RECEPTION_FOREIGN", `外事接待支出${wan(tp.RECEPTION_FOREIGN.amount)}`, countsOf("RECEPTION_FOREIGN", ["批次", "人次"])),
    ].join("\n");
  }

  // ── 八、九 政府性基金 / 国有资本经营 ──
  const o = v.other;
  const governmentFund = hasAmount(o.govFund)
    ? `${y}年政府性基金预算拨款支出${wan(o.govFund)}。${wanDecimal(o.govFund).isZero() ? `${y}年本单位未在政府性基金预算拨款安排“三公”经费支出。` : ""}`
    : "";
  const stateCapital = hasAmount(o.soeCapital) ? `${y}年国有资本经营预算拨款支出${wan(o.soeCapital)}。` : "";

  // ── 十、其他重要事项 ──
  let operatingExpenses = "";
  if (hasAmount(o.operatingExpenses)) {
    const head = `${y}年，${shortName}机关运行经费支出${c.operatingExpenses.amount}万元`;
    const change = yearOnYear(c.operatingExpenses.change, py, { subject: "", style: "than", reason: "" });
    operatingExpenses = change ? `${head}，${change}` : `${head}。`;
  }

  let procurement = "";
  if ([o.procurementGoods, o.procurementWorks, o.procurementServices].some(hasAmount)) {
    const head = `${y}年，${shortName}政府采购支出总额${c.procurement.total}万元`;
    const sme = hasAmount(o.procurementSme) && c.procurement.smeShare != null ? `授予中小企业合同金额${wan(o.procurementSme)}，占政府采购支出总额的${c.procurement.smeShare}%。` : "";
    procurement = c.raw.procurement.isZero()
      ? `${head}。`
      : `${head}，其中：政府采购货物支出${wan(o.procurementGoods)}、政府采购工程支出${wan(o.procurementWorks)}、政府采购服务支出${wan(o.procurementServices)}。${sme}`;
  }

  let stateAssets = "";
  const nVehicles = count(o.vehicles);
  const general = count(o.generalEquipmentOver50Wan);
  const special = count(o.specialEquipmentOver100Wan);
  if (nVehicles != null || general != null || special != null) {
    const cars = nVehicles == null ? "" : `共有车辆${nVehicles}辆${o.vehiclesText.trim() ? `，其中：${clause(o.vehiclesText)}` : ""}`;
    const equipment = [general != null ? `单价50万元以上通用设备${general}台（套）` : "", special != null ? `单价100万元以上专用设备${special}台（套）` : ""].filter(Boolean).join("，");
    stateAssets = `截至${y}年12月31日，${shortName}${cars ? `${cars}。${equipment ? `${equipment}。` : ""}` : `${equipment}。`}`;
  }

  return {
    "finalAccounts.overview": overview,
    "finalAccounts.income": income,
    "finalAccounts.expenditure": expenditure,
    "finalAccounts.fiscalAppropriation": fiscalAppropriation,
    "finalAccounts.generalBudget.overall": generalBudgetOverall,
    "finalAccounts.generalBudget.structure": generalBudgetStructure,
    "finalAccounts.generalBudget.detail": generalBudgetDetail,
    "finalAccounts.basicExpenditure": basicExpenditure,
    "finalAccounts.threePublicExpenses.overall": threePublicOverall,
    "finalAccounts.threePublicExpenses.detail": threePublicDetail,
    "finalAccounts.threePublicExpenses.detail.outboundTravel": outboundTravel,
    "finalAccounts.threePublicExpenses.detail.vehicles": vehicles,
    "finalAccounts.threePublicExpenses.detail.reception": reception,
    "finalAccounts.governmentFund": governmentFund,
    "finalAccounts.stateCapital": stateCapital,
    "finalAccounts.otherMatters.operatingExpenses": operatingExpenses,
    "finalAccounts.otherMatters.procurement": procurement,
    "finalAccounts.otherMatters.stateAssets": stateAssets,
  };
}
