/**
 * The page's own numeric tables of 第二部分 about particular expenses (机关运行经费, 政府采购, 国有资产),
 * each placed after the narrative section it belongs to. 基本支出, “三公”经费 and the two single-figure
 * tables are the published models (./model-table).
 */
import type { YearDocument } from "@/features/publication/year-document";
import { decimalOrNull, formatPercentText, formatWanText, signed } from "@/lib/money";
import { tableFigures } from "../table-figures";
import { DocTable, numCell, RowTh, Th } from "./doc-primitives";

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

