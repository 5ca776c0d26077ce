import type { ChartData } from "../charts";

/** A server-rendered SVG chart; screen readers get the same numbers as a table. */
export function ChartFigure({ chart }: { chart: ChartData }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-sm font-semibold text-slate-700">{chart.title}</figcaption>
      {/* The SVG is generated on the server by echarts from numbers only (no user text). */}
      <div aria-hidden="true" className="overflow-x-auto [&_svg]:max-w-full [&_svg]:h-auto" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <table className="sr-only">
        <caption>{chart.title}</caption>
        <thead>
          <tr>
            <th scope="col">类别</th>
            <th scope="col">数量（{chart.unit}）</th>
          </tr>
        </thead>
        <tbody>
          {chart.data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
