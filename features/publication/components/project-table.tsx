/**
 * 项目绩效目标完成情况表 as printed in the year document: 项目名称, 预算单位,
 * 预算执行情况(万元) (预算数/执行数, 其中-财政拨款, 其它资金), 年度目标完成情况
 * (预期目标/实际完成目标) and one row per 绩效指标 (一级/二级/三级指标, 预期指标值,
 * 实际完成指标值). Six columns: the row-group label and five data columns.
 */
import type { YearDocument } from "@/features/publication/year-document";
import { DocTable, keepTogetherClass } from "./doc-primitives";
import { squeezeCjkSpaces } from "@/lib/text";

type ProjectRow = YearDocument["projects"][number];

/** "18" → "18万", "0" → "0", as the tables print them. */
const wanText = (v: string) => (v === "" ? "—" : /^0(\.0+)?$/.test(v) ? "0" : `${v}万`);

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

export function projectTableId(table: number) {
  return `project-table-${table}`;
}

export function ProjectTable({ project: p, year, selfEvaluationHref }: { project: ProjectRow; year: number; selfEvaluationHref?: string | null }) {
  const n = p.indicators.length;
  return (
    <div className={`my-8 ${keepTogetherClass}`}>
      <DocTable
        id={projectTableId(p.table)}
        wide
        caption={
          <span className="block text-center">
            <span className="block text-base font-bold">项目绩效目标完成情况表{p.table}</span>
            <span className="block font-normal">({year}年度)</span>
          </span>
        }
      >
        <colgroup>
          <col style={{ width: "13%" }} />
          <col style={{ width: "11%" }} />
          <col style={{ width: "11%" }} />
          <col style={{ width: "21%" }} />
          <col style={{ width: "22%" }} />
          <col style={{ width: "22%" }} />
        </colgroup>
        <tbody data-part="identity">
          <tr>
            <th scope="row">项目名称</th>
            <td colSpan={5}>{p.name}</td>
          </tr>
          <tr>
            <th scope="row">预算单位</th>
            <td colSpan={5}>{p.budgetUnit}</td>
          </tr>
        </tbody>
        <tbody data-part="execution">
          <tr>
            <th scope="rowgroup" rowSpan={3}>
              预算执行情况(万元)
            </th>
            <th scope="row" className="font-normal">
              预算数:
            </th>
            <td>{wanText(p.budget)}</td>
            <th scope="row" className="font-normal">
              执行数:
            </th>
            <td colSpan={2}>{wanText(p.executed)}</td>
          </tr>
          <tr>
            <th scope="row" className="font-normal">
              其中-财政拨款:
            </th>
            <td>{wanText(p.fiscalBudget)}</td>
            <th scope="row" className="font-normal">
              其中-财政拨款:
            </th>
            <td colSpan={2}>{wanText(p.fiscalExecuted)}</td>
          </tr>
          <tr>
            <th scope="row" className="font-normal">
              其它资金:
            </th>
            <td>{wanText(p.otherBudget)}</td>
            <th scope="row" className="font-normal">
              其它资金:
            </th>
            <td colSpan={2}>{wanText(p.otherExecuted)}</td>
          </tr>
        </tbody>
        <tbody data-part="goals">
          <tr>
            <th scope="rowgroup" rowSpan={2}>
              年度目标完成情况
            </th>
            <th scope="col" colSpan={2}>
              预期目标
            </th>
            <th scope="col" colSpan={3}>
              实际完成目标
            </th>
          </tr>
          <tr>
            <td colSpan={2}>
              <Lines text={p.goalExpected} />
            </td>
            <td colSpan={3}>
              <Lines text={p.goalActual} />
            </td>
          </tr>
        </tbody>
        <tbody data-part="indicators">
          <tr>
            <th scope="rowgroup" rowSpan={n + 1}>
              绩效指标完成情况
            </th>
            <th scope="col">一级指标</th>
            <th scope="col">二级指标</th>
            <th scope="col">三级指标</th>
            <th scope="col">预期指标值(包含数字及文字描述)</th>
            <th scope="col">实际完成指标值(包含数字及文字描述)</th>
          </tr>
          {p.indicators.map((ind, i) => (
            <tr key={i} data-indicator-row>
              <td>{ind.level1}</td>
              <td>{ind.level2}</td>
              <td>
                <Lines text={ind.name} />
              </td>
              <td>
                <Lines text={ind.expected} />
              </td>
              <td>
                <Lines text={ind.actual} />
              </td>
            </tr>
          ))}
        </tbody>
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
