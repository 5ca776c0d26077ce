/**
 * Synthetic, reproducible data at the scale of a city or a province (`npm run demo:scale`,
 * bench/scale.ts): departments with sub-units (二级预算单位), their year opened, projects with
 * funding by source, indicator tables under the year's framework whose 分值 add up to each 一级's
 * points (so every table scores), self-evaluation reports in every status.
 *
 * The same seed gives the same data (mulberry32). Rows are written with multi-row
 * `INSERT … SELECT FROM unnest(…)` statements, thousands at a time: Prisma's createMany costs
 * about 1 ms a row here, too slow for 60,000 indicator rows "in well under a minute". What the
 * rows contain follows the app's rules (the integration test scores every generated table with
 * features/scoring and finds no error).
 */
import type pg from "pg";
import { mulberry32 } from "../../lib/seeded-random";
import { reportScopeKey } from "../../lib/report-create";

export type ScaleOptions = { departments: number; projects: number; indicators: number; year: number; seed: number };
export type Progress = (step: string, done: number, total: number) => void;

const BUREAUS = ["教育局", "卫生健康局", "交通运输局", "农业农村局", "住房城乡建设局", "民政局", "人力资源社会保障局", "自然资源局", "生态环境局", "水利局", "文化广电旅游局", "市场监管局", "应急管理局", "统计局", "医疗保障局", "司法局", "商务局", "林业局", "体育局", "机关事务局"];
const UNITS = ["信息中心", "服务中心", "事务中心", "监测站", "培训中心", "执法支队"];
const PROJECTS = ["专项工作经费", "信息化建设项目", "业务培训经费", "设备购置项目", "宣传教育经费", "运行维护经费", "专项补助资金", "调查统计经费", "应急保障经费", "课题研究经费"];
const QUANTITATIVE = [
  { name: "完成培训人次", unit: "人次", base: 500 },
  { name: "覆盖乡镇数", unit: "个", base: 30 },
  { name: "设备完好率", unit: "%", base: 95 },
  { name: "按时完成率", unit: "%", base: 100 },
  { name: "服务对象满意度", unit: "%", base: 90 },
  { name: "印发宣传资料", unit: "份", base: 2000 },
];
const STATUSES = ["DRAFT", "DRAFT", "SUBMITTED", "SUBMITTED", "RETURNED", "APPROVED", "APPROVED", "PUBLISHED", "PUBLISHED", "PUBLISHED"] as const;

type Framework = { id: string; level1: { id: string; points: number; level2: string[] }[] };

/** Splits `points` (two decimals) into `n` positive parts that add up exactly. */
function split(points: number, n: number): string[] {
  const cents = Math.round(points * 100);
  const base = Math.floor(cents / n);
  return Array.from({ length: n }, (_, i) => ((base + (i < cents - base * n ? 1 : 0)) / 100).toFixed(2));
}

async function frameworkOfYear(client: pg.PoolClient | pg.Pool, year: number): Promise<Framework> {
  const fy = await client.query<{ frameworkId: string }>(`SELECT "frameworkId" FROM "FiscalYear" WHERE "year" = $1`, [year]);
  const id = fy.rows[0]?.frameworkId ?? (await client.query<{ id: string }>(`SELECT "id" FROM "IndicatorFramework" WHERE "code" = 'CY-2021-101'`)).rows[0]?.id;
  if (!id) throw new Error("找不到指标体系 CY-2021-101：请先载入参考数据（npm start 或 npm run db:seed）");
  const l1 = await client.query<{ id: string; points: string }>(`SELECT "id", "points"::text FROM "FrameworkLevel1" WHERE "frameworkId" = $1 ORDER BY "sortOrder"`, [id]);
  const level1 = [];
  for (const g of l1.rows) {
    const l2 = await client.query<{ id: string }>(`SELECT "id" FROM "FrameworkLevel2" WHERE "level1Id" = $1 ORDER BY "sortOrder"`, [g.id]);
    if (Number(g.points) > 0 && l2.rows.length) level1.push({ id: g.id, points: Number(g.points), level2: l2.rows.map((r) => r.id) });
  }
  if (!level1.length) throw new Error("指标体系没有可用的一级指标");
  return { id, level1 };
}

/** Inserts rows into a table with one `INSERT … SELECT FROM unnest(…)` per batch. */
/** Inserts `rows` in batches; `spec` names the columns in row order, `name` (text) or `name:type`. */
async function insertRows(client: pg.PoolClient, table: string, spec: string, rows: unknown[][], onBatch: (n: number) => void, batch = 5000) {
  const columns = spec.split(/\s+/).map((c) => c.split(":"));
  const cols = columns.map(([name]) => `"${name}"`).join(", ");
  const params = columns.map(([, type = "text"], i) => `$${i + 1}::${type}[]`).join(", ");
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const arrays = columns.map((_, i) => chunk.map((r) => r[i]));
    await client.query(`INSERT INTO "${table}" (${cols}) SELECT * FROM unnest(${params})`, arrays);
    onBatch(chunk.length);
  }
}

/**
 * Writes the data set for `opts.year` in one transaction (all or nothing). Refuses when the
 * year already holds data generated with this seed: run again with another --seed or --year.
 */
