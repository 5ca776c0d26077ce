/** The plain table model every export writes (Word 附表, Excel sheets, CSV files): see ./tables. */

export type ColumnKind = "text" | "code" | "amount" | "percent" | "count";
export type TableColumn = {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Relative width (characters, roughly) for Word and Excel. */
  width: number;
};
export type CellValue = string | number | null;
export type TableRow = {
  cells: Record<string, CellValue>;
  /** 0 = 类 / a total row, 1 = 款, 2 = 项 (indentation and weight in Word/Excel). */
  level?: number;
  total?: boolean;
};
export type StandardTable = {
  /** Slug of the CSV (`?format=csv&table=<id>`). */
  id: string;
  title: string;
  /** Amount unit of the table, printed above it. */
  unit: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Where the table's computed values disagree with the printed document, or a value is derived. */
  notes: string[];
  /** Shown among the 附表 of the Word file and as an Excel sheet (the project and glossary tables have their own layouts there). */
  standard: boolean;
};
