/**
 * 项目绩效目标完成情况表 on the page (and thus in the PDF), laid out from the one grid that
 * Word and Excel lay out too (../exports/project-grid.ts).
 */
import { PROJECT_GRID_COLUMNS, projectAmountText, projectGrid, type GridCell, type GridPart, type GridRow, type ProjectRow } from "../exports/project-grid";
import { DocTable, keepTogetherClass } from "./doc-primitives";
import { squeezeCjkSpaces } from "@/lib/text";

function Lines({ text }: { text: string }) {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  return (
    <>
      {lines.map((l, i) => (
        <p key={i} className="my-0.5">
          {l}
        </p>
      ))}
    </>
  );
}

function Cell({ c }: { c: GridCell }) {
  const colSpan = c.colSpan > 1 ? c.colSpan : undefined;
  switch (c.kind) {
    case "group":
      return (
        <th scope="rowgroup" rowSpan={c.rowSpan}>
          {c.text}
        </th>
      );
    case "label":
      return (
        <th scope="row" className={c.plain ? "font-normal" : undefined} colSpan={colSpan}>
          {c.text}
        </th>
      );
    case "head":
      return (
        <th scope="col" colSpan={colSpan}>
          {c.text}
        </th>
      );
    case "amount":
      return <td colSpan={colSpan}>{projectAmountText(c.text)}</td>;
    case "text":
      return <td colSpan={colSpan}>{c.multiline ? <Lines text={c.text} /> : c.text}</td>;
  }
}

/** Consecutive rows of one part, each part a <tbody> (data-part for tests and print rules). */
function parts(rows: GridRow[]): { part: GridPart; rows: GridRow[] }[] {
  const out: { part: GridPart; rows: GridRow[] }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.part === r.part) last.rows.push(r);
    else out.push({ part: r.part, rows: [r] });
  }
  return out;
}

export function projectTableId(table: number) {
  return `project-table-${table}`;
}

export function ProjectTable({ project: p, year, selfEvaluationHref }: { project: ProjectRow; year: number; selfEvaluationHref?: string | null }) {
  const grid = projectGrid(p, year);
  return (
    <div className={`my-8 ${keepTogetherClass}`}>
      <DocTable
        id={projectTableId(p.table)}
        wide
        caption={
          <span className="block text-center">
            <span className="block text-base font-bold">{grid.title}</span>
            <span className="block font-normal">{grid.subtitle}</span>
          </span>
        }
      >
        <colgroup>
          {PROJECT_GRID_COLUMNS.map((w, i) => (
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        {parts(grid.rows).map(({ part, rows }) => (
          <tbody key={part} data-part={part}>
            {rows.map((r, i) => (
              <tr key={i} data-indicator-row={r.indicator || undefined}>
                {r.cells.map((c) => (
                  <Cell key={c.col} c={c} />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </DocTable>
      {selfEvaluationHref ? (
        <p className="no-print text-sm print:hidden">
          <a href={selfEvaluationHref} className="text-brand-700 underline hover:text-brand-900" aria-label={`见附件2：本项目支出绩效自评报告（${squeezeCjkSpaces(p.name)}）`}>
            见附件2：本项目支出绩效自评报告
          </a>
        </p>
      ) : null}
    </div>
  );
}
