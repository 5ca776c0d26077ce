/**
 * The numeric tables of 第二部分 (部门决算情况说明) about income and expenditure (收支总体, 收入, 支出,
 * 财政拨款, 一般公共预算 overall and by class), each placed after the narrative section it belongs
 * to. Computed figures come from the snapshot; where the document printed a different number,
 * <Amount> shows it beside the computed one. The detail by 类/款/项 is the published model (./model-table).
 */
import type { YearDocument } from "@/features/publication/year-document";
import { formatPercentText, formatWanText, signed } from "@/lib/money";
import { INCOME_SOURCE_LABELS } from "../labels";
import { Amount, DocTable, numCell, RowTh, Th } from "./doc-primitives";

/** 收入支出决算总体情况: 收支总计 with the change against the prior year. */
export function OverviewTable({ doc }: { doc: YearDocument }) {
  const t = doc.totals;
  const derived = (key: string) => (doc.figures[key]?.text?.startsWith("推算") ? "（推算）" : "");
  return (
    <DocTable id="table-overview" caption={`${doc.ref.year}年度收入支出决算总体情况（万元）`}>
      <thead>
        <tr>
          <Th>项目</Th>
          <Th className={numCell}>本年数</Th>
          <Th className={numCell}>上年数</Th>
          <Th className={numCell}>增减额</Th>
          <Th className={numCell}>增减率</Th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <RowTh className="font-semibold">收、支总计</RowTh>
          <td className={numCell}>
            <Amount value={t.incomeExpenditure.amount} printed={t.incomeExpenditure.printed} />
          </td>
          <td className={numCell}>{formatWanText(t.incomeExpenditure.previous)}</td>
          <td className={numCell}>{signed(t.incomeExpenditure.change)}</td>
          <td className={numCell}>{signed(t.incomeExpenditure.percent, "%")}</td>
        </tr>
        <tr>
          <RowTh>本年收入合计</RowTh>
          <td className={numCell}>
            <Amount value={t.income.amount} printed={t.income.printed} />
          </td>
          <td colSpan={3} />
        </tr>
        {t.openingBalance != null ? (
          <tr>
            <RowTh>年初结转和结余{derived("balance.opening")}</RowTh>
            <td className={numCell}>{formatWanText(t.openingBalance)}</td>
            <td colSpan={3} />
          </tr>
        ) : null}
        <tr>
          <RowTh>本年支出合计</RowTh>
          <td className={numCell}>
            <Amount value={t.expenditure.amount} printed={t.expenditure.printed} />
          </td>
          <td colSpan={3} />
        </tr>
        {t.closingBalance != null ? (
          <tr>
            <RowTh>年末结转和结余{derived("balance.closing")}</RowTh>
            <td className={numCell}>{formatWanText(t.closingBalance)}</td>
            <td colSpan={3} />
          </tr>
        ) : null}
      </tbody>
    </DocTable>
  );
}

