/**
 * The numeric tables of 第二部分 about particular expenses (基本支出, 三公经费, 机关运行经费, 政府采购,
 * 国有资产 and single figures), each placed after the narrative section it belongs to.
 */
import type { YearDocument } from "@/features/publication/year-document";
import { decimalOrNull, fmt2, formatPercentText, formatWanText, signed } from "@/lib/money";
import { THREE_PUBLIC_LABELS } from "../labels";
import { tableFigures } from "../table-figures";
import { Amount, DocTable, numCell, RowTh, Th } from "./doc-primitives";

export function BasicExpenditureTable({ doc }: { doc: YearDocument }) {
  const { personnel, publicUse } = doc.basicItems;
  const sum = tableFigures(doc).basicSplit;
  const printedTotal = doc.figures["basic.total"]?.amount ?? null;
  const computed = doc.totals.basic.amount;
  return (
    <>
      <DocTable id="table-basic" caption={`${doc.ref.year}年度一般公共预算财政拨款基本支出（万元）`} wide>
        <thead>
          <tr>
            <Th>经济分类</Th>
            <Th className={numCell}>金额</Th>
            <Th>主要包括</Th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <RowTh className="whitespace-nowrap">人员经费</RowTh>
            <td className={numCell}>{formatWanText(personnel.amount)}</td>
            <td>{personnel.items.join("、")}</td>
          </tr>
          <tr>
            <RowTh className="whitespace-nowrap">日常公用经费</RowTh>
            <td className={numCell}>{formatWanText(publicUse.amount)}</td>
            <td>{publicUse.items.join("、")}</td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <RowTh className="font-semibold whitespace-nowrap">基本支出合计</RowTh>
            <td className={numCell}>
              <Amount value={computed} printed={printedTotal} />
            </td>
            <td className="text-slate-700">按支出功能分类明细计算</td>
          </tr>
        </tfoot>
      </DocTable>
      {fmt2(sum) !== formatWanText(computed) ? (
        <p className="text-sm text-slate-700">注：人员经费与日常公用经费之和为 {fmt2(sum)} 万元，与按支出功能分类明细计算的基本支出 {formatWanText(computed)} 万元不一致。</p>
      ) : null}
    </>
  );
}

/** “三公”经费: items, shares, changes, 批次/人次 and vehicles held. */
export function ThreePublicTable({ doc }: { doc: YearDocument }) {
  const tp = doc.threePublic;
  const line = (kind: string) => tp.lines.find((l) => l.kind === kind);
  const abroad = line("ABROAD");
  const figures = tableFigures(doc).threePublic;
  const sub = (kind: string) => {
    const l = line(kind);
    if (!l) return null;
    const completion = figures.completion(kind);
    return (
      <tr key={kind}>
        <RowTh indent>其中：{THREE_PUBLIC_LABELS[kind]}</RowTh>
        <td className={numCell}>{formatWanText(l.amount)}</td>
        <td className={numCell}>{formatWanText(l.budget)}</td>
        <td className={numCell}>{formatPercentText(completion)}</td>
        <td className={numCell}>{formatPercentText(l.share)}</td>
        <td className={numCell} colSpan={3} />
        <td className={numCell}>{l.batches != null ? `${l.batches}批次` : ""}</td>
        <td className={numCell}>{l.persons != null ? `${l.persons}人次` : ""}</td>
      </tr>
    );
  };
  const vehiclesHeld = doc.figures["assets.vehicles"];
  return (
    <>
      <DocTable id="table-three-public" caption={`${doc.ref.year}年度“三公”经费财政拨款支出决算（万元）`} wide>
        <thead>
          <tr>
            <Th>项目</Th>
            <Th className={numCell}>决算数</Th>
            <Th className={numCell}>预算数</Th>
            <Th className={numCell}>完成预算</Th>
            <Th className={numCell}>占比</Th>
            <Th className={numCell}>上年决算数</Th>
            <Th className={numCell}>增减额</Th>
            <Th className={numCell}>增减率</Th>
            <Th className={numCell}>接待批次</Th>
            <Th className={numCell}>接待人次</Th>
          </tr>
        </thead>
        <tbody>
          {abroad ? (
            <tr>
              <RowTh>因公出国（境）费</RowTh>
              <td className={numCell}>{formatWanText(abroad.amount)}</td>
              <td className={numCell}>{formatWanText(abroad.budget)}</td>
              <td className={numCell}>—</td>
              <td className={numCell}>{formatPercentText(abroad.share)}</td>
              <td className={numCell} colSpan={5} />
            </tr>
          ) : null}
          <tr>
            <RowTh>公务用车购置及运行维护费</RowTh>
            <td className={numCell}>{formatWanText(tp.vehicles.amount)}</td>
            <td className={numCell}>—</td>
            <td className={numCell}>—</td>
            <td className={numCell}>{formatPercentText(tp.vehicles.share)}</td>
            <td className={numCell}>{formatWanText(tp.vehicles.previous)}</td>
            <td className={numCell}>{signed(tp.vehicles.change)}</td>
            <td className={numCell}>{signed(tp.vehicles.percent, "%")}</td>
            <td colSpan={2} />
          </tr>
          {sub("VEHICLE_PURCHASE")}
          {sub("VEHICLE_OPERATION")}
          <tr>
            <RowTh>公务接待费</RowTh>
            <td className={numCell}>{formatWanText(tp.reception.amount)}</td>
            <td className={numCell}>—</td>
            <td className={numCell}>—</td>
            <td className={numCell}>{formatPercentText(tp.reception.share)}</td>
            <td className={numCell}>{formatWanText(tp.reception.previous)}</td>
            <td className={numCell}>{signed(tp.reception.change)}</td>
            <td className={numCell}>{signed(tp.reception.percent, "%")}</td>
            <td colSpan={2} />
          </tr>
          {sub("RECEPTION_DOMESTIC")}
          {sub("RECEPTION_FOREIGN")}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <RowTh className="font-semibold">合计</RowTh>
            <td className={numCell}>
              <Amount value={tp.total} printed={doc.figures["threePublic.total"]?.amount ?? null} />
            </td>
            <td className={numCell}>{formatWanText(tp.budget)}</td>
            <td className={numCell}>—</td>
            <td className={numCell}>100.00%</td>
            <td colSpan={5} />
          </tr>
        </tfoot>
      </DocTable>
      {vehiclesHeld?.quantity != null ? (
        <p className="text-sm text-slate-700">
          公务用车保有量：{vehiclesHeld.quantity}辆{vehiclesHeld.text ? `（${vehiclesHeld.text}）` : ""}。
        </p>
      ) : null}
    </>
  );
}

