/**
 * Reading uploaded workbooks: one `loadWorkbook` (size, format and corruption checks with
 * Chinese messages) used by every .xlsx upload, and the cell readers the parsers share.
 */
import { Decimal, fmt1 } from "@/lib/money";
import ExcelJS from "exceljs";
import type { Nature } from "../schema";
import { halfWidth } from "../value";
import { guardXlsxZip } from "./zip-guard";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type ImportError = { row: number; column: string; cell: string; message: string };

export function fileError(message: string): ImportError {
  return { row: 0, column: "", cell: "", message };
}

export function toBytes(input: Buffer | ArrayBuffer | Uint8Array): Buffer {
  if (Buffer.isBuffer(input)) return input;
  if (input instanceof Uint8Array) return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return Buffer.from(input);
}


export type LoadedWorkbook = { ok: true; workbook: ExcelJS.Workbook } | { ok: false; message: string };

/** Loads an uploaded .xlsx, or says in Chinese why it cannot be read. */
export async function loadWorkbook(
  input: Buffer | ArrayBuffer | Uint8Array,
  opts: { maxRows?: number; maxRowsMessage?: string; what?: string } = {},
): Promise<LoadedWorkbook> {
  const bytes = toBytes(input);
  const fail = (message: string): LoadedWorkbook => ({ ok: false, message });
  const hint = opts.what ?? "请下载导入模板填写后再导入";
  if (bytes.length === 0) return fail("文件为空，请选择填写好的 Excel（.xlsx）文件");
  if (bytes.length > MAX_UPLOAD_BYTES) return fail(`文件超过5 MB（${fmt1(bytes.length / 1024 / 1024)} MB），请删除无关内容或分批导入`);
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return fail("不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为”.xlsx 格式后再导入");
  if (!bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return fail(`文件不是有效的 Excel（.xlsx）文件，${hint}`);
  // Zip-bomb guard: inflated size, compression ratio, entry count, size consistency and per-sheet
  // row count, checked before ExcelJS inflates anything.
  const guard = guardXlsxZip(bytes, { maxRows: opts.maxRows, maxRowsMessage: opts.maxRowsMessage });
  if (!guard.ok) return fail("message" in guard ? guard.message : `无法读取文件：文件不是有效的 Excel（.xlsx）文件或已损坏，${hint}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes, {
      ignoreNodes: ["dataValidations", "conditionalFormatting", "extLst", "drawing", "legacyDrawing", "picture", "tableParts"],
      ...(opts.maxRows ? { maxRows: opts.maxRows } : {}),
    } as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    if (e instanceof Error && /Max row count/i.test(e.message)) return fail(opts.maxRowsMessage ?? "行数超过上限，请分批导入");
    return fail(`无法读取文件：文件不是有效的 Excel（.xlsx）文件或已损坏，${hint}`);
  }
  if (wb.worksheets.length === 0) return fail(`文件中没有工作表，${hint}`);
  return { ok: true, workbook: wb };
}

/** Half-width forms of full-width ASCII (ＡＢ１２．％＝ …) and the ideographic space. */

/** For comparing names: half-width, no whitespace. */
export function nameKey(s: string): string {
  return halfWidth(s).replace(/\s+/g, "");
}


export type Scalar =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; percent: boolean }
  | { kind: "bool"; value: boolean }
  | { kind: "date"; value: Date }
  | { kind: "error"; code: string };

function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && fmt.replace(/"[^"]*"/g, "").replace(/\\./g, "").includes("%");
}

export function scalarOf(cell: ExcelJS.Cell): Scalar {
  let v: unknown = cell.value;
  if (v && typeof v === "object" && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) v = o.result ?? null;
    else if (Array.isArray(o.richText)) v = (o.richText as { text: string }[]).map((t) => t.text).join("");
    else if ("hyperlink" in o) {
      const t = o.text as unknown;
      v = t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText) ? ((t as { richText: { text: string }[] }).richText.map((x) => x.text).join("")) : t;
    }
  }
  if (v === null || v === undefined) return { kind: "empty" };
  if (typeof v === "object" && !(v instanceof Date) && "error" in (v as object)) return { kind: "error", code: String((v as { error: unknown }).error) };
  if (typeof v === "string") return v.trim() === "" ? { kind: "empty" } : { kind: "text", text: v.trim() };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v, percent: isPercentFormat(cell.numFmt) } : { kind: "error", code: "#NUM!" };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (v instanceof Date) return { kind: "date", value: v };
  return { kind: "text", text: String(v).trim() };
}

/** A JS number from Excel as an exact decimal string: 15 significant digits, as Excel keeps them. */
export function numberText(n: number): string {
  const d = new Decimal(n.toPrecision(15));
  return d.isZero() ? "0" : d.toFixed();
}

export const timesHundred = (s: string) => {
  const d = new Decimal(s).times(100);
  return d.isZero() ? "0" : d.toFixed();
};

export function dateText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/** A cell as text, whatever it holds (numbers as Excel shows them; percent cells as "95%"). */
export function textOf(s: Scalar): string {
  switch (s.kind) {
    case "empty":
      return "";
    case "text":
      return s.text;
    case "number":
      return s.percent ? `${timesHundred(numberText(s.value))}%` : numberText(s.value);
    case "bool":
      return s.value ? "是" : "否";
    case "date":
      return dateText(s.value);
    case "error":
      return s.code;
  }
}

const NATURE_WORDS = new Map<string, Nature>([
  ["≥", "GTE"],
  [">=", "GTE"],
  ["≧", "GTE"],
  [">", "GTE"],
  ["正向", "GTE"],
  ["正向指标", "GTE"],
  ["大于等于", "GTE"],
  ["GTE", "GTE"],
  ["≤", "LTE"],
  ["<=", "LTE"],
  ["≦", "LTE"],
  ["<", "LTE"],
  ["反向", "LTE"],
  ["反向指标", "LTE"],
  ["小于等于", "LTE"],
  ["LTE", "LTE"],
  ["=", "EQ"],
  ["==", "EQ"],
  ["等于", "EQ"],
  ["EQ", "EQ"],
  ["定性", "QUALITATIVE"],
  ["定性指标", "QUALITATIVE"],
  ["QUALITATIVE", "QUALITATIVE"],
]);

export function natureOf(raw: string): Nature | null {
  const s = nameKey(raw).toUpperCase();
  const direct = NATURE_WORDS.get(s);
  if (direct) return direct;
  // "≥（正向）", "正向(≥)"
  const outside = s.replace(/\([^)]*\)/g, "");
  const inside = /\(([^)]*)\)/.exec(s)?.[1] ?? "";
  return NATURE_WORDS.get(outside) ?? NATURE_WORDS.get(inside) ?? null;
}

export const YES = new Set(["是", "Y", "YES", "TRUE", "适用", "√", "1"]);
export const NO = new Set(["否", "N", "NO", "FALSE", "不适用", "×", "X", "0"]);

