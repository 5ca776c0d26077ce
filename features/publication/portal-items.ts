/**
 * What the public portal lists and finds: every published item — the year document
 * (部门决算公开), the overall report (部门整体支出绩效评价报告) and each project's
 * self-evaluation report — read from the publications only (the latest version of each
 * report), never from drafts or live project data. A report reopened for a correction
 * stays listed with its last published version, as its public address keeps showing it.
 *
 * Plain functions over a client (like versions.ts) so that integration tests call them;
 * features/publication/data.ts binds them to the app's client.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { latestPath } from "./portal-address";
import { groupPublishedItems, type PublishedDepartment, type PublishedItem, type PublishedKind } from "./portal-group";

type Row = {
  reportId: string;
  versionNo: number;
  publishedAt: Date;
  kind: PublishedKind;
  year: number;
  code: string;
  name: string;
  shortName: string;
  region: string;
  sortOrder: number;
  title: string;
  projectName: string | null;
};

/** The latest publication of each published report, with its department (one row per report). */
const latest = (where: Prisma.Sql) => Prisma.sql`
  SELECT DISTINCT ON (p."reportId")
    p."reportId", p."versionNo", p."publishedAt", p."snapshot", r."kind"::text AS "kind", r."year",
    d."code", d."name", d."shortName", d."region", d."sortOrder",
    coalesce(nullif(p."snapshot"->>'title', ''), r."title") AS "title",
    nullif(p."snapshot"#>>'{project,name}', '') AS "projectName"
  FROM "ReportPublication" p
  JOIN "Report" r ON r."id" = p."reportId"
  JOIN "Department" d ON d."id" = r."departmentId"
  WHERE ${where}
  ORDER BY p."reportId", p."versionNo" DESC`;

/** The public address of an item (permanent: the year document's latest address, a report's /published/<id>). */
export function itemPath(i: { kind: PublishedKind; reportId: string; departmentCode: string; year: number }): string {
  return i.kind === "FINAL_ACCOUNTS" ? latestPath(i.departmentCode, i.year) : `/published/${encodeURIComponent(i.reportId)}`;
}

function toItem(r: Row): PublishedItem {
  const base = {
    reportId: r.reportId,
    kind: r.kind,
    year: r.year,
    title: r.title,
    projectName: r.projectName,
    versionNo: r.versionNo,
    publishedAt: r.publishedAt.toISOString(),
    department: { code: r.code, name: r.name, shortName: r.shortName, region: r.region, sortOrder: r.sortOrder },
  };
  return { ...base, href: itemPath({ kind: r.kind, reportId: r.reportId, departmentCode: r.code, year: r.year }) };
}

/** Every published item, optionally of one department and/or year. */
export async function listPublishedItemsIn(db: Db, filter: { departmentCode?: string; year?: number } = {}): Promise<PublishedItem[]> {
  const conditions = [Prisma.sql`TRUE`];
  if (filter.departmentCode !== undefined) conditions.push(Prisma.sql`d."code" = ${filter.departmentCode}`);
  if (filter.year !== undefined) conditions.push(Prisma.sql`r."year" = ${filter.year}`);
  const rows = await db.$queryRaw<Row[]>`
    SELECT "reportId", "versionNo", "publishedAt", "kind", "year", "code", "name", "shortName", "region", "sortOrder", "title", "projectName"
    FROM (${latest(Prisma.join(conditions, " AND "))}) x`;
  return rows.map(toItem);
}

/** The published items grouped by department and year (see portal-group.ts). */
export async function listPublishedDepartmentsIn(db: Db, filter: { departmentCode?: string; year?: number } = {}) {
  return groupPublishedItems(await listPublishedItemsIn(db, filter));
}

export type IndexDepartment = PublishedDepartment & { years: { year: number; count: number }[] };

/**
 * One page of the catalogue's index: the departments with anything published, in their order,
 * each with its years and the number of published reports in each (what the index shows), and
 * how many such departments there are. Counted in SQL (a province has thousands of departments
 * and tens of thousands of published reports; the index shows a page of them).
 */
