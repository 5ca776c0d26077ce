/**
 * Classification of a figure in the narrative by the clause before it (rules 1–5 in ./check):
 * skipped, a listing's total, an allocation item, or one of the project's figures by keyword.
 */
import type { ProjectFigures } from "./types";

const SKIP_CONTEXT =
  /(增加|减少|增长|下降|节约|节省|结余|结转|剩余|余额|差额|超支|超出|单价|人均|每人|同比|上年|去年)/;
const TOTAL_AT_END = /(共计|合计|总计|总共|共)(为|是|达)?$/;
/** Fee words that are not allocation items (经费 = funding, 收费/缴费/免费 are verbs, 花费/消费 = spending). */
const NOT_ITEM_FEE = "经收缴免花消";

export type FigureKind = "initialBudget" | "fullYearBudget" | "budget" | "executed" | "fiscalBudget" | "otherBudget";

const KEYWORDS: { word: string; kind: FigureKind }[] = [
  { word: "年初预算", kind: "initialBudget" },
  { word: "全年预算", kind: "fullYearBudget" },
  { word: "调整后预算", kind: "fullYearBudget" },
  { word: "预算", kind: "budget" },
  { word: "批复", kind: "budget" },
  { word: "下达", kind: "budget" },
  { word: "到位", kind: "budget" },
  { word: "安排", kind: "budget" },
  { word: "执行", kind: "executed" },
  // Money completed, paid out or cashed is spent: "完成预算资金89.97万元" is 执行数, not 预算.
  { word: "完成预算", kind: "executed" },
  { word: "完成", kind: "executed" },
  { word: "拨付", kind: "executed" },
  { word: "兑付", kind: "executed" },
  { word: "支出", kind: "executed" },
  { word: "使用", kind: "executed" },
  { word: "支付", kind: "executed" },
  { word: "开支", kind: "executed" },
  { word: "花费", kind: "executed" },
  { word: "决算", kind: "executed" },
  { word: "财政拨款", kind: "fiscalBudget" },
  { word: "其他资金", kind: "otherBudget" },
  { word: "其它资金", kind: "otherBudget" },
];

export type Classification =
  | { kind: "skip" }
  | { kind: "unknown" }
  | { kind: "total"; keyword: string }
  | { kind: "item"; item: { item: string; amount: string }; byPurpose?: boolean }
  | { kind: "unmatchedItem"; fee: string }
  | { kind: "figure"; figure: FigureKind; keyword: string };

/** The last fee word of a clause: up to two characters before a 费, plus 费. */
function lastFeeWord(prefix: string): string | null {
  const re = /([\u4e00-\u9fff]{1,2})费/g;
  let last: string | null = null;
  for (let m = re.exec(prefix); m !== null; m = re.exec(prefix)) {
    const before = m[1]!;
    if (NOT_ITEM_FEE.includes(before[before.length - 1]!)) continue;
    last = m[0];
  }
  return last;
}

function matchItem(
  prefix: string,
  allocations: ProjectFigures["allocations"],
): { item: { item: string; amount: string } } | { ambiguous: true } | null {
  const direct = allocations.filter((a) => a.item !== "" && prefix.includes(a.item));
  if (direct.length > 0) {
    const longest = Math.max(...direct.map((a) => a.item.length));
    const best = direct.filter((a) => a.item.length === longest);
    return best.length === 1 ? { item: best[0]! } : { ambiguous: true };
  }
  const fee = lastFeeWord(prefix);
  if (fee) {
    const containing = allocations.filter((a) => a.item.includes(fee));
    if (containing.length === 1) return { item: containing[0]! };
    if (containing.length > 1) return { ambiguous: true };
  }
  return null;
}

/**
 * Compound terms whose 预算 / 执行 is no statement of an amount ("预算绩效评价经费3万元" is not a
 * budget of 3万元); they are blanked out before the keyword search.
 */
const NOT_FIGURE_TERMS = /预算绩效|预算管理|预算编制|预算单位|预算科目|执行率|绩效评价/g;

export function classify(rawPrefix: string, project: ProjectFigures, hasListing: boolean): Classification {
  if (SKIP_CONTEXT.test(rawPrefix)) return { kind: "skip" };
  const prefix = rawPrefix.replace(NOT_FIGURE_TERMS, (t) => "＿".repeat(t.length));
  const total = TOTAL_AT_END.exec(prefix);
  if (total && hasListing) return { kind: "total", keyword: total[1]! };
  if (!total) {
    const item = matchItem(prefix, project.allocations);
    if (item && "item" in item) return { kind: "item", item: item.item };
    const fee = lastFeeWord(prefix);
    if (item || fee) return { kind: "unmatchedItem", fee: fee ?? "" };
  }
  let best: { end: number; word: string; kind: FigureKind } | null = null;
  for (const k of KEYWORDS) {
    const at = prefix.lastIndexOf(k.word);
    if (at < 0) continue;
    const end = at + k.word.length;
    if (!best || end > best.end || (end === best.end && k.word.length > best.word.length)) {
      best = { end, word: k.word, kind: k.kind };
    }
  }
  if (best) return { kind: "figure", figure: best.kind, keyword: best.word };
  return { kind: "unknown" };
}

/**
 * "29.99万元用于会务费" states an allocation by its purpose, after the amount. The purpose
 * (up to the clause's end) is matched against the allocation table like a prefix is; a
 * purpose that carries amounts of its own ("18万元用于会务费3万元和…") is a listing, not an item.
 */
const PURPOSE_AFTER = /^[ 	　]*(?:专项|主要|全部|均|将)?用于([^，。；,;！？\n]{1,40})/;
export function allocationByPurpose(suffix: string, project: ProjectFigures): { item: string; amount: string } | null {
  const m = PURPOSE_AFTER.exec(suffix);
  if (!m || project.allocations.length === 0) return null;
  const purpose = m[1]!;
  if (/\d/.test(purpose)) return null;
  const found = matchItem(purpose, project.allocations);
  return found && "item" in found ? found.item : null;
}

/** An execution-rate keyword right before the percentage (only connectors in between). */
export const EXECUTION_RATE_CONTEXT = /(执行率|完成预算|完成全年预算|完成年度预算|预算完成率|执行进度)(的|为|达|达到|是|了)*$/;
export const PERCENT_SKIP_CONTEXT = /(占|比|同比|增长|下降|增加|减少)/;

