/**
 * Display helpers for the public year document. The snapshot already holds every
 * amount as a 万元 decimal string with two decimals; the few sums the page adds
 * (款/类 subtotals, shares) are done in integer 分 (cents of 万元), never in floats.
 */
import { formatPercentText, formatWanText } from "@/lib/format";

export { formatPercentText, formatWanText };

/** "426.81" → 42681; null when empty or not a plain decimal. */
export function toCents(v: string | null | undefined): number | null {
  if (v == null) return null;
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(v.trim());
  if (!m) return null;
  const c = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -c : c;
}

/** 42681 → "426.81". */
export function centsToText(c: number): string {
  const a = Math.abs(c);
  return `${c < 0 ? "-" : ""}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

/** part / whole as a percentage string with two decimals ("84.59"); null when whole is 0. */
export function ratioText(part: number, whole: number): string | null {
  if (whole === 0) return null;
  return centsToText(Math.round((part * 10000) / whole));
}

/** A signed change: "-43.45" → "-43.45", "9.15" → "+9.15"; "—" when absent. */
export function signedWan(v: string | null | undefined): string {
  if (v == null || v === "") return "—";
  const t = formatWanText(v);
  return t.startsWith("-") || Number(t) === 0 ? t : `+${t}`;
}

export function signedPercent(v: string | null | undefined): string {
  if (v == null || v === "") return "—";
  const t = formatPercentText(v);
  return t.startsWith("-") || Number(t.replace("%", "")) === 0 ? t : `+${t}`;
}

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
