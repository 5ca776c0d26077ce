/** The plain table model of the published tables, which the page (hence the PDF), Word, Excel and CSV all lay out: see ./tables. */

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
  /**
   * Where the document printed another figure than the computed one in a cell, the printed one by
   * column key: the page shows it beside the computed value; Word, Excel and CSV say it in the notes.
   */
  printed?: Partial<Record<string, string | null>>;
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

/** A table's notes as printed under it (Word, Excel, the page): “注：” before the first, numbered when more than one. */
export function noteLines(notes: readonly string[]): string[] {
  return notes.map((n, i) => `${i === 0 ? "注：" : "　　"}${notes.length > 1 ? `${i + 1}.` : ""}${n}`);
}

/** Whether a column holds numbers (right-aligned everywhere). */
export const isNumericColumn = (c: TableColumn) => c.kind === "amount" || c.kind === "percent" || c.kind === "count";

/** A column of a table. */
export const col = (key: string, header: string, kind: ColumnKind, width: number): TableColumn => ({ key, header, kind, width });