export async function listPublishedIndexIn(db: Db, page: { page: number; pageSize: number }): Promise<{ total: number; departments: IndexDepartment[] }> {
  const rows = await db.$queryRaw<(PublishedDepartment & { years: { year: number; count: number }[]; total: number })[]>`
    WITH published AS (
      SELECT r."departmentId", r."year", count(*)::int AS "count"
      FROM "Report" r
      WHERE EXISTS (SELECT 1 FROM "ReportPublication" p WHERE p."reportId" = r."id")
      GROUP BY r."departmentId", r."year"
    )
    SELECT d."code", d."name", d."shortName", d."region", d."sortOrder",
      json_agg(json_build_object('year', x."year", 'count', x."count") ORDER BY x."year" DESC) AS "years",
      (count(*) OVER ())::int AS "total"
    FROM published x JOIN "Department" d ON d."id" = x."departmentId"
    GROUP BY d."id"
    ORDER BY d."sortOrder", d."code"
    LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`;
  if (rows.length === 0 && page.page > 1) {
    const counted = await db.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT r."departmentId")::int AS n FROM "Report" r WHERE EXISTS (SELECT 1 FROM "ReportPublication" p WHERE p."reportId" = r."id")`;
    return { total: counted[0]?.n ?? 0, departments: [] };
  }
  return { total: rows[0]?.total ?? 0, departments: rows.map(({ total: _total, ...d }) => d) };
}

/**
 * The human text of a snapshot: every string value except codes, ids, keys and dates
 * (pure ASCII identifiers such as "summary", "QUANTITATIVE", a cuid or an ISO date),
 * so that a search matches what the page shows and the snippet reads as text.
 */
const TEXT_PATH = 'strict $.** ? (@.type() == "string" && !(@ like_regex "^[A-Za-z0-9_.:+-]*$"))';

/** Escapes LIKE's wildcards so that a visitor's "%" or "_" is matched literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type SearchHit = PublishedItem & { snippet: string | null };
export type SearchResult = { total: number; page: number; pageSize: number; hits: SearchHit[] };

/**
 * Published items whose department name, title, project name or published text contain
 * every term (case-insensitive substring: Chinese has no word boundaries, so no tsvector).
 * The text is every string of the latest snapshot, extracted with a JSON path per query:
 * the published set is small (hundreds), and nothing has to be kept in step at publish time.
 * Ordered: title/project matches first, then department matches, then the newest.
 */
export async function searchPublishedIn(db: Db, q: { terms: string[]; page: number; pageSize: number }): Promise<SearchResult> {
  const terms = q.terms.filter(Boolean);
  if (terms.length === 0) return { total: 0, page: q.page, pageSize: q.pageSize, hits: [] };
  const patterns = terms.map(likePattern);
  const all = (column: Prisma.Sql) => Prisma.join(patterns.map((p) => Prisma.sql`${column} ILIKE ${p} ESCAPE '\\'`), " AND ");
  const any = (column: Prisma.Sql) => Prisma.join(patterns.map((p) => Prisma.sql`${column} ILIKE ${p} ESCAPE '\\'`), " OR ");
  const first = terms[0]!.toLowerCase();
  const rows = await db.$queryRaw<(Row & { total: bigint; snippet: string | null })[]>`
    WITH l AS (${latest(Prisma.sql`TRUE`)}),
    t AS (
      SELECT l.*,
        concat_ws(' ', l."title", l."projectName") AS "heading",
        concat_ws(' ', l."name", l."shortName", l."region") AS "dept",
        coalesce((SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(l."snapshot", ${TEXT_PATH}::jsonpath) v), '') AS "body"
      FROM l
    )
    SELECT "reportId", "versionNo", "publishedAt", "kind", "year", "code", "name", "shortName", "region", "sortOrder", "title", "projectName",
      count(*) OVER () AS "total",
      CASE WHEN strpos(lower("body"), ${first}) > 0
        THEN substr("body", greatest(strpos(lower("body"), ${first}) - 40, 1), 120 + char_length(${first})) END AS "snippet"
    FROM t
    WHERE ${all(Prisma.sql`concat_ws(' ', "heading", "dept", "body")`)}
    ORDER BY (${any(Prisma.sql`"heading"`)}) DESC, (${any(Prisma.sql`"dept"`)}) DESC, "year" DESC, "publishedAt" DESC, "reportId"
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  const total = rows[0] ? Number(rows[0].total) : q.page > 1 ? await countMatches(db, patterns) : 0;
  return { total, page: q.page, pageSize: q.pageSize, hits: rows.map((r) => ({ ...toItem(r), snippet: r.snippet ? r.snippet.replace(/\s+/g, " ").trim() : null })) };
}

/** The number of matches, for a page past the last one (which has no rows to carry the count). */
async function countMatches(db: Db, patterns: string[]): Promise<number> {
  const all = Prisma.join(patterns.map((p) => Prisma.sql`"text" ILIKE ${p} ESCAPE '\\'`), " AND ");
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    WITH l AS (${latest(Prisma.sql`TRUE`)})
    SELECT count(*) AS "n" FROM (
      SELECT concat_ws(' ', l."title", l."projectName", l."name", l."shortName", l."region",
        (SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(l."snapshot", ${TEXT_PATH}::jsonpath) v)) AS "text"
      FROM l) x
    WHERE ${all}`;
  return Number(row?.n ?? 0);
}
