/** Page, type sizes and the paragraph and table-cell builders of the Word export (./docx). */
import { AlignmentType, BorderStyle, HeadingLevel, LineRuleType, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from "docx";
import type { HeadingLevel as Level } from "./outline";
import type { TableColumn } from "./table-model";

// ───────────────────────────── page and type ─────────────────────────────

// A4 in twips; margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
export const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const LATIN = "Times New Roman";
export const FONTS = { song: "SimSun", fang: "FangSong", hei: "SimHei", kai: "KaiTi" } as const;
export const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });

// Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt.
export const SIZE = { title: 44, body: 32, tableTitle: 28, table: 21, tableSmall: 18, note: 18, footer: 18 };
export const BODY_LINE = 560; // exactly 28 pt: 22 lines a page, as official documents print
export const INDENT_2_CHARS = 640;

const HEADING_BY_LEVEL = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
  5: HeadingLevel.HEADING_5,
  6: HeadingLevel.HEADING_6,
} as const;

const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const TABLE_BORDERS = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

// ───────────────────────────── paragraphs ─────────────────────────────

export function heading(text: string, level: Level, opts: { pageBreakBefore?: boolean; center?: boolean } = {}) {
  return new Paragraph({
    heading: HEADING_BY_LEVEL[level],
    children: [new TextRun(opts.center ? { text, font: font(FONTS.hei) } : text)],
    keepNext: true,
    keepLines: true,
    pageBreakBefore: opts.pageBreakBefore,
    ...(opts.center ? { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 240, after: 240 } } : {}),
  });
}

export function body(text: string) {
  return new Paragraph({ children: [new TextRun(text)], indent: { firstLine: INDENT_2_CHARS }, alignment: AlignmentType.JUSTIFIED });
}

export function centered(text: string, opts: { size?: number; bold?: boolean; eastAsia?: string; before?: number; after?: number; keepNext?: boolean } = {}) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: opts.keepNext ?? true,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: 360, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, size: opts.size, bold: opts.bold, font: opts.eastAsia ? font(opts.eastAsia) : undefined })],
  });
}

export function small(text: string, opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean; size?: number } = {}) {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.LEFT,
    keepNext: opts.keepNext,
    spacing: { before: 40, after: 40, line: 276, lineRule: LineRuleType.AUTO },
    children: [new TextRun({ text, size: opts.size ?? SIZE.note, font: font(FONTS.song) })],
  });
}

// ───────────────────────────── table cells ─────────────────────────────

export type CellOpts = {
  bold?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  columnSpan?: number;
  rowSpan?: number;
  shade?: boolean;
  size?: number;
  indentLeft?: number;
  width?: number;
};

/** A table cell of SimSun text; line breaks in `text` become paragraphs. */
export function cell(text: string | null | undefined, o: CellOpts = {}) {
  const lines = (text ?? "").split(/\r?\n/).map((l) => l.trim());
  const kept = lines.filter((l, i) => l !== "" || i === 0);
  return new TableCell({
    columnSpan: o.columnSpan,
    rowSpan: o.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    width: o.width ? { size: o.width, type: WidthType.DXA } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: o.shade ? { type: ShadingType.CLEAR, color: "auto", fill: "EDEDED" } : undefined,
    children: kept.map(
      (l) =>
        new Paragraph({
          alignment: o.align ?? AlignmentType.LEFT,
          indent: o.indentLeft ? { left: o.indentLeft } : undefined,
          spacing: { before: 0, after: 0, line: 264, lineRule: LineRuleType.AUTO },
          children: [new TextRun({ text: l, bold: o.bold, size: o.size ?? SIZE.table, font: font(FONTS.song) })],
        }),
    ),
  });
}

export function widths(columns: TableColumn[]): number[] {
  return shareWidths(columns.map((c) => c.width));
}

/** Relative column widths as twips of the text width (the last column takes the rounding). */
export function shareWidths(shares: readonly number[]): number[] {
  const total = shares.reduce((s, w) => s + w, 0);
  const ws = shares.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  ws[ws.length - 1]! += TEXT_WIDTH - ws.reduce((s, w) => s + w, 0);
  return ws;
}

export function tableOf(rows: TableRow[], columnWidths: number[]) {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

export const headingStyle = (eastAsia: string, o: { size?: number; bold?: boolean; center?: boolean; before?: number } = {}) => ({
  run: { font: font(eastAsia), size: o.size ?? SIZE.body, bold: o.bold ?? false, color: "000000" },
  paragraph: {
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    indent: o.center ? undefined : { firstLine: INDENT_2_CHARS },
    spacing: { before: o.before ?? 0, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT },
  },
});

