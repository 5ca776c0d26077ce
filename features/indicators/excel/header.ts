/** Finding the indicator table's header row (by its labels) in an uploaded workbook. */
import type ExcelJS from "exceljs";
import { fileError, type ImportError, scalarOf } from "./cells";
import { col, type ColumnKey, HEADER_LOOKUP, HEADER_SEARCH_ROWS, headerKey, INDICATOR_SHEET, REQUIRED_KEYS } from "./columns";

export type Header = { ws: ExcelJS.Worksheet; row: number; cols: Map<ColumnKey, number> };
type HeaderSearch = { ok: true; header: Header } | { ok: false; error: ImportError };

export function findHeader(wb: ExcelJS.Workbook): HeaderSearch {
  const sheets = [...wb.worksheets].sort((a, b) => Number(b.name === INDICATOR_SHEET) - Number(a.name === INDICATOR_SHEET));
  let best: { ws: ExcelJS.Worksheet; row: number; found: Set<ColumnKey> } | null = null;
  for (const ws of sheets) {
    const last = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
    for (let r = 1; r <= last; r++) {
      const cols = new Map<ColumnKey, number>();
      ws.getRow(r).eachCell((cell, c) => {
        const s = scalarOf(cell);
        if (s.kind !== "text") return;
        const key = HEADER_LOOKUP.get(headerKey(s.text));
        if (key && !cols.has(key)) cols.set(key, c);
      });
      const found = new Set([...cols.keys()].filter((k) => REQUIRED_KEYS.includes(k)));
      if (found.size === REQUIRED_KEYS.length) return { ok: true, header: { ws, row: r, cols } };
      if (found.size >= 3 && (!best || found.size > best.found.size)) best = { ws, row: r, found };
    }
  }
  if (best) {
    const missing = REQUIRED_KEYS.filter((k) => !best.found.has(k)).map((k) => `“${col(k).header}”`);
    return {
      ok: false,
      error: { row: best.row, column: "", cell: `${best.ws.name}!${best.row}:${best.row}`, message: `工作表“${best.ws.name}”第${best.row}行的表头缺少${missing.join("、")}列，请使用系统提供的导入模板` },
    };
  }
  const required = REQUIRED_KEYS.map((k) => col(k).header).join("、");
  return { ok: false, error: fileError(`未找到指标表头：文件中没有包含“${required}”等列名的表头行，请下载并使用系统提供的导入模板`) };
}

// ───────────────────────────── parsing ─────────────────────────────
