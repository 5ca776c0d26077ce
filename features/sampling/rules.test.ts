import { describe, expect, it } from "vitest";
import { deviation, drawSample, qualityOf, reviewTotal } from "./rules";
import { drawSchema, reviewSchema } from "./schema";

const pool = Array.from({ length: 40 }, (_, i) => `p${i + 1}`);

describe("drawSample", () => {
  it("gives the same sample for the same candidates and seed, another for another seed", () => {
    const a = drawSample(pool, 20201231, 5);
    expect(a).toHaveLength(5);
    expect(drawSample(pool, 20201231, 5)).toEqual(a);
    expect(drawSample(pool, 20201232, 5)).not.toEqual(a);
    expect(new Set(a).size).toBe(5);
    for (const id of a) expect(pool).toContain(id);
  });

  it("is stable across versions: a recorded draw must be re-drawn identically years later", () => {
    // Fixed expectation: if this changes, every stored draw's audit check would fail.
    expect(drawSample(pool, 42, 5)).toEqual(drawSample([...pool], 42, 5));
    expect(drawSample(["a", "b", "c", "d", "e", "f"], 7, 6)).toMatchInlineSnapshot(`
      [
        "e",
        "b",
        "c",
        "d",
        "f",
        "a",
      ]
    `);
  });

  it("a larger sample starts with the smaller one (same seed)", () => {
    expect(drawSample(pool, 9, 8).slice(0, 3)).toEqual(drawSample(pool, 9, 3));
  });

  it("takes the whole pool when it is smaller than the sample, and nothing from an empty pool", () => {
    expect(drawSample(["x", "y"], 1, 5).sort()).toEqual(["x", "y"]);
    expect(drawSample([], 1, 5)).toEqual([]);
  });

  it("does not change the candidates it is given", () => {
    const copy = [...pool];
    drawSample(pool, 3, 10);
    expect(pool).toEqual(copy);
  });

  it("picks every candidate about equally often (no position bias)", () => {
    const hits = new Map<string, number>();
    for (let seed = 1; seed <= 4000; seed++) for (const id of drawSample(pool.slice(0, 10), seed, 2)) hits.set(id, (hits.get(id) ?? 0) + 1);
    // 8,000 picks over 10 candidates: 800 each expected.
    for (const n of hits.values()) expect(Math.abs(n - 800)).toBeLessThan(120);
  });
});

describe("自评质量", () => {
  it("is 好 up to 5 points of deviation, 一般 up to 10, else 差, in both directions", () => {
    expect(qualityOf("95.00", "90.00")).toBe("好");
    expect(qualityOf("90.00", "95.00")).toBe("好");
    expect(qualityOf("95.00", "89.99")).toBe("一般");
    expect(qualityOf("95.00", "85.00")).toBe("一般");
    expect(qualityOf("95.00", "84.99")).toBe("差");
    expect(qualityOf("70.00", "80.01")).toBe("差");
  });

  it("signs the deviation review − self", () => {
    expect(deviation("95.00", "88.50")).toBe("-6.50");
    expect(deviation("80.00", "82.00")).toBe("2.00");
    expect(deviation(null, "82.00")).toBeNull();
  });
});

describe("reviewTotal", () => {
  const rows = [
    { key: "budget", max: "10.00", selfScore: "10.00", reviewScore: "10.00" },
    { key: "a", max: "50.00", selfScore: "50.00", reviewScore: "40.00" },
    { key: "b", max: "30.00", selfScore: "30.00", reviewScore: "30.00" },
    { key: "c", max: "10.00", selfScore: "10.00", reviewScore: "5.00" },
  ];
  it("adds up the review scores of a full table", () => {
    expect(reviewTotal(rows)).toBe("85.00");
  });
  it("rescales to 100 as the self total does when a row is not applicable", () => {
    const withNa = [...rows.slice(0, 3), { key: "c", max: "10.00", selfScore: null, reviewScore: null }];
    // (10 + 40 + 30) × 100 / 90
    expect(reviewTotal(withNa)).toBe("88.89");
  });
  it("is null until every applicable row has a review score", () => {
    expect(reviewTotal([...rows.slice(0, 3), { key: "c", max: "10.00", selfScore: "10.00", reviewScore: null }])).toBeNull();
  });
});

describe("schemas", () => {
  const rows = [
    { key: "budget", max: "10.00", selfScore: "10.00" },
    { key: "a", max: "50.00", selfScore: "45.00" },
    { key: "na", max: "0.00", selfScore: null },
  ];
  const ok = { scores: [{ key: "budget", reviewScore: "10", reason: "" }, { key: "a", reviewScore: "45.00", reason: "" }] };

  it("accepts review scores equal to the self scores without reasons", () => {
    expect(reviewSchema(rows).safeParse(ok).success).toBe(true);
  });

  it("asks for a reason where the review score differs, refuses scores above 分值, missing rows and foreign rows, in Chinese", () => {
    const messages = (input: unknown) => {
      const r = reviewSchema(rows).safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(messages({ scores: [ok.scores[0], { key: "a", reviewScore: "40", reason: "" }] })).toEqual(["scores.1.reason: 复核得分与自评得分不同，请填写复核理由"]);
    expect(messages({ scores: [ok.scores[0], { key: "a", reviewScore: "51", reason: "x" }] })).toEqual(["scores.1.reviewScore: 复核得分不能超过分值 50.00"]);
    expect(messages({ scores: [ok.scores[0], { key: "a", reviewScore: "abc", reason: "" }] })).toEqual(["scores.1.reviewScore: 请填写复核得分（数字，最多2位小数）"]);
    expect(messages({ scores: [ok.scores[0]] })).toEqual(["scores: 还有 1 行未填写复核得分"]);
    expect(messages({ scores: [...ok.scores, { key: "na", reviewScore: "0", reason: "" }] })[0]).toContain("不属于本项目");
  });

  it("checks the draw's criteria with Chinese messages", () => {
    const base = { title: "", departmentId: "", minBudget: "", grades: [], warningsOnly: false, size: "5", seed: "" };
    expect(drawSchema.parse(base).size).toBe(5);
    const msg = (patch: object) => {
      const r = drawSchema.safeParse({ ...base, ...patch });
      return r.success ? "" : r.error.issues[0]!.message;
    };
    expect(msg({ size: "0" })).toBe("抽取数量至少为 1");
    expect(msg({ size: "201" })).toBe("一次最多抽取 200 个项目");
    expect(msg({ size: "2.5" })).toBe("抽取数量须为整数");
    expect(msg({ seed: "-1" })).toContain("随机种子须为");
    expect(msg({ seed: "9999999999" })).toContain("随机种子须为");
    expect(msg({ minBudget: "五十" })).toBe("全年预算数下限须为万元金额，如 50 或 12.5");
    expect(msg({ grades: ["A"] })).toBe("等级只能是优、良、中、差");
  });
});
