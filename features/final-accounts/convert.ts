/**
 * Stored final accounts (元, Decimal, rows) ↔ editor values (万元 strings). The
 * figures the editor owns are listed in MANAGED_FIGURE_KEYS; other FinalAccountFigure
 * rows (the totals a published document printed, kept beside the computed ones)
 * are never written by the editor.
 */
import { Decimal } from "@/lib/money";
import { formatWan, wanTextToYuan, yuanToWanText } from "@/lib/money";
import { INCOME_SOURCES, PRIOR_FIELDS, PRIOR_KEYS, THREE_PUBLIC_KINDS, type FinalAccountsInput, type FinalAccountsValues } from "./schema";

type Amount = { toString(): string } | null;
type Figure = { key: string; amount: Amount; quantity: number | null; text: string };

export type StoredFinalAccounts = {
  staffing: {
    staffAuthorizedTotal: number | null;
    staffAuthorizedAdministrative: number | null;
    staffAuthorizedInstitution: number | null;
    staffAuthorizedLogistics: number | null;
    staffActualTotal: number | null;
    staffActualAdministrative: number | null;
    staffActualInstitution: number | null;
    staffActualLogistics: number | null;
    staffRetired: number | null;
  };
  incomeLines: { source: string; amount: Amount }[];
  expenditureLines: { functionCode: string; budget: Amount; basic: Amount; project: Amount; reason: string }[];
  basicItems: { category: string; name: string }[];
  threePublicLines: { kind: string; budget: Amount; amount: Amount; batches: number | null; persons: number | null; description: string; reason: string }[];
  figures: Figure[];
  glossary: { term: string; definition: string }[];
  /** The previous year's own figures (fallback for the comparison figures). */
  priorFigures: Figure[];
};

/** Figure keys that map one-to-one to an amount input. */
const AMOUNT_FIGURES = {
  "balance.opening": (v: FinalAccountsValues) => v.balances.opening,
  "balance.closing": (v: FinalAccountsValues) => v.balances.closing,
  "basic.personnel": (v: FinalAccountsValues) => v.basic.personnel,
  "basic.publicUse": (v: FinalAccountsValues) => v.basic.publicUse,
  "threePublic.budget": (v: FinalAccountsValues) => v.threePublicBudget,
  "govFund.expenditure": (v: FinalAccountsValues) => v.other.govFund,
  "soeCapital.expenditure": (v: FinalAccountsValues) => v.other.soeCapital,
  operatingExpenses: (v: FinalAccountsValues) => v.other.operatingExpenses,
  "procurement.goods": (v: FinalAccountsValues) => v.other.procurementGoods,
  "procurement.works": (v: FinalAccountsValues) => v.other.procurementWorks,
  "procurement.services": (v: FinalAccountsValues) => v.other.procurementServices,
  "procurement.sme": (v: FinalAccountsValues) => v.other.procurementSme,
} as const;

const QUANTITY_FIGURES = {
  "assets.generalEquipmentOver50Wan": (v: FinalAccountsValues) => v.other.generalEquipmentOver50Wan,
  "assets.specialEquipmentOver100Wan": (v: FinalAccountsValues) => v.other.specialEquipmentOver100Wan,
  "performance.projectsWithGoals": (v: FinalAccountsValues) => v.other.projectsWithGoals,
} as const;

export const PRIOR_PREFIX = "prior.";
export const EXPLAIN_PREFIX = "explain.";

/** Whether the editor owns a figure row (and so may replace or delete it). */
export function isManagedFigure(key: string) {
  return key in AMOUNT_FIGURES || key in QUANTITY_FIGURES || key === "assets.vehicles" || key === "procurement.total" || key.startsWith(PRIOR_PREFIX) || key.startsWith(EXPLAIN_PREFIX);
}

/** The editor's staffing fields and the columns that store them. */
const STAFFING_COLUMNS = {
  authorizedTotal: "staffAuthorizedTotal",
  authorizedAdministrative: "staffAuthorizedAdministrative",
  authorizedInstitution: "staffAuthorizedInstitution",
  authorizedLogistics: "staffAuthorizedLogistics",
  actualTotal: "staffActualTotal",
  actualAdministrative: "staffActualAdministrative",
  actualInstitution: "staffActualInstitution",
  actualLogistics: "staffActualLogistics",
  retired: "staffRetired",
} as const;
type StaffingField = keyof typeof STAFFING_COLUMNS;
const STAFFING_FIELDS = Object.keys(STAFFING_COLUMNS) as StaffingField[];

