/**
 * The portal's catalogue shape, from the published items (portal-items.ts): departments,
 * each with its years, each year with its year document, overall report(s) and project
 * reports. Pure, so that the home page, the portal pages and the sitemap agree.
 */

export type PublishedKind = "FINAL_ACCOUNTS" | "DEPARTMENT_OVERALL" | "PROJECT_SELF_EVALUATION";

export const PUBLISHED_KIND_LABELS: Record<PublishedKind, string> = {
  FINAL_ACCOUNTS: "部门决算公开",
  DEPARTMENT_OVERALL: "部门整体支出绩效评价报告",
  PROJECT_SELF_EVALUATION: "项目支出绩效自评报告",
};

export type PublishedDepartment = { code: string; name: string; shortName: string; region: string; sortOrder: number };

export type PublishedItem = {
  reportId: string;
  kind: PublishedKind;
  year: number;
  /** The title as published. */
  title: string;
  /** The project's name as published (self-evaluation reports with a project part). */
  projectName: string | null;
  versionNo: number;
  publishedAt: string;
  department: PublishedDepartment;
  /** The item's permanent public address. */
  href: string;
};

export type PublishedYear = {
  year: number;
  yearDocument: PublishedItem | null;
  overall: PublishedItem[];
  projects: PublishedItem[];
  /** The newest publication date in the year. */
  lastPublishedAt: string;
};

export type PublishedDepartmentYears = PublishedDepartment & { years: PublishedYear[] };

/** The catalogue address of a department. */
export function departmentPath(code: string): string {
  return `/portal/${encodeURIComponent(code)}`;
}

/**
 * The catalogue page of a department's year: everything published under it. Its own
 * address because /portal/<code>/<year> is the year document's (permanent) address once
 * one is published; without one, that address shows this same catalogue.
 */
export function departmentYearPath(code: string, year: number): string {
  return `/portal/${encodeURIComponent(code)}/${year}/catalog`;
}

const byTitle = (a: PublishedItem, b: PublishedItem) => a.title.localeCompare(b.title, "zh-Hans-CN");

export function groupPublishedItems(items: PublishedItem[]): PublishedDepartmentYears[] {
  const departments = new Map<string, PublishedDepartmentYears>();
  for (const item of items) {
    let d = departments.get(item.department.code);
    if (!d) departments.set(item.department.code, (d = { ...item.department, years: [] }));
    let y = d.years.find((x) => x.year === item.year);
    if (!y) d.years.push((y = { year: item.year, yearDocument: null, overall: [], projects: [], lastPublishedAt: item.publishedAt }));
    if (item.publishedAt > y.lastPublishedAt) y.lastPublishedAt = item.publishedAt;
    if (item.kind === "FINAL_ACCOUNTS") y.yearDocument = item;
    else if (item.kind === "DEPARTMENT_OVERALL") y.overall.push(item);
    else y.projects.push(item);
  }
  const list = [...departments.values()];
  for (const d of list) {
    d.years.sort((a, b) => b.year - a.year);
    for (const y of d.years) {
      y.overall.sort(byTitle);
      y.projects.sort(byTitle);
    }
  }
  return list.sort((a, b) => a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** How many items a year lists. */
export function itemCount(y: PublishedYear): number {
  return (y.yearDocument ? 1 : 0) + y.overall.length + y.projects.length;
}

/**
 * A text cut into plain and matched parts (case-insensitive, every term), for <mark>.
 * Overlapping terms: the longest match at a position wins.
 */
export function highlight(text: string, terms: string[]): { text: string; match: boolean }[] {
  const lower = text.toLowerCase();
  const wanted = [...new Set(terms.map((t) => t.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const parts: { text: string; match: boolean }[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    const hit = wanted.find((t) => lower.startsWith(t, i));
    if (hit) {
      if (plain) parts.push({ text: plain, match: false });
      plain = "";
      parts.push({ text: text.slice(i, i + hit.length), match: true });
      i += hit.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) parts.push({ text: plain, match: false });
  return parts;
}