export async function writeScaleData(pool: pg.Pool, opts: ScaleOptions, progress: Progress = () => {}) {
  const rnd = mulberry32(opts.seed);
  const prefix = `s${opts.seed}`;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const exists = await client.query(`SELECT 1 FROM "Department" WHERE "code" = $1`, [`${prefix}-1`]);
    if (exists.rowCount) throw new Error(`种子 ${opts.seed} 的示例数据已存在：请换一个 --seed`);
    const fw = await frameworkOfYear(client, opts.year);
    await client.query(`INSERT INTO "FiscalYear" ("year", "status", "frameworkId") VALUES ($1, 'OPEN', $2) ON CONFLICT ("year") DO NOTHING`, [opts.year, fw.id]);
    const now = new Date();
    const insert = (table: string, spec: string, rows: unknown[][], label: string) => insertRows(client, table, spec, rows, (n) => progress(label, n, rows.length));

    // Departments, each with 0–3 sub-units; every one has its year opened.
    const departments: unknown[][] = [];
    const units: { id: string; name: string }[] = [];
    for (let d = 1; d <= opts.departments; d++) {
      const id = `${prefix}-d${d}`;
      const bureau = `${BUREAUS[(d - 1) % BUREAUS.length]}${d > BUREAUS.length ? Math.ceil(d / BUREAUS.length) : ""}`;
      departments.push([id, `${prefix}-${d}`, `示例市${bureau}`, bureau, null, d, now]);
      units.push({ id, name: `示例市${bureau}` });
      const subs = Math.floor(rnd() * 4);
      for (let u = 1; u <= subs; u++) {
        const uid = `${id}u${u}`;
        const unit = UNITS[(d + u) % UNITS.length]!;
        departments.push([uid, `${prefix}-${d}-${u}`, `示例市${bureau}${unit}`, `${bureau}${unit}`, id, u, now]);
        units.push({ id: uid, name: `示例市${bureau}${unit}` });
      }
    }
    await insert("Department", "id code name shortName parentId sortOrder:int updatedAt:timestamp", departments, "部门与下属单位");
    const years = units.map((u) => [`${u.id}-y${opts.year}`, u.id, opts.year, now]);
    await insert("DepartmentYear", "id departmentId year:int updatedAt:timestamp", years, "部门年度");

    // Projects spread over the departments and units; funding 财政拨款 + 其他资金 in 元.
    const projects: unknown[][] = [];
    const funding: unknown[][] = [];
    const indicators: unknown[][] = [];
    const reports: unknown[][] = [];
    const perProject = Math.max(3, Math.round(opts.indicators / Math.max(1, opts.projects)));
    for (let p = 1; p <= opts.projects; p++) {
      const unit = units[Math.floor(rnd() * units.length)]!;
      const id = `${prefix}-p${p}`;
      const name = `${unit.name.replace("示例市", "")}${PROJECTS[p % PROJECTS.length]}${p}`;
      projects.push([id, unit.id, `${unit.id}-y${opts.year}`, opts.year, name, unit.name, unit.name, fw.id, p, now]);
      const budget = Math.round((5 + rnd() * 495) * 10000);
      const fiscal = Math.round(budget * (0.6 + rnd() * 0.4));
      const rate = 0.55 + rnd() * 0.45;
      for (const [source, amount] of [["FISCAL", fiscal], ["OTHER", budget - fiscal]] as const) {
        if (amount > 0) funding.push([`${id}-${source}`, id, source, amount, amount, Math.round(amount * rate)]);
      }
      // Indicators: each 一级 gets a share of the rows; its 分值 add up to its points.
      const groups = fw.level1;
      const counts = groups.map(() => 1);
      for (let extra = perProject - groups.length; extra > 0; extra--) counts[Math.floor(rnd() * groups.length)]! += 1;
      let order = 0;
      groups.forEach((g, gi) => {
        const weights = split(g.points, counts[gi]!);
        for (let k = 0; k < counts[gi]!; k++) {
          const q = QUANTITATIVE[Math.floor(rnd() * QUANTITATIVE.length)]!;
          const target = q.unit === "%" ? q.base : Math.round(q.base * (0.5 + rnd()));
          const short = rnd() < 0.2;
          const actual = q.unit === "%" ? Math.min(100, Math.round(target * (short ? 0.9 : 1) * 100) / 100) : Math.round(target * (short ? 0.85 : 1 + rnd() * 0.1));
          order += 1;
          indicators.push([`${id}-i${order}`, id, order, g.id, g.level2[k % g.level2.length]!, q.name, "GTE", target, `≥${target}${q.unit}`, q.unit, actual, `${actual}${q.unit}`, weights[k]!, actual < target ? "受客观因素影响未完全达到预期，下年度加强调度。" : "", now]);
        }
      });
      if (rnd() < 0.8) {
        const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
        const submitted = status === "DRAFT" ? null : now;
        reports.push([`${id}-r`, "PROJECT_SELF_EVALUATION", reportScopeKey("PROJECT_SELF_EVALUATION", `${unit.id}-y${opts.year}`, id), unit.id, `${unit.id}-y${opts.year}`, opts.year, id, `${name}项目支出绩效自评报告`, status, submitted, now]);
      }
    }
    await insert("Project", "id departmentId departmentYearId year:int name competentDepartment implementingUnit frameworkId sortOrder:int updatedAt:timestamp", projects, "项目");
    await insert("ProjectFunding", 'id projectId source:"FundSource" initialBudget:numeric annualBudget:numeric executed:numeric', funding, "资金");
    await insert(
      "Indicator",
      'id projectId sortOrder:int level1Id level2Id name nature:"IndicatorNature" targetValue:numeric targetText unit actualValue:numeric actualText weight:numeric deviationReason updatedAt:timestamp',
      indicators,
      "绩效指标",
    );
    await insert(
      "Report",
      'id kind:"ReportKind" scopeKey departmentId departmentYearId year:int projectId title status:"ReportStatus" submittedAt:timestamp updatedAt:timestamp',
      reports,
      "自评报告",
    );
    await client.query("COMMIT");
    return { departments: opts.departments, units: units.length - opts.departments, projects: projects.length, indicators: indicators.length, reports: reports.length };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