const wan = (v: Amount) => yuanToWanText(v);
const count = (n: number | null | undefined) => (n == null ? "" : String(n));
/** The item names of a 基本支出 list as typed (顿号, commas, semicolons or lines between them), each once. */
export const splitItems = (s: string) => [...new Set(s.split(/[、，,;；\n]+/).map((x) => x.trim()).filter(Boolean))];

export function toFormValues(s: StoredFinalAccounts): FinalAccountsInput {
  const fig = (key: string) => s.figures.find((f) => f.key === key);
  const amount = (key: string) => wan(fig(key)?.amount ?? null);
  const tp = (kind: string) => s.threePublicLines.find((l) => l.kind === kind);
  const st = s.staffing;
  return {
    staffing: Object.fromEntries(STAFFING_FIELDS.map((f) => [f, count(st[STAFFING_COLUMNS[f]])])) as FinalAccountsInput["staffing"],
    balances: { opening: amount("balance.opening"), closing: amount("balance.closing") },
    income: Object.fromEntries(INCOME_SOURCES.map((src) => [src, wan(s.incomeLines.find((l) => l.source === src)?.amount ?? null)])) as FinalAccountsInput["income"],
    lines: s.expenditureLines.map((l) => ({ functionCode: l.functionCode, budget: wan(l.budget), basic: wan(l.basic), project: wan(l.project), reason: l.reason })),
    basic: {
      personnel: amount("basic.personnel"),
      publicUse: amount("basic.publicUse"),
      personnelItems: s.basicItems.filter((b) => b.category === "PERSONNEL").map((b) => b.name).join("、"),
      publicUseItems: s.basicItems.filter((b) => b.category === "PUBLIC_USE").map((b) => b.name).join("、"),
    },
    threePublic: Object.fromEntries(
      THREE_PUBLIC_KINDS.map((k) => {
        const l = tp(k);
        return [k, { budget: wan(l?.budget ?? null), amount: wan(l?.amount ?? null), batches: count(l?.batches), persons: count(l?.persons), description: l?.description ?? "", reason: l?.reason ?? "" }];
      }),
    ) as FinalAccountsInput["threePublic"],
    threePublicBudget: amount("threePublic.budget"),
    other: {
      govFund: amount("govFund.expenditure"),
      soeCapital: amount("soeCapital.expenditure"),
      operatingExpenses: amount("operatingExpenses"),
      procurementGoods: amount("procurement.goods"),
      procurementWorks: amount("procurement.works"),
      procurementServices: amount("procurement.services"),
      procurementSme: amount("procurement.sme"),
      vehicles: count(fig("assets.vehicles")?.quantity),
      vehiclesText: fig("assets.vehicles")?.text ?? "",
      generalEquipmentOver50Wan: count(fig("assets.generalEquipmentOver50Wan")?.quantity),
      specialEquipmentOver100Wan: count(fig("assets.specialEquipmentOver100Wan")?.quantity),
      projectsWithGoals: count(fig("performance.projectsWithGoals")?.quantity),
    },
    prior: Object.fromEntries(
      PRIOR_KEYS.map((k) => [k, wan(fig(`${PRIOR_PREFIX}${PRIOR_FIELDS[k]}`)?.amount ?? s.priorFigures.find((f) => f.key === PRIOR_FIELDS[k])?.amount ?? null)]),
    ) as FinalAccountsInput["prior"],
    glossary: s.glossary.map((g) => ({ term: g.term, definition: g.definition })),
    explanations: Object.fromEntries(s.figures.filter((f) => f.key.startsWith(EXPLAIN_PREFIX)).map((f) => [f.key.slice(EXPLAIN_PREFIX.length), f.text])),
  };
}

const yuan = (w: string) => wanTextToYuan(w);
const optionalYuan = (w: string) => (w === "" ? null : yuan(w));
const optionalInt = (s: string) => (s === "" ? null : Number(s));

export type FigureRow = { key: string; amount: Decimal | null; quantity: number | null; text: string };