/** A one-figure table (政府性基金 / 国有资本经营预算财政拨款支出). */
export function SingleFigureTable({ id, caption, label, amount }: { id: string; caption: string; label: string; amount: string | null | undefined }) {
  return (
    <DocTable id={id} caption={caption}>
      <thead>
        <tr>
          <Th>项目</Th>
          <Th className={numCell}>金额（万元）</Th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <RowTh>{label}</RowTh>
          <td className={numCell}>{formatWanText(amount)}</td>
        </tr>
      </tbody>
    </DocTable>
  );
}

/** 机关运行经费 with the change against the prior year. */
export function OperatingExpensesTable({ doc }: { doc: YearDocument }) {
  const o = doc.operatingExpenses;
  return (
    <DocTable id="table-operating" caption={`${doc.ref.year}年度机关运行经费支出（万元）`}>
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
          <RowTh>机关运行经费</RowTh>
          <td className={numCell}>{formatWanText(o.amount)}</td>
          <td className={numCell}>{formatWanText(o.previous)}</td>
          <td className={numCell}>{signed(o.change)}</td>
          <td className={numCell}>{signed(o.percent, "%")}</td>
        </tr>
      </tbody>
    </DocTable>
  );
}

/** 政府采购: 货物/工程/服务 and the share granted to small and medium enterprises. */
export function ProcurementTable({ doc }: { doc: YearDocument }) {
  const f = (k: string) => doc.figures[`procurement.${k}`]?.amount ?? null;
  const total = decimalOrNull(f("total"));
  const figures = tableFigures(doc);
  const share = (k: string) => formatPercentText(figures.procurementShare(k));
  const rows: [string, string][] = [
    ["goods", "政府采购货物支出"],
    ["works", "政府采购工程支出"],
    ["services", "政府采购服务支出"],
  ];
  return (
    <DocTable id="table-procurement" caption={`${doc.ref.year}年度政府采购支出（万元）`}>
      <thead>
        <tr>
          <Th>项目</Th>
          <Th className={numCell}>金额</Th>
          <Th className={numCell}>占政府采购支出总额</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, label]) => (
          <tr key={k}>
            <RowTh>{label}</RowTh>
            <td className={numCell}>{formatWanText(f(k))}</td>
            <td className={numCell}>{share(k)}</td>
          </tr>
        ))}
        <tr>
          <RowTh className="font-semibold">政府采购支出总额</RowTh>
          <td className={numCell}>{formatWanText(f("total"))}</td>
          <td className={numCell}>{total ? "100.00%" : "—"}</td>
        </tr>
        <tr>
          <RowTh indent>其中：授予中小企业合同金额</RowTh>
          <td className={numCell}>{formatWanText(f("sme"))}</td>
          <td className={numCell}>{share("sme")}</td>
        </tr>
      </tbody>
    </DocTable>
  );
}

/** 国有资产占有使用情况: vehicles and high-value equipment. */
export function StateAssetsTable({ doc }: { doc: YearDocument }) {
  const q = (k: string) => doc.figures[`assets.${k}`];
  const rows: [string, string, string][] = [
    ["vehicles", "车辆", "辆"],
    ["generalEquipmentOver50Wan", "单价50万元以上通用设备", "台（套）"],
    ["specialEquipmentOver100Wan", "单价100万元以上专用设备", "台（套）"],
  ];
  return (
    <DocTable id="table-assets" caption={`截至${doc.ref.year}年12月31日国有资产占有使用情况`}>
      <thead>
        <tr>
          <Th>资产</Th>
          <Th className={numCell}>数量</Th>
          <Th>说明</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([k, label, unit]) => (
          <tr key={k}>
            <RowTh>{label}</RowTh>
            <td className={numCell}>{q(k)?.quantity != null ? `${q(k)!.quantity}${unit}` : "—"}</td>
            <td>{q(k)?.text ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </DocTable>
  );
}

