/**
 * The 2020 部门决算公开 standard tables (收入支出决算总表 … 国有资本经营预算财政拨款支出决算表) and
 * the open-data tables of the projects and the glossary, as plain rows built from a
 * published YearDocument. One definition feeds the Word 附表, the Excel sheets, the CSV
 * files and, for the tables it prints (components/model-table), the page: they never disagree.
 *
 * Amounts stay decimal strings in 万元 with two decimals (never floats) until a writer
 * turns them into a number cell. Nothing is "corrected": where the document's own
 * figures disagree (a printed total against the sum of its lines), the table shows the
 * computed value and says so in its notes.
 */
import type { YearDocument } from "@/features/publication/year-document";
import { glossaryTable, projectIndicatorsTable, projectsTable } from "./open-data-tables";
import { basicTable, expenditureTable, fiscalSummaryTable, generalBudgetTable, govFundTable, incomeTable, soeCapitalTable, summaryTable, threePublicTable } from "./standard-tables";
import type { StandardTable } from "./table-model";

/** Every table of the year document, standard tables first. */
export function buildTables(doc: YearDocument): StandardTable[] {
  return [
    summaryTable(doc),
    incomeTable(doc),
    expenditureTable(doc),
    fiscalSummaryTable(doc),
    generalBudgetTable(doc),
    basicTable(doc),
    threePublicTable(doc),
    govFundTable(doc),
    soeCapitalTable(doc),
    projectsTable(doc),
    projectIndicatorsTable(doc),
    glossaryTable(doc),
  ];
}

/** The table ids a CSV can be asked for, in order. */
export const TABLE_IDS = ["summary", "income", "expenditure", "fiscal-summary", "general-budget", "basic", "three-public", "gov-fund", "soe-capital", "projects", "project-indicators", "glossary"] as const;
export type TableId = (typeof TABLE_IDS)[number];
export const isTableId = (v: string): v is TableId => (TABLE_IDS as readonly string[]).includes(v);
