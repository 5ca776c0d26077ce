import "server-only";
/**
 * The overview's charts, rendered on the server to SVG with echarts' SSR renderer: no chart code
 * reaches the browser, and the page stays readable without JavaScript. Each chart comes with its
 * data (label → count) so that the page can print a visually hidden table next to it.
 */
import * as echarts from "echarts";
import { GRADES, RATE_BUCKETS, REPORT_STATES, REPORT_STATE_LABELS, type OverviewRow } from "./overview";

/** The app's font stack (app/globals.css --font-sans), so that Chinese renders as on the page. */
const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';
const WIDTH = 380;
const HEIGHT = 240;

export type ChartData = { title: string; unit: string; data: { label: string; value: number }[]; svg: string };

function barSvg(labels: string[], values: number[], colors: string[]): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: HEIGHT });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 12, color: "#334155" },
    grid: { left: 36, right: 12, top: 24, bottom: labels.length > 5 ? 52 : 32 },
    xAxis: { type: "category", data: labels, axisLabel: { fontFamily: FONT, interval: 0, color: "#334155", rotate: labels.length > 5 ? 30 : 0 } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontFamily: FONT, color: "#475569" } },
    series: [
      {
        type: "bar",
        data: values.map((value, i) => ({ value, itemStyle: { color: colors[i % colors.length] } })),
        label: { show: true, position: "top", fontFamily: FONT, color: "#0f172a" },
        barMaxWidth: 36,
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/**
 * Rendered SVGs by their input (labels, values, colours): a chart depends on nothing else, and echarts'
 * SSR takes 5–20 ms a chart, a third of a province overview's server time once the figures are
 * cached. Bounded; per instance (nothing to invalidate: the key is the whole input).
 */
const rendered = new Map<string, string>();
const RENDERED_MAX = 200;

function chart(title: string, unit: string, data: { label: string; value: number }[], colors: string[]): ChartData {
  const key = JSON.stringify([data, colors]);
  let svg = rendered.get(key);
  if (svg === undefined) {
    svg = barSvg(data.map((d) => d.label), data.map((d) => d.value), colors);
    if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, svg);
  }
  return { title, unit, data, svg };
}

const STATE_COLORS = ["#94a3b8", "#cbd5e1", "#a78bfa", "#60a5fa", "#f97316", "#22c55e", "#15803d"];
const GRADE_COLORS = ["#15803d", "#22c55e", "#eab308", "#dc2626"];
const RATE_COLORS = ["#dc2626", "#eab308", "#22c55e", "#f97316", "#94a3b8"];

export function overviewCharts(totals: Pick<OverviewRow, "reports" | "grades" | "rateBuckets">): ChartData[] {
  return [
    chart("自评报告进度", "个", REPORT_STATES.map((s) => ({ label: REPORT_STATE_LABELS[s], value: totals.reports[s] })), STATE_COLORS),
    chart("自评等级分布", "个", GRADES.map((g) => ({ label: g, value: totals.grades[g] })), GRADE_COLORS),
    chart("预算执行率分布", "个", RATE_BUCKETS.map((b, i) => ({ label: b.label, value: totals.rateBuckets[i] ?? 0 })), RATE_COLORS),
  ];
}
