import type { MetadataRoute } from "next";
import { listPublishedDepartments } from "@/features/publication/data";
import { departmentPath, departmentYearPath } from "@/features/publication/portal-group";
import { siteOrigin } from "@/features/publication/site-url";

// Read per request: a publication appears in the sitemap at once (and the build needs no database).
export const dynamic = "force-dynamic";

/** Every public page: home, catalogue, each department, each department-year and each published item. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin();
  const url = (path: string) => `${origin}${path}`;
  const departments = await listPublishedDepartments();
  const newest = (dates: string[]) => (dates.length ? new Date(dates.reduce((a, b) => (a > b ? a : b))) : undefined);
  const entries: MetadataRoute.Sitemap = [
    { url: url("/"), lastModified: newest(departments.flatMap((d) => d.years.map((y) => y.lastPublishedAt))), changeFrequency: "weekly", priority: 1 },
    { url: url("/portal"), changeFrequency: "weekly", priority: 0.8 },
  ];
  for (const d of departments) {
    entries.push({ url: url(departmentPath(d.code)), lastModified: newest(d.years.map((y) => y.lastPublishedAt)), changeFrequency: "monthly", priority: 0.7 });
    for (const y of d.years) {
      entries.push({ url: url(departmentYearPath(d.code, y.year)), lastModified: new Date(y.lastPublishedAt), changeFrequency: "monthly", priority: 0.7 });
      for (const item of [...(y.yearDocument ? [y.yearDocument] : []), ...y.overall, ...y.projects]) {
        entries.push({ url: url(item.href), lastModified: new Date(item.publishedAt), changeFrequency: "yearly", priority: 0.6 });
      }
    }
  }
  return entries;
}
