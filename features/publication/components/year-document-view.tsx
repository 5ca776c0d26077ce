/**
 * The public page of one department's published year (部门决算公开), rendered from
 * the frozen publication snapshot in the printed document's structure: 第一部分
 * 部门概况, 第二部分 决算情况说明 (narrative sections with their tables and charts),
 * 项目绩效目标完成情况表, 名词解释, 第四部分 附件. All text is rendered as text.
 */
import type { ReactNode } from "react";
import { checkYearDocumentNarrative, type NarrativeFinding } from "@/features/publication/narrative-check";
import type { YearDocument } from "@/features/publication/year-document";
import { formatWanText } from "@/lib/money";
import { attachmentSectionLevel, formatDateZh, sectionId, sectionLevel } from "./doc-format";
import { documentClass, Heading, Narrative, pageBreakClass } from "./doc-primitives";
import { ClassBarChart, SplitBarChart } from "./expenditure-charts";
import { ATTACHMENTS_ID, attachmentId, PROJECT_TABLES_ID, TableOfContents, tableOfContents } from "./table-of-contents";
import { byClassTable, expenditureByNatureTable, fiscalOverviewTable, generalBudgetOverallTable, incomeBySourceTable, operatingExpensesTable, overviewTable, procurementTable, stateAssetsTable } from "../page-tables";
import { ModelTable } from "./model-table";
import { basicTable, generalBudgetTable, govFundTable, soeCapitalTable, threePublicTable } from "../exports/standard-tables";
import type { StandardTable } from "../exports/table-model";
import { DownloadLink } from "./download-link";
import { PrintButton } from "./print-button";
import { ProjectTable } from "./project-table";
import { squeezeCjkSpaces } from "@/lib/text";
import { versionLabel } from "../labels";

export type PublicationVersion = { versionNo: number; publishedAt: string; correctionNote: string };

/**
 * What the page says about versions. Deliberately nothing about versions after the
 * successor: the page of a version is then fixed once its successor is published and
 * can be cached for good (see proxy.ts).
 */
export type VersionInfo = PublicationVersion & {
  /** The version that replaced this one; null while this one is current. */
  supersededBy: { versionNo: number; publishedAt: string } | null;
  /** This version and the earlier ones. */
  versions: PublicationVersion[];
};

type Props = {
  doc: YearDocument;
  version: VersionInfo;
  /** URL of a version of this page (undefined: whichever is current). */
  versionHref: (versionNo?: number) => string;
  /** URL of an attachment report's own page, when there is one. */
  reportHref?: (reportId: string) => string | null;
};

const GLOSSARY_LIST_ID = "glossary-list";

/** Computed figures that disagree with the printed ones, for the consistency notice. */
function discrepancies(doc: YearDocument) {
  const t = doc.totals;
  const list: [string, string | null, string | null | undefined][] = [
    ["收、支总计", t.incomeExpenditure.amount, t.incomeExpenditure.printed],
    ["本年收入合计", t.income.amount, t.income.printed],
    ["本年支出合计", t.expenditure.amount, t.expenditure.printed],
    ["基本支出", t.basic.amount, t.basic.printed],
    ["项目支出", t.project.amount, t.project.printed],
    ["财政拨款收、支总计", t.fiscal.amount, t.fiscal.printed],
    ["一般公共预算财政拨款支出", t.generalBudget.amount, t.generalBudget.printed],
    ["一般公共预算财政拨款基本支出", t.basic.amount, doc.figures["basic.total"]?.amount],
    ["“三公”经费财政拨款支出", doc.threePublic.total, doc.figures["threePublic.total"]?.amount],
  ];
  return list.filter(([, a, p]) => a != null && p != null && formatWanText(a) !== formatWanText(p)) as [string, string, string][];
}

