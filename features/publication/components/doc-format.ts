/** Display helpers for the public year document that are not money (money: lib/money.ts). */

/** An ISO timestamp as a Chinese calendar date in Beijing time: "2021年9月30日". */
export function formatDateZh(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });
}

/** A fragment id for a section key ("finalAccounts.overview" → "sec-finalAccounts-overview"). */
export function sectionId(key: string): string {
  return `sec-${key.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

/**
 * Heading level of a narrative section of the year document, from its key:
 * parts (第一部分 …) and 名词解释 are h2 (the page title is the only h1), then one
 * level per key segment (finalAccounts.overview → h3, finalAccounts.generalBudget.detail → h4 …).
 */
export function sectionLevel(key: string): 2 | 3 | 4 | 5 | 6 {
  if (key.endsWith(".part") || key === "glossary") return 2;
  const parts = key.split(".");
  if (parts[0] === "profile") return key === "profile.section" || key === "profile.organization" ? 3 : 4;
  return Math.min(6, Math.max(3, parts.length + 1)) as 3 | 4 | 5 | 6;
}

/** Heading level of an attachment report's section (key "1" → h4, "1.1" → h5, deeper → h6). */
export function attachmentSectionLevel(key: string): 4 | 5 | 6 {
  return Math.min(6, 3 + key.split(".").length) as 4 | 5 | 6;
}
