/**
 * The published year document as Word (.docx), in the layout of the printed 部门决算公开:
 * A4 with the GB/T 9704 margins, title, 第一部分 … 名词解释 as Word headings (黑体 / 楷体 /
 * 仿宋 by level), body text in 仿宋 三号 with two-character first-line indent, the
 * 项目绩效目标完成情况表1–5 laid out like the seed (merged label cells), the glossary,
 * 第四部分 附件 (附件1 部门整体支出绩效评价报告, 附件2 项目支出绩效自评报告), and the standard
 * tables as 附表 (header rows repeated on each page, 万元 with two decimals). Page
 * numbers “第 N 页 / 共 M 页” in the footer.
 *
 * Fonts: east-Asian text names Windows' SimSun / FangSong / SimHei / KaiTi; the font
 * table gives each its Chinese name, GB2312 character set and PANOSE family, so Word or
 * WPS without that exact font substitutes a Song / Fang Song style one, and LibreOffice
 * falls back to the system's CJK serif (e.g. Noto Serif CJK SC).
 */
import { AlignmentType, Document, Footer, HeadingLevel, LineRuleType, Packer, PageNumber, Paragraph, Table, TableRow, TextRun } from "docx";
import type { YearDocument } from "@/features/publication/year-document";
import { CONTENT_TYPES, exportFileName, publishedDateText, type BuiltFile } from "./files";
import { ATTACHMENTS_PART_HEADING, headingLevel, isLabelOnlySection, paragraphs, projectTablesAnchor } from "./outline";
import { isNumericColumn, noteLines, type StandardTable } from "./table-model";
import { buildTables } from "./tables";
import { BODY_LINE, body, cell, centered, font, FONTS, heading, headingStyle, INDENT_2_CHARS, PAGE, SIZE, small, tableOf, widths } from "./docx-blocks";
import { withFontFallbacks } from "./docx-fonts";
import { projectTable } from "./docx-project-table";

// ───────────────────────────── standard tables (附表) ─────────────────────────────

function standardTable(t: StandardTable, no: number): (Paragraph | Table)[] {
  const size = t.columns.length >= 7 ? SIZE.tableSmall : SIZE.table;
  const ws = widths(t.columns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell(c.header, { bold: true, align: AlignmentType.CENTER, shade: true, size, width: ws[i] })),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: t.columns.map((c, i) => {
          const v = r.cells[c.key];
          const text = v == null ? "" : String(v);
          const numeric = isNumericColumn(c);
          return cell(text, {
            bold: r.total,
            size,
            width: ws[i],
            align: numeric ? AlignmentType.RIGHT : c.kind === "code" ? AlignmentType.LEFT : AlignmentType.LEFT,
            indentLeft: c.kind === "text" && i <= 1 && r.level ? r.level * 210 : undefined,
          });
        }),
      }),
  );
  const out: (Paragraph | Table)[] = [
    centered(`附表${no}　${t.title}`, { size: SIZE.tableTitle, eastAsia: FONTS.hei, before: 240, after: 60 }),
    small(t.unit ? `单位：${t.unit}` : "", { align: AlignmentType.RIGHT, keepNext: true }),
    tableOf([header, ...rows], ws),
  ];
  for (const line of noteLines(t.notes)) out.push(small(line));
  return out;
}

// ───────────────────────────── the document ─────────────────────────────

function sectionBlocks(section: { key: string; heading: string; body: string }, offset = 0, pageBreakBefore = false): Paragraph[] {
  const out: Paragraph[] = [];
  if (!isLabelOnlySection(section)) out.push(heading(section.heading.trim(), headingLevel(section, offset), { pageBreakBefore }));
  for (const text of paragraphs(section.body)) out.push(body(text));
  return out;
}