/** The rows the editor's values stand for (元). */
export function toStoredRows(v: FinalAccountsValues) {
  const figures: FigureRow[] = [];
  for (const [key, get] of Object.entries(AMOUNT_FIGURES)) {
    const w = get(v);
    if (w !== "") figures.push({ key, amount: yuan(w), quantity: null, text: "" });
  }
  for (const [key, get] of Object.entries(QUANTITY_FIGURES)) {
    const q = get(v);
    if (q !== "") figures.push({ key, amount: null, quantity: Number(q), text: "" });
  }
  if (v.other.vehicles !== "" || v.other.vehiclesText) figures.push({ key: "assets.vehicles", amount: null, quantity: optionalInt(v.other.vehicles), text: v.other.vehiclesText });
  const procurement = yuan(v.other.procurementGoods).plus(yuan(v.other.procurementWorks)).plus(yuan(v.other.procurementServices));
  figures.push({ key: "procurement.total", amount: procurement, quantity: null, text: "计算：货物 + 工程 + 服务" });
  for (const k of PRIOR_KEYS) {
    const w = v.prior[k];
    if (w !== "") figures.push({ key: `${PRIOR_PREFIX}${PRIOR_FIELDS[k]}`, amount: yuan(w), quantity: null, text: "上年决算数" });
  }
  for (const [code, text] of Object.entries(v.explanations)) {
    if (text.trim()) figures.push({ key: `${EXPLAIN_PREFIX}${code}`, amount: null, quantity: null, text: text.trim() });
  }
  const s = v.staffing;
  return {
    staffing: Object.fromEntries(STAFFING_FIELDS.map((f) => [STAFFING_COLUMNS[f], optionalInt(s[f])])) as Record<(typeof STAFFING_COLUMNS)[StaffingField], number | null>,
    income: INCOME_SOURCES.filter((src) => !yuan(v.income[src]).isZero()).map((src) => ({ source: src, amount: yuan(v.income[src]) })),
    lines: v.lines.map((l, i) => ({ functionCode: l.functionCode, budget: optionalYuan(l.budget), basic: yuan(l.basic), project: yuan(l.project), reason: l.reason, sortOrder: i })),
    basicItems: [
      ...splitItems(v.basic.personnelItems).map((name) => ({ category: "PERSONNEL" as const, name })),
      ...splitItems(v.basic.publicUseItems).map((name) => ({ category: "PUBLIC_USE" as const, name })),
    ].map((b, i) => ({ ...b, sortOrder: i })),
    threePublic: THREE_PUBLIC_KINDS.map((kind) => {
      const l = v.threePublic[kind];
      return { kind, budget: optionalYuan(l.budget), amount: yuan(l.amount), batches: optionalInt(l.batches), persons: optionalInt(l.persons), description: l.description, reason: l.reason };
    }),
    glossary: v.glossary.map((g, i) => ({ term: g.term, definition: g.definition, sortOrder: i + 1 })),
    figures,
  };
}

/** Field-by-field differences between two versions of the values, for the audit log. */
export function diffValues(before: unknown, after: unknown, path = "", out: { path: string; from: string; to: string }[] = []) {
  if (out.length >= 200) return out;
  if (before && after && typeof before === "object" && typeof after === "object") {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of keys) diffValues((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
    return out;
  }
  const norm = (x: unknown) => (x == null ? "" : typeof x === "object" ? JSON.stringify(x) : String(x));
  const [a, b] = [norm(before), norm(after)];
  const numeric = /^\d+(\.\d+)?$/;
  const same = a === b || (numeric.test(a || "0") && numeric.test(b || "0") && new Decimal(a || "0").equals(b || "0"));
  if (!same) out.push({ path, from: a, to: b });
  return out;
}

/** Totals a published document printed, shown in the editor beside the computed ones. */
const PRINTED_KEYS = ["total.incomeExpenditure", "total.income", "total.expenditure", "expenditure.basic", "expenditure.project", "fiscal.total", "generalBudget.expenditure", "basic.total", "threePublic.total"] as const;

/**
 * The printed totals among the stored figures (元), in 万元 with two decimals as the editor prints
 * its computed totals ("426.81"), so that the two compare as text.
 */
export function printedTotals(figures: readonly { key: string; amount: Amount }[]): Partial<Record<(typeof PRINTED_KEYS)[number], string>> {
  return Object.fromEntries(
    PRINTED_KEYS.flatMap((k) => {
      const amount = figures.find((f) => f.key === k)?.amount;
      return amount != null ? [[k, formatWan(amount)]] : [];
    }),
  );
}
