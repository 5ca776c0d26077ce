/** The page's table of contents (目录), and the ids of the parts it links to that are not sections. */
import type { YearDocument } from "@/features/publication/year-document";
import { sectionId, sectionLevel } from "./doc-format";

export const PROJECT_TABLES_ID = "project-tables";
export const ATTACHMENTS_ID = "attachments";
export const attachmentId = (reportId: string) => `attachment-${reportId}`;

type TocItem = { id: string; label: string; children: TocItem[] };

export function tableOfContents(doc: YearDocument): TocItem[] {
  const top: TocItem[] = [];
  for (const s of doc.sections) {
    const level = sectionLevel(s.key);
    const item = { id: sectionId(s.key), label: s.heading, children: [] };
    if (level === 2 || top.length === 0) top.push(item);
    else if (level === 3) top.at(-1)!.children.push(item);
    if (s.key.endsWith("performanceManagement.projectGoals") && doc.projects.length > 0) {
      top.at(-1)!.children.push({ id: PROJECT_TABLES_ID, label: `项目绩效目标完成情况表1–${doc.projects.length}`, children: [] });
    }
  }
  const { overall, selfEvaluations } = doc.attachments;
  if (overall || selfEvaluations.length > 0) {
    top.push({
      id: ATTACHMENTS_ID,
      label: "第四部分 附件",
      children: [
        ...(overall ? [{ id: attachmentId(overall.id), label: `附件1 ${overall.title}`, children: [] }] : []),
        ...selfEvaluations.map((r, i) => ({ id: attachmentId(r.id), label: `${i === 0 ? "附件2 " : ""}${r.title}`, children: [] })),
      ],
    });
  }
  return top;
}

export function TableOfContents({ items }: { items: TocItem[] }) {
  return (
    <nav aria-labelledby="toc-heading" className="no-print my-6 rounded-md border border-slate-200 bg-white p-4 print:hidden">
      <h2 id="toc-heading" className="mb-2 text-base font-bold">
        目录
      </h2>
      <ol className="space-y-1 text-sm">
        {items.map((i) => (
          <li key={i.id}>
            <a href={`#${i.id}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
              {i.label}
            </a>
            {i.children.length > 0 ? (
              <ol className="mt-1 ml-4 grid gap-x-6 gap-y-0.5 sm:grid-cols-2">
                {i.children.map((c) => (
                  <li key={c.id}>
                    <a href={`#${c.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {c.label}
                    </a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

