/**
 * The query of a list page that searches, filters, sorts and pages in the database: read from
 * the page's URL (so a list view can be bookmarked, shared and reloaded, and works without
 * JavaScript), with whitelisted sort keys and filter values. Anything malformed falls back to
 * the default rather than failing: a hand-edited URL shows the list, never a 500.
 *
 * Browser-safe: used by the server pages (parse) and by the shared table (hrefs).
 */

export type SortDir = "asc" | "desc";

export type ListQuery<S extends string, F extends string> = {
  q: string;
  sort: S;
  dir: SortDir;
  page: number;
  filters: Partial<Record<F, string>>;
};

export type ListSpec<S extends string, F extends string> = {
  sorts: readonly S[];
  defaultSort: S;
  defaultDir: SortDir;
  /** Allowed values of each filter (a value not listed is ignored). */
  filters?: { [K in F]: readonly string[] };
  pageSize: number;
};

/**
 * A list's spec as written (sorts, default, filters and their values kept as literals, for
 * ListQueryOf and the filters' labels); the same object, checked against ListSpec.
 */
export function listSpec<const T extends ListSpec<string, string>>(spec: T): T {
  return spec;
}

/** The query a list's spec (its sorts and filters) parses to. */
export type ListQueryOf<T extends { sorts: readonly string[] }> = ListQuery<T["sorts"][number], T extends { filters: infer F } ? keyof F & string : never>;

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseListQuery<S extends string, F extends string = never>(params: Params, spec: ListSpec<S, F>): ListQuery<S, F> {
  const q = (first(params.q) ?? "").trim().slice(0, 100);
  const sortParam = first(params.sort);
  const sort = (spec.sorts as readonly string[]).includes(sortParam ?? "") ? (sortParam as S) : spec.defaultSort;
  const dirParam = first(params.dir);
  const dir: SortDir = dirParam === "asc" || dirParam === "desc" ? dirParam : sort === spec.defaultSort ? spec.defaultDir : "asc";
  const pageNumber = Number(first(params.page));
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 100_000 ? pageNumber : 1;
  const filters: Partial<Record<F, string>> = {};
  for (const [key, allowed] of Object.entries(spec.filters ?? {}) as [F, readonly string[]][]) {
    const v = first(params[key]);
    if (v && allowed.includes(v)) filters[key] = v;
  }
  return { q, sort, dir, page, filters };
}

/** Prisma's skip/take for a page. */
export function pageWindow(query: { page: number }, pageSize: number) {
  return { skip: (query.page - 1) * pageSize, take: pageSize };
}

export type PageInfo = { page: number; pages: number; total: number; pageSize: number };

export function pageInfo(total: number, query: { page: number }, pageSize: number): PageInfo {
  return { page: query.page, pages: Math.max(1, Math.ceil(total / pageSize)), total, pageSize };
}

/** The URL search string of a list query, with `change` applied; defaults and empty values are left out. */
export function listHref(current: Record<string, string | undefined>, change: Record<string, string | number | undefined>): string {
  const merged: Record<string, string | undefined> = { ...current };
  for (const [k, v] of Object.entries(change)) merged[k] = v === undefined ? undefined : String(v);
  const entries = Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== "" && !(e[0] === "page" && e[1] === "1"));
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "?";
}

/** The URL parameters that reproduce a parsed query (defaults left out), for sort links and the pager. */
export function listParams<S extends string, F extends string>(q: ListQuery<S, F>, spec: ListSpec<S, F>): Record<string, string | undefined> {
  const isDefault = q.sort === spec.defaultSort && q.dir === spec.defaultDir;
  return {
    q: q.q || undefined,
    ...(q.filters as Record<string, string | undefined>),
    sort: isDefault ? undefined : q.sort,
    dir: isDefault ? undefined : q.dir,
    page: q.page > 1 ? String(q.page) : undefined,
  };
}
