/**
 * The printed order and heading levels of a published year document, shared by the
 * Word file (and anything else that lays the narrative out): 第一部分 … 名词解释 from the
 * stored sections, the 项目绩效目标完成情况表 after "项目绩效目标完成情况", then 第四部分 附件.
 */
import type { YearDocument } from "@/features/publication/year-document";

/** The 2020 template's heading of the attachments part (the documents print it; it is not a stored section). */
export const ATTACHMENTS_PART_HEADING = "第四部分 附件";

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Heading level of a section by its printed numbering (第X部分 → 1, 一、 → 2, （一） → 3,
 * 1. / 1、 → 4), else by the depth of its key; `offset` pushes an attachment's own
 * headings below the attachment title.
 */
export function headingLevel(section: { key: string; heading: string }, offset = 0): HeadingLevel {
  const h = section.heading.trim();
  let level: number;
  if (/^第[一二三四五六七八九十]+部分/.test(h) || section.key.endsWith(".part") || section.key === "glossary") level = 1;
  else if (/^[一二三四五六七八九十]+、/.test(h)) level = 2;
  else if (/^[（(][一二三四五六七八九十]+[）)]/.test(h)) level = 3;
  else if (/^\d+[.．、]/.test(h)) level = 4;
  else {
    const depth = section.key.split(".").length;
    level = offset ? depth + 1 : Math.min(Math.max(depth, 2), 4);
  }
  return Math.min(level + offset, 6) as HeadingLevel;
}

/**
 * A section that only labels its paragraph and is not printed as a heading: the 三公
 * items under “具体情况说明” (因公出国（境）费 …), whose text starts with its own number
 * ("1.因公出国（境）经费支出0万元。"). Same rule as the seed loader's.
 */
export function isLabelOnlySection(section: { key: string; body: string }): boolean {
  return section.key.split(".").at(-2) === "detail" && section.body.trim() !== "";
}

/** The section after which the project tables are printed (the seed: “1.项目绩效目标完成情况。”). */
export function projectTablesAnchor(doc: YearDocument): string | null {
  const explicit = doc.sections.find((s) => s.key.endsWith(".projectGoals"));
  if (explicit) return explicit.key;
  const beforeGlossary = doc.sections.findIndex((s) => s.key === "glossary");
  const last = beforeGlossary > 0 ? doc.sections[beforeGlossary - 1] : doc.sections.at(-1);
  return last?.key ?? null;
}

/** Body text as paragraphs: one per non-empty line, trimmed of the document's stray indentation. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((l) => l !== "");
}
