/**
 * The import layout of the indicator table: sheet names, limits and the columns (template order,
 * header labels and their aliases, widths, fill-in guidance). Shared by the template, the 自评表
 * export and the parser.
 */
import { nameKey } from "./cells";

export { MAX_UPLOAD_BYTES as MAX_IMPORT_BYTES } from "./cells";
export const MAX_IMPORT_ROWS = 20_000;
/** Rows whose 三级指标 starts with this are the template's examples: skipped on import. */
export const EXAMPLE_PREFIX = "【示例】";
export const INDICATOR_SHEET = "绩效指标";
export const SELF_EVALUATION_SHEET = "自评表";
export const GUIDE_SHEET = "填写说明";
export const OPTIONS_SHEET = "选项";
/** Header rows are looked for in the first rows of each sheet. */
export const HEADER_SEARCH_ROWS = 30;
/** exceljs aborts a sheet with more row elements than this (blank and title rows allowed for). */
export const MAX_SHEET_ROWS = MAX_IMPORT_ROWS + 1_000;

export type ColumnKey =
  | "level1"
  | "level2"
  | "name"
  | "nature"
  | "target"
  | "unit"
  | "targetText"
  | "actual"
  | "actualText"
  | "weight"
  | "score"
  | "applicable"
  | "deviation"
  | "id";


type ColumnDef = { key: ColumnKey; header: string; aliases: string[]; width: number; required: boolean; guide: string };

/** The import/export columns, in template order. */
export const INDICATOR_COLUMNS: readonly ColumnDef[] = [
  { key: "level1", header: "一级指标", aliases: ["一级"], width: 16, required: true, guide: "从下拉列表选择本项目指标体系中的一级指标。" },
  { key: "level2", header: "二级指标", aliases: ["二级"], width: 16, required: true, guide: "从下拉列表选择，必须属于同一行的一级指标（先选一级指标，下拉列表才会列出其二级指标）。" },
  { key: "name", header: "三级指标", aliases: ["三级", "指标名称", "三级指标名称"], width: 30, required: true, guide: "指标名称，最多500个字。以“【示例】”开头的行是示例，导入时自动忽略。" },
  { key: "nature", header: "指标性质", aliases: ["性质", "指标方向", "指标类型"], width: 10, required: true, guide: "≥（正向，越大越好）、≤（反向，越小越好）、＝（等于）或 定性；也可填写“正向”“反向”“>=”“<=”。" },
  { key: "target", header: "指标值", aliases: ["年度指标值", "预期指标值", "目标值", "指标目标值"], width: 14, required: true, guide: "定量指标填写数字（如 95）；百分比可直接填 95%，此时计量单位为 %。定性指标填写文字描述（如“明显提升”）。" },
  { key: "unit", header: "计量单位", aliases: ["单位"], width: 10, required: false, guide: "定量指标必填，如 %、人次、个、万元、月；最多20个字。定性指标不填。" },
  { key: "targetText", header: "指标值说明", aliases: ["指标说明", "指标值描述"], width: 24, required: false, guide: "选填：指标值的文字说明（如“全年培训不少于200人次”）。定性指标的指标值未填时以此列为准。" },
  { key: "actual", header: "实际完成值", aliases: ["实际完成指标值", "实际值", "完成值"], width: 14, required: false, guide: "定量指标填写数字（百分比同指标值）；定性指标填写文字。年初编制目标时可不填。" },
  { key: "actualText", header: "实际完成情况", aliases: ["完成情况", "实际完成情况说明"], width: 24, required: false, guide: "选填：实际完成情况的文字说明。" },
  { key: "weight", header: "分值", aliases: ["权重", "指标分值"], width: 8, required: false, guide: "0～100，最多2位小数。填写任一分值后，每个一级指标下各行分值之和须等于该一级指标的分值。" },
  { key: "score", header: "得分", aliases: ["自评得分"], width: 8, required: false, guide: "仅定性指标填写（不超过分值）；定量指标的得分由系统按完成值自动计算，此列填写的内容将被忽略。" },
  { key: "applicable", header: "是否适用", aliases: ["适用"], width: 10, required: false, guide: "是 或 否，空白视为“是”。不适用的指标不计分，其余指标按比例折算。" },
  { key: "deviation", header: "偏差原因分析及改进措施", aliases: ["偏差原因分析", "偏差原因", "偏差原因及改进措施"], width: 36, required: false, guide: "实际完成值未达到指标值（或定性指标得分低于分值）时必填。" },
  { key: "id", header: "行标识", aliases: [], width: 12, required: false, guide: "系统导出文件中的隐藏列，用于保留原指标（及其审核意见）；请勿修改。新模板中没有此列。" },
];

const COLUMN_BY_KEY = new Map(INDICATOR_COLUMNS.map((c) => [c.key, c]));
export const col = (key: ColumnKey) => COLUMN_BY_KEY.get(key)!;
export const REQUIRED_KEYS = INDICATOR_COLUMNS.filter((c) => c.required).map((c) => c.key);

/** A header label reduced for lookup: no spaces or marks, no trailing "(…)". */
export function headerKey(s: string): string {
  return nameKey(s)
    .replace(/[*＊:：]/g, "")
    .replace(/\([^)]*\)$/, "");
}

/** Every header label and alias (as `headerKey`) → its column. */
export const HEADER_LOOKUP = new Map<string, ColumnKey>();
for (const c of INDICATOR_COLUMNS) for (const label of [c.header, ...c.aliases]) HEADER_LOOKUP.set(headerKey(label), c.key);
