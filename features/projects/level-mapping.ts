/**
 * Maps an indicator's 一级 / 二级 onto another framework when a project is copied
 * into a year that uses it (e.g. the seed's local template → 财预〔2021〕101号):
 * 一级 by name, else by category; 二级 by name, else by name without the 指标
 * suffix, else the group's only 二级. A cost row of a 成本指标 一级 (财预〔2021〕101号) moves to the
 * target's one 成本指标 二级 (under 产出 in 财预〔2020〕10号); the way back needs a choice
 * of 经济/社会/生态成本 and is reported. Anything else is reported, never guessed.
 */
type Level2 = { id: string; name: string };
type Level1 = { id: string; name: string; category: string; level2: Level2[] };

const bare = (s: string) => s.replace(/指标$/, "");

export function mapLevels(source: { level1Name: string; category: string; level2Name: string }, target: Level1[]): { level1Id: string; level2Id: string } | null {
  const l1 = target.find((t) => t.name === source.level1Name) ?? (() => {
    const same = target.filter((t) => t.category === source.category);
    return same.length === 1 ? same[0] : undefined;
  })();
  if (!l1) {
    // A whole 一级 (e.g. 成本指标) that the target keeps as a 二级 somewhere.
    const places = target.flatMap((t) => t.level2.filter((x) => bare(x.name) === bare(source.level1Name)).map((x) => ({ level1Id: t.id, level2Id: x.id })));
    return places.length === 1 ? places[0]! : null;
  }
  const l2 =
    l1.level2.find((x) => x.name === source.level2Name) ??
    l1.level2.find((x) => bare(x.name) === bare(source.level2Name)) ??
    (l1.level2.length === 1 ? l1.level2[0] : undefined);
  return l2 ? { level1Id: l1.id, level2Id: l2.id } : null;
}