/** 收入决算: income by source with shares. */
export function IncomeTable({ doc }: { doc: YearDocument }) {
  return (
    <DocTable id="table-income" caption={`${doc.ref.year}年度收入决算（按来源，万元）`}>
      <thead>
        <tr>
          <Th>收入来源</Th>
          <Th className={numCell}>金额</Th>
          <Th className={numCell}>占本年收入合计</Th>
        </tr>
      </thead>
      <tbody>
        {doc.income.map((l) => (
          <tr key={l.source}>
            <RowTh>{INCOME_SOURCE_LABELS[l.source] ?? l.source}</RowTh>
            <td className={numCell}>{formatWanText(l.amount)}</td>
            <td className={numCell}>{formatPercentText(l.share)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <RowTh className="font-semibold">本年收入合计</RowTh>
          <td className={numCell}>
            <Amount value={doc.totals.income.amount} printed={doc.totals.income.printed} />
          </td>
          <td className={numCell}>{doc.income.length > 0 ? "100.00%" : "—"}</td>
        </tr>
      </tfoot>
    </DocTable>
  );
}

/** 支出决算: 基本支出 / 项目支出 with shares (the text alternative of the split chart). */
export function ExpenditureTable({ doc }: { doc: YearDocument }) {
  const t = doc.totals;
  return (
    <DocTable id="table-expenditure" caption={`${doc.ref.year}年度支出决算（按支出性质，万元）`}>
      <thead>
        <tr>
          <Th>支出性质</Th>
          <Th className={numCell}>金额</Th>
          <Th className={numCell}>占本年支出合计</Th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <RowTh>基本支出</RowTh>
          <td className={numCell}>
            <Amount value={t.basic.amount} printed={t.basic.printed} />
          </td>
          <td className={numCell}>{formatPercentText(t.basic.share)}</td>
        </tr>
        <tr>
          <RowTh>项目支出</RowTh>
          <td className={numCell}>
            <Amount value={t.project.amount} printed={t.project.printed} />
          </td>
          <td className={numCell}>{formatPercentText(t.project.share)}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <RowTh className="font-semibold">本年支出合计</RowTh>
          <td className={numCell}>
            <Amount value={t.expenditure.amount} printed={t.expenditure.printed} />
          </td>
          <td className={numCell}>100.00%</td>
        </tr>
      </tfoot>
    </DocTable>
  );
}

/** 财政拨款收入支出决算总体情况. */
export function FiscalTable({ doc }: { doc: YearDocument }) {
  const f = doc.totals.fiscal;
  return (
    <DocTable id="table-fiscal" caption={`${doc.ref.year}年度财政拨款收入支出决算总体情况（万元）`}>
      <thead>
        <tr>
          <Th>项目</Th>
          <Th className={numCell}>本年数</Th>
          <Th className={numCell}>上年数</Th>
          <Th className={numCell}>增减额</Th>
          <Th className={numCell}>增减率</Th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <RowTh>财政拨款收、支总计</RowTh>
          <td className={numCell}>
            <Amount value={f.amount} printed={f.printed} />
          </td>
          <td className={numCell}>{formatWanText(f.previous)}</td>
          <td className={numCell}>{signed(f.change)}</td>
          <td className={numCell}>{signed(f.percent, "%")}</td>
        </tr>
      </tbody>
    </DocTable>
  );
}

/** 一般公共预算财政拨款支出决算总体情况. */
export function GeneralBudgetOverallTable({ doc }: { doc: YearDocument }) {
  const g = doc.totals.generalBudget;
  return (
    <DocTable id="table-general-budget" caption={`${doc.ref.year}年度一般公共预算财政拨款支出决算总体情况（万元）`} wide>
      <thead>
        <tr>
          <Th>项目</Th>
          <Th className={numCell}>决算数</Th>
          <Th className={numCell}>预算数</Th>
          <Th className={numCell}>完成预算</Th>
          <Th className={numCell}>上年决算数</Th>
          <Th className={numCell}>增减额</Th>
          <Th className={numCell}>增减率</Th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <RowTh>一般公共预算财政拨款支出</RowTh>
          <td className={numCell}>
            <Amount value={g.amount} printed={g.printed} />
          </td>
          <td className={numCell}>{formatWanText(g.budget)}</td>
          <td className={numCell}>{formatPercentText(g.completion)}</td>
          <td className={numCell}>{formatWanText(g.previous)}</td>
          <td className={numCell}>{signed(g.change)}</td>
          <td className={numCell}>{signed(g.percent, "%")}</td>
        </tr>
      </tbody>
    </DocTable>
  );
}

/** 一般公共预算财政拨款支出决算结构: by 功能分类 类 with shares (the text alternative of the bar chart). */
export function ByClassTable({ doc, id }: { doc: YearDocument; id: string }) {
  const g = doc.totals.generalBudget;
  return (
    <DocTable id={id} caption={`${doc.ref.year}年度一般公共预算财政拨款支出结构（按功能分类“类”，万元）`}>
      <thead>
        <tr>
          <Th>科目编码</Th>
          <Th>类</Th>
          <Th className={numCell}>支出</Th>
          <Th className={numCell}>占比</Th>
        </tr>
      </thead>
      <tbody>
        {doc.byClass.map((c) => (
          <tr key={c.code}>
            <td>{c.code}</td>
            <RowTh>{c.name}</RowTh>
            <td className={numCell}>{formatWanText(c.amount)}</td>
            <td className={numCell}>{formatPercentText(c.share)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td />
          <RowTh className="font-semibold">合计</RowTh>
          <td className={numCell}>
            <Amount value={g.amount} printed={g.printed} />
          </td>
          <td className={numCell}>100.00%</td>
        </tr>
      </tfoot>
    </DocTable>
  );
}
