/** Inputs, options and findings of the narrative consistency check (./check). */

export type ProjectFigures = {
  name: string;
  /** 全年预算数, 万元 */
  budget: string;
  /** 年初预算数, 万元 */
  initialBudget?: string;
  /** 全年执行数, 万元 */
  executed: string;
  /** 其中：财政拨款 (预算), 万元 */
  fiscalBudget?: string;
  /** 其他资金 (预算), 万元 */
  otherBudget?: string;
  /** 资金分配, 万元 */
  allocations: { item: string; amount: string }[];
  /** Computed 执行率 %, e.g. "100.00". */
  executionRate?: string;
};

export type NarrativeSection = { key: string; heading: string; body: string };

export type FindingSeverity = "blocking" | "warning";

export type FindingCode =
  | "AMOUNT_MISMATCH"
  | "PERCENT_MISMATCH"
  | "ALLOCATION_SUM_MISMATCH"
  | "ALLOCATION_ITEM_MISMATCH";

export type Finding = {
  severity: FindingSeverity;
  code: FindingCode | (string & {});
  sectionKey: string;
  heading: string;
  /** The sentence containing the figure, trimmed to about 60 characters around it. */
  excerpt: string;
  /** What the text says, e.g. "9万元", "99%". */
  stated: string;
  /** What the figures say, e.g. "18.00万元（全年预算数）". */
  expected: string;
  /** Chinese message naming the section, e.g. "“二、（二）2.资金到位”写明预算9万元，与项目全年预算数18.00万元不一致". */
  message: string;
};

export type CheckOptions = {
  /** Severity per finding code; unspecified codes use `DEFAULT_SEVERITY`. */
  severity?: Partial<Record<FindingCode, FindingSeverity>>;
};