function documentChildren(doc: YearDocument, versionNo: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const year = doc.ref.year;
  out.push(
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { before: 1200, after: 240 }, children: [new TextRun(doc.department.name)] }),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [new TextRun(`${year}年度部门决算公开`)] }),
  );
  const published = publishedDateText(doc.publishedAt);
  out.push(centered([published ? `公开日期：${published}` : "", versionNo > 1 ? `第${versionNo}版（更正）` : ""].filter(Boolean).join("　"), { size: SIZE.tableTitle, eastAsia: FONTS.fang, keepNext: false }));
  if (versionNo > 1 && doc.correctionNote) out.push(centered(`更正说明：${doc.correctionNote}`, { size: SIZE.tableTitle, eastAsia: FONTS.fang, keepNext: false }));

  const anchor = projectTablesAnchor(doc);
  let firstPart = true;
  for (const s of doc.sections) {
    const isPart = headingLevel(s) === 1;
    out.push(...sectionBlocks(s, 0, isPart && firstPart));
    if (isPart) firstPart = false;
    if (s.key === "glossary") {
      doc.glossary.forEach((g, i) =>
        out.push(new Paragraph({ indent: { firstLine: INDENT_2_CHARS }, alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: `${i + 1}.${g.term}：`, bold: true }), new TextRun(g.definition)] })),
      );
    }
    if (s.key === anchor) for (const p of doc.projects) out.push(...projectTable(p, year));
  }

  const { overall, selfEvaluations } = doc.attachments;
  if (overall || selfEvaluations.length) {
    out.push(heading(ATTACHMENTS_PART_HEADING, 1, { pageBreakBefore: true }));
    // 附件N (level 2), each report's title (level 3, centred), its own headings below.
    if (overall) {
      out.push(heading("附件1", 2), heading(overall.title.trim(), 3, { center: true }));
      for (const s of overall.sections) out.push(...sectionBlocks(s, 2));
    }
    if (selfEvaluations.length) {
      out.push(heading(overall ? "附件2" : "附件1", 2, { pageBreakBefore: !!overall }));
      selfEvaluations.forEach((r, i) => {
        out.push(heading(r.title.trim(), 3, { center: true, pageBreakBefore: i > 0 }));
        for (const s of r.sections) out.push(...sectionBlocks(s, 2));
      });
    }
  }

  const tables = buildTables(doc).filter((t) => t.standard);
  out.push(heading("附表", 1, { pageBreakBefore: true }));
  out.push(body("以下各表根据本部门公开的决算数据生成，金额单位为万元，保留两位小数。表中计算数与正文印制数不一致之处，在表下注明，不作改动。"));
  tables.forEach((t, i) => out.push(...standardTable(t, i + 1)));
  return out;
}

/** The .docx bytes of a published year document. */
export async function buildYearDocx(doc: YearDocument, versionNo: number): Promise<BuiltFile> {
  const document = new Document({
    title: doc.title,
    subject: "部门决算公开",
    creator: doc.department.name,
    description: `${doc.title}（第${versionNo}版）`,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.fang), size: SIZE.body, language: { value: "en-US", eastAsia: "zh-CN" } },
          paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT } },
        },
        title: { run: { font: font(FONTS.song), size: SIZE.title, bold: true, color: "000000" }, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.AUTO } } },
        heading1: headingStyle(FONTS.hei, { center: true, size: SIZE.body + 4, before: 240 }),
        heading2: headingStyle(FONTS.hei),
        heading3: headingStyle(FONTS.kai),
        heading4: headingStyle(FONTS.fang, { bold: true }),
        heading5: headingStyle(FONTS.fang),
        heading6: headingStyle(FONTS.fang),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 1134, header: 851 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { line: 240, lineRule: LineRuleType.AUTO },
                children: [new TextRun({ children: ["第 ", PageNumber.CURRENT, " 页 / 共 ", PageNumber.TOTAL_PAGES, " 页"], size: SIZE.footer, font: font(FONTS.song) })],
              }),
            ],
          }),
        },
        children: documentChildren(doc, versionNo),
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return { bytes: await withFontFallbacks(packed), contentType: CONTENT_TYPES.docx, fileName: exportFileName(doc, versionNo, "docx") };
}
