/**
 * Demo-data fixture: 2020 部门决算公开 (final-accounts disclosure) of 中共广元市委机构编制委员会办公室
 * (市委编办), 广元市. Transcribed from the published document into guangyuan-2020.json; the
 * application must never read the original text at run time — that file is the product's copy of it.
 *
 * Transcription rules (applied to every string in this file):
 * - Money is a decimal string in 万元 exactly as printed ("426.81", "18", "14.65", "0"); the unit
 *   suffix (万元 / 万) is dropped. Percentages are strings as printed without "%" ("9.24", "99.1").
 *   Counts (staff, vehicles, batches) are integers.
 * - Only printed figures are stored. Figures that merely follow from printed ones (prior-year totals,
 *   budgets implied by completion rates, …) are never stored; some are noted in `derived` comments.
 * - Text normalisation: each printed line/paragraph is trimmed of leading and trailing whitespace
 *   (ASCII spaces, tabs and U+3000 ideographic spaces); blank lines are dropped; the paragraphs that
 *   make up one field, table cell or section body are joined with a single "\n". Nothing else is
 *   changed: stray punctuation, typos, truncations, irregular numbering and one image-extraction
 *   artifact are kept exactly as printed and listed in `knownDiscrepancies`.
 * - Project tables (项目绩效目标完成情况表): in the source layout a line starting with a tab opens a
 *   new cell and a non-blank line without a leading tab is a further paragraph of the current cell;
 *   each indicator row starts with an empty cell followed by 一级指标, 二级指标, 三级指标,
 *   预期指标值, 实际完成指标值. The rule above then applies to each cell.
 * - Leading list numbers ("1.", "（1）") are moved into `number` fields where a type has one; where a
 *   heading and its first paragraph share one printed line, the heading is split off as printed.
 */
/*
 * Notes on fields of guangyuan-2020.json (paths from its root; `projects[n]` is the n-th project):
 * - department.secondLevelBudgetUnits: printed in 机构设置 as 无二级预算单位.
 * - profile.keyWork[]: `${number}.${title}${body}` reassembles the printed paragraph.
 * - finalAccounts.overview.comparison — derived (not printed): 2019 收支总计 = 426.81 + 43.45 = 470.26.
 * - finalAccounts.fiscalAppropriation.comparison — derived (not printed): 2019 财政拨款收支总计 =
 *   426.32 + 33.16 = 459.48.
 * - finalAccounts.generalBudget.overall.comparison — derived (not printed): 2019 一般公共预算财政拨款支出
 *   = 421.84 + 30.09 = 451.93.
 * - finalAccounts.generalBudget.structure.byClass: class amounts add up to 421.83, not the printed
 *   421.84 (see knownDiscrepancies).
 * - finalAccounts.generalBudget.detail.items: codes are 7-digit 2020 功能分类 (类3 + 款2 + 项2). Names
 *   are exactly as printed here (they differ from the structure section and the glossary: see
 *   knownDiscrepancies). No 预算数 is printed, only 完成预算 %.
 * - finalAccounts.basicExpenditure.personnel: 349.33 here vs 349.34 in 支出决算情况说明 and 附件1 (see
 *   knownDiscrepancies).
 * - finalAccounts.threePublicExpenses.detail.text keeps, verbatim, an image-extraction artifact between
 *   “占” and “8.18%” (see knownDiscrepancies).
 * - finalAccounts.threePublicExpenses.detail.vehicles.completionRate is printed equal to the share
 *   (91.82): see knownDiscrepancies.
 * - finalAccounts.threePublicExpenses.detail.vehicles.comparison — derived (not printed): 2019
 *   公务用车购置及运行维护费 = 2.92 + 0.98 = 3.90.
 * - finalAccounts.threePublicExpenses.detail.reception.comparison — derived (not printed): 2019 公务接待费
 *   = 0.26 + 0.17 = 0.43.
 * - finalAccounts.otherMatters.operatingExpenses.comparison — derived (not printed): 2019 机关运行经费 =
 *   30.14 + 9.15 = 39.29.
 * - finalAccounts.otherMatters.performanceManagement.evaluatedProjectCount: printed as 对5个项目编制了绩效目标.
 * - finalAccounts.otherMatters.performanceManagement.projectGoals.summaries[]: `（${number}）${title}${body}`
 *   reassembles the printed paragraph.
 * - projects[n].fundAllocation.items: printed in 附件2 report n + 1, section 1.1.4 (资金分配原则及考虑因素).
 *
 * The assertion below only requires the JSON's shape to be comparable with SeedDepartmentYear (a
 * mistyped literal would compile); the values are checked by guangyuan-2020.test.ts,
 * guangyuan-2020-text.test.ts and the seed's load into the database (seed.int.test.ts).
 */
import type { SeedDepartmentYear } from "./fixture-types";
import transcription from "./guangyuan-2020.json";

export const guangyuan2020 = transcription as SeedDepartmentYear;