function VersionNotice({ version, versionHref }: { version: VersionInfo; versionHref: Props["versionHref"] }) {
  const earlier = version.versions.filter((v) => v.versionNo < version.versionNo).sort((a, b) => b.versionNo - a.versionNo);
  if (version.supersededBy) {
    return (
      <div role="note" aria-label="版本说明" data-testid="version-notice" className="my-4 rounded-md border-2 border-amber-500 bg-amber-50 p-4 text-sm text-amber-950 print:border print:bg-transparent">
        <p className="font-semibold">
          您正在查看第{version.versionNo}版（{formatDateZh(version.publishedAt)}公开）。该版本已于{formatDateZh(version.supersededBy.publishedAt)}被第{version.supersededBy.versionNo}版更正。
        </p>
        {version.versionNo > 1 && version.correctionNote ? <p className="mt-1">本版更正说明：{version.correctionNote}</p> : null}
        <p className="no-print mt-2 print:hidden">
          <a href={versionHref()} className="font-semibold text-brand-700 underline">
            查看现行版本
          </a>
        </p>
      </div>
    );
  }
  if (version.versionNo <= 1) return null;
  return (
    <div role="note" aria-label="版本说明" data-testid="version-notice" className="my-4 rounded-md border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950 print:bg-transparent">
      <p className="font-semibold">
        本文件已于{formatDateZh(version.publishedAt)}更正（第{version.versionNo}版）。
      </p>
      <p className="mt-1">更正说明：{version.correctionNote || "（未填写）"}</p>
      {earlier.length > 0 ? (
        <div className="no-print mt-2 print:hidden">
          <span>此前版本：</span>
          <ul className="inline">
            {earlier.map((v) => (
              <li key={v.versionNo} className="mr-3 inline">
                <a href={versionHref(v.versionNo)} className="text-brand-700 underline">
                  {versionLabel(v.versionNo, formatDateZh(v.publishedAt))}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function ConsistencyNotice({ items, narrative }: { items: [string, string, string][]; narrative: NarrativeFinding[] }) {
  if (items.length === 0 && narrative.length === 0) return null;
  return (
    <div role="note" aria-labelledby="consistency-title" data-testid="consistency-notice" className="my-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 print:bg-transparent">
      <p id="consistency-title" className="font-semibold">
        数据一致性提示
      </p>
      {items.length > 0 ? (
        <>
          <p className="mt-1">本页金额按明细数据重新计算。以下合计数与原文印制的数字不一致，页面显示计算值，并在数字旁注明“原文为”：</p>
          <ul className="mt-1 list-disc pl-6">
            {items.map(([label, amount, printed]) => (
              <li key={label}>
                {label}：计算值 {formatWanText(amount)} 万元，原文为 {formatWanText(printed)} 万元
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {narrative.length > 0 ? (
        <>
          <p className="mt-2">说明文字中以下表述与按明细数据计算的结果不一致（说明文字按公开原文保留）：</p>
          <ul className="mt-1 list-disc pl-6" data-testid="narrative-findings">
            {narrative.map((f) => (
              <li key={`${f.sectionKey}-${f.stated}`}>
                “{f.heading}”：原文“{f.stated}”，按数据计算为{f.computed}（{f.subject}）
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** A 附表 of the downloads on the page: captioned with year, title and unit. */
const publishedTable = (year: number, t: StandardTable, id: string, wide?: boolean) => <ModelTable table={t} id={id} caption={`${year}年度${t.title}（${t.unit}）`} wide={wide} />;

/** A table of the page only (../page-tables): its title, with year and unit, is its caption. */
const pageTable = (t: StandardTable, id: string, wide?: boolean) => <ModelTable table={t} id={id} caption={t.title} wide={wide} />;

function sectionSlots(doc: YearDocument): Record<string, ReactNode> {
  const year = doc.ref.year;
  const t = doc.totals;
  return {
    "finalAccounts.overview": pageTable(overviewTable(doc), "table-overview"),
    "finalAccounts.income": pageTable(incomeBySourceTable(doc), "table-income"),
    "finalAccounts.expenditure": (
      <>
        {pageTable(expenditureByNatureTable(doc), "table-expenditure")}
        <SplitBarChart
          id="chart-basic-project"
          caption={`图1　${year}年度基本支出与项目支出构成`}
          describedBy="table-expenditure"
          parts={[
            { label: "基本支出", amount: t.basic.amount, share: t.basic.share },
            { label: "项目支出", amount: t.project.amount, share: t.project.share },
          ]}
        />
      </>
    ),
    "finalAccounts.fiscalAppropriation": pageTable(fiscalOverviewTable(doc), "table-fiscal"),
    "finalAccounts.generalBudget.overall": pageTable(generalBudgetOverallTable(doc), "table-general-budget", true),
    "finalAccounts.generalBudget.structure": (
      <>
        {pageTable(byClassTable(doc), "table-by-class")}
        <ClassBarChart
          id="chart-by-class"
          caption={`图2　${year}年度一般公共预算财政拨款支出结构（按功能分类“类”）`}
          describedBy="table-by-class"
          bars={doc.byClass.map((c) => ({ label: c.name, amount: c.amount, share: c.share }))}
        />
      </>
    ),
    // The tables the Word 附表, the Excel sheets and the CSV files hold too: one model each (../exports/tables).
    "finalAccounts.generalBudget.detail": publishedTable(year, generalBudgetTable(doc), "table-detail", true),
    "finalAccounts.basicExpenditure": publishedTable(year, basicTable(doc), "table-basic", true),
    "finalAccounts.threePublicExpenses.detail": publishedTable(year, threePublicTable(doc), "table-three-public", true),
    "finalAccounts.governmentFund": publishedTable(year, govFundTable(doc), "table-gov-fund"),
    "finalAccounts.stateCapital": publishedTable(year, soeCapitalTable(doc), "table-soe-capital"),
    "finalAccounts.otherMatters.operatingExpenses": pageTable(operatingExpensesTable(doc), "table-operating"),
    "finalAccounts.otherMatters.procurement": pageTable(procurementTable(doc), "table-procurement"),
    "finalAccounts.otherMatters.stateAssets": pageTable(stateAssetsTable(doc), "table-assets"),
    "finalAccounts.otherMatters.performanceManagement.projectGoals":
      doc.projects.length > 0 ? (
        <div id={PROJECT_TABLES_ID} className="scroll-mt-4" data-testid="project-tables">
          {doc.projects.map((p) => (
            <ProjectTable
              key={p.table}
              project={p}
              year={year}
              selfEvaluationHref={p.selfEvaluationReportId && doc.attachments.selfEvaluations.some((r) => r.id === p.selfEvaluationReportId) ? `#${attachmentId(p.selfEvaluationReportId)}` : null}
            />
          ))}
        </div>
      ) : null,
  };
}

function Glossary({ doc, labelledBy }: { doc: YearDocument; labelledBy: string }) {
  if (doc.glossary.length === 0) return null;
  return (
    <ol id={GLOSSARY_LIST_ID} aria-labelledby={labelledBy} className="space-y-2 leading-relaxed">
      {doc.glossary.map((g, i) => (
        <li key={g.term}>
          {i + 1}.<dfn className="font-semibold not-italic">{g.term}</dfn>：{g.definition}
        </li>
      ))}
    </ol>
  );
}

function ReportSections({ sections }: { sections: { key: string; heading: string; body: string }[] }) {
  return (
    <>
      {sections.map((s) => (
        <div key={s.key}>
          <Heading level={attachmentSectionLevel(s.key)}>{s.heading}</Heading>
          <Narrative body={s.body} />
        </div>
      ))}
    </>
  );
}

function Attachments({ doc, reportHref }: { doc: YearDocument; reportHref: Props["reportHref"] }) {
  const { overall, selfEvaluations } = doc.attachments;
  if (!overall && selfEvaluations.length === 0) return null;
  const ownPage = (id: string, title: string) => {
    const href = reportHref?.(id);
    return href ? (
      <p className="no-print mb-2 text-center text-sm print:hidden">
        <a href={href} className="text-brand-700 underline hover:text-brand-900" aria-label={`单独查看此报告：${squeezeCjkSpaces(title)}`}>
          单独查看此报告
        </a>
      </p>
    ) : null;
  };
  // One attached report: its label (附件1 / 附件2 before the first), centred title, link to its own page, sections.
  const attached = (r: { id: string; title: string; sections: { key: string; heading: string; body: string }[] }, className: string, label: ReactNode) => (
    <div key={r.id} id={attachmentId(r.id)} className={className}>
      {label}
      <Heading level={3}>
        <span className="block text-center">{r.title}</span>
      </Heading>
      {ownPage(r.id, r.title)}
      <ReportSections sections={r.sections} />
    </div>
  );
  return (
    <div data-testid="attachments">
      <Heading level={2} id={ATTACHMENTS_ID} pageBreak>
        第四部分 附件
      </Heading>
      {overall ? attached(overall, "scroll-mt-4", <p className="font-bold">附件1</p>) : null}
      {selfEvaluations.map((r, i) => attached(r, `scroll-mt-4 ${i === 0 ? pageBreakClass : "mt-10"}`, i === 0 ? <p className="mt-10 font-bold">附件2</p> : null))}
    </div>
  );
}

const DOWNLOADS = [
  { format: "pdf", label: "PDF" },
  { format: "docx", label: "Word" },
  { format: "xlsx", label: "Excel" },
  { format: "json", label: "开放数据（JSON）" },
] as const;

export function YearDocumentView({ doc, version, versionHref, reportHref }: Props) {
  const slots = sectionSlots(doc);
  const used = new Set<string>();
  const leftover = () => {
    const rest = Object.entries(slots).filter(([k, v]) => !used.has(k) && v != null);
    rest.forEach(([k]) => used.add(k));
    return rest.map(([k, v]) => <div key={`slot-${k}`}>{v}</div>);
  };
  const body: ReactNode[] = [];
  for (const s of doc.sections) {
    if (s.key === "glossary") body.push(...leftover());
    const level = sectionLevel(s.key);
    const id = sectionId(s.key);
    body.push(
      <div key={s.key} data-section={s.key}>
        <Heading level={level} id={id} pageBreak={level === 2 && s.key.endsWith(".part") && s.key !== doc.sections[0]?.key}>
          {s.heading}
        </Heading>
        <Narrative body={s.body} />
        {s.key === "glossary" ? <Glossary doc={doc} labelledBy={id} /> : null}
        {slots[s.key] ?? null}
      </div>,
    );
    used.add(s.key);
  }
  body.push(...leftover());

  return (
    <article className={`${documentClass} mx-auto max-w-4xl rounded-lg bg-white px-4 py-6 shadow-sm sm:px-8 print:max-w-none print:p-0 print:font-serif print:shadow-none`}>
      <header className="border-b border-slate-200 pb-5 print:border-0">
        <h1 className="text-center text-2xl leading-snug font-bold sm:text-3xl print:text-[20pt]">{doc.title}</h1>
        <dl className="mt-3 flex flex-wrap justify-center gap-x-6 gap-y-1 text-sm text-slate-700">
          <div className="flex">
            <dt>公开单位：</dt>
            <dd>{doc.department.name}</dd>
          </div>
          <div className="flex">
            <dt>公开日期：</dt>
            <dd>{formatDateZh(version.publishedAt)}</dd>
          </div>
          <div className="flex">
            <dt>版本：</dt>
            <dd>
              第{version.versionNo}版{version.supersededBy ? "" : "（现行）"}
            </dd>
          </div>
        </dl>
        <div className="no-print mt-4 flex flex-wrap items-center justify-center gap-2 text-sm print:hidden">
          <PrintButton />
          <span className="text-slate-500">下载：</span>
          {DOWNLOADS.map((d) => (
            <DownloadLink
              key={d.format}
              href={`/api/portal/${encodeURIComponent(doc.ref.departmentCode)}/${doc.ref.year}/download?format=${d.format}&version=${version.versionNo}`}
              label={d.label}
              testId={`download-${d.format}`}
            />
          ))}
        </div>
      </header>
      <VersionNotice version={version} versionHref={versionHref} />
      <ConsistencyNotice items={discrepancies(doc)} narrative={checkYearDocumentNarrative(doc)} />
      <TableOfContents items={tableOfContents(doc)} />
      {body}
      <Attachments doc={doc} reportHref={reportHref} />
    </article>
  );
}
