/**
 * Reference data every installation needs: indicator frameworks (as data, so old
 * reports keep the framework they used) and the 支出功能分类 codes the seed uses.
 * Upserted by natural keys: running it again changes nothing.
 */
import type { TxClient } from "../../lib/db-client";
import type { IndicatorCategory } from "../../lib/generated/prisma/enums";

type FrameworkDef = {
  code: string;
  name: string;
  description: string;
  level1: { name: string; category: IndicatorCategory; points: number; level2: string[] }[];
};

export const FRAMEWORKS: FrameworkDef[] = [
  {
    code: "CY-2021-101",
    name: "财预〔2021〕101号 项目支出绩效指标体系",
    description:
      "《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）的一级、二级指标。自评计分：预算执行率10分、产出指标50分、效益指标30分、满意度指标10分；成本指标默认不单独计分（0分），可由财政部门调整。",
    level1: [
      { name: "成本指标", category: "COST", points: 0, level2: ["经济成本指标", "社会成本指标", "生态环境成本指标"] },
      { name: "产出指标", category: "OUTPUT", points: 50, level2: ["数量指标", "质量指标", "时效指标"] },
      { name: "效益指标", category: "OUTCOME", points: 30, level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
      { name: "满意度指标", category: "SATISFACTION", points: 10, level2: ["服务对象满意度指标"] },
    ],
  },
  {
    code: "CY-2020-10",
    name: "财预〔2020〕10号 项目支出绩效自评表指标体系",
    description:
      "《项目支出绩效评价管理办法》（财预〔2020〕10号）附件项目支出绩效自评表的一级、二级指标：预算执行率10分、产出指标50分（含成本指标）、效益指标30分、满意度指标10分。许多地方仍按此表填报自评表。",
    level1: [
      { name: "产出指标", category: "OUTPUT", points: 50, level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
      { name: "效益指标", category: "OUTCOME", points: 30, level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
      { name: "满意度指标", category: "SATISFACTION", points: 10, level2: ["服务对象满意度指标"] },
    ],
  },
  {
    code: "CY-2020-10-S",
    name: "财预〔2020〕10号 自评表指标体系（效益指标含服务对象满意度）",
    description:
      "部分地方使用的财预〔2020〕10号自评表格式：效益指标下另设“服务对象满意度指标”二级指标；分值与标准格式相同（预算执行率10分、产出50分、效益30分、满意度10分）。",
    level1: [
      { name: "产出指标", category: "OUTPUT", points: 50, level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
      { name: "效益指标", category: "OUTCOME", points: 30, level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"] },
      { name: "满意度指标", category: "SATISFACTION", points: 10, level2: ["服务对象满意度指标"] },
    ],
  },
  {
    code: "GY-2020-LOCAL",
    name: "广元市2020年市本级项目支出绩效评价指标体系",
    description: "广元市2020年度项目绩效目标完成情况表使用的本地模板：一级指标“项目完成指标”“效益指标”“满意度指标”。",
    level1: [
      { name: "项目完成指标", category: "OUTPUT", points: 50, level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
      { name: "效益指标", category: "OUTCOME", points: 30, level2: ["经济效益", "社会效益", "生态效益", "可持续影响"] },
      { name: "满意度指标", category: "SATISFACTION", points: 10, level2: ["满意度指标"] },
    ],
  },
];

type LibraryDef = { level1: string; level2: string; name: string; nature: "EQ" | "GTE" | "LTE" | "QUALITATIVE"; unit?: string; targetText?: string };

/** Common third-level indicators (指标库) offered when filling in, per framework. */
export const LIBRARY: Record<string, LibraryDef[]> = {
  "CY-2021-101": [
    { level1: "成本指标", level2: "经济成本指标", name: "项目总成本", nature: "LTE", unit: "万元" },
    { level1: "成本指标", level2: "经济成本指标", name: "单位服务成本", nature: "LTE", unit: "元" },
    { level1: "产出指标", level2: "数量指标", name: "举办培训班期数", nature: "GTE", unit: "期" },
    { level1: "产出指标", level2: "数量指标", name: "培训人次", nature: "GTE", unit: "人次" },
    { level1: "产出指标", level2: "数量指标", name: "召开工作会议次数", nature: "GTE", unit: "次" },
    { level1: "产出指标", level2: "数量指标", name: "印制资料份数", nature: "GTE", unit: "份" },
    { level1: "产出指标", level2: "数量指标", name: "开展专项调研次数", nature: "GTE", unit: "次" },
    { level1: "产出指标", level2: "质量指标", name: "任务完成率", nature: "GTE", unit: "%", targetText: "100%" },
    { level1: "产出指标", level2: "质量指标", name: "数据准确率", nature: "GTE", unit: "%" },
    { level1: "产出指标", level2: "质量指标", name: "验收合格率", nature: "GTE", unit: "%" },
    { level1: "产出指标", level2: "时效指标", name: "按时完成率", nature: "GTE", unit: "%" },
    { level1: "产出指标", level2: "时效指标", name: "完成时限", nature: "QUALITATIVE", targetText: "按规定时间完成" },
    { level1: "效益指标", level2: "经济效益指标", name: "节约财政资金", nature: "GTE", unit: "万元" },
    { level1: "效益指标", level2: "社会效益指标", name: "政策知晓率", nature: "GTE", unit: "%" },
    { level1: "效益指标", level2: "社会效益指标", name: "工作效能提升", nature: "QUALITATIVE", targetText: "效果明显" },
    { level1: "效益指标", level2: "生态效益指标", name: "节能减排效果", nature: "QUALITATIVE", targetText: "效果明显" },
    { level1: "效益指标", level2: "可持续影响指标", name: "长效机制建立", nature: "QUALITATIVE", targetText: "建立健全" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "服务对象满意度", nature: "GTE", unit: "%", targetText: "≥90%" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "主管部门满意度", nature: "GTE", unit: "%" },
  ],
  "CY-2020-10": [
    { level1: "产出指标", level2: "数量指标", name: "举办培训班期数", nature: "GTE", unit: "期" },
    { level1: "产出指标", level2: "数量指标", name: "培训人次", nature: "GTE", unit: "人次" },
    { level1: "产出指标", level2: "质量指标", name: "任务完成率", nature: "GTE", unit: "%", targetText: "100%" },
    { level1: "产出指标", level2: "时效指标", name: "完成时限", nature: "QUALITATIVE", targetText: "按规定时间完成" },
    { level1: "产出指标", level2: "成本指标", name: "项目总成本", nature: "LTE", unit: "万元" },
    { level1: "效益指标", level2: "社会效益指标", name: "政策知晓率", nature: "GTE", unit: "%" },
    { level1: "效益指标", level2: "可持续影响指标", name: "长效机制建立", nature: "QUALITATIVE", targetText: "建立健全" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "服务对象满意度", nature: "GTE", unit: "%", targetText: "≥90%" },
  ],
  "GY-2020-LOCAL": [
    { level1: "项目完成指标", level2: "数量指标", name: "举办培训班期数", nature: "GTE", unit: "期" },
    { level1: "项目完成指标", level2: "数量指标", name: "参训人次", nature: "GTE", unit: "人次" },
    { level1: "项目完成指标", level2: "质量指标", name: "任务完成率", nature: "GTE", unit: "%" },
    { level1: "项目完成指标", level2: "时效指标", name: "完成时限", nature: "QUALITATIVE", targetText: "按规定时间完成" },
    { level1: "项目完成指标", level2: "成本指标", name: "项目成本控制", nature: "LTE", unit: "万元" },
    { level1: "效益指标", level2: "社会效益", name: "社会效益", nature: "QUALITATIVE", targetText: "效果明显" },
    { level1: "满意度指标", level2: "满意度指标", name: "服务对象满意", nature: "GTE", unit: "%", targetText: "100%" },
    { level1: "满意度指标", level2: "满意度指标", name: "主管部门满意", nature: "GTE", unit: "%", targetText: "100%" },
  ],
};

/** 2020 支出功能分类科目 used by the seed (类 → 款 → 项). Admins can add more. */
export const FUNCTION_CLASSES: { code: string; name: string }[] = [
  { code: "201", name: "一般公共服务支出" },
  { code: "20110", name: "人力资源事务" },
  { code: "2011001", name: "行政运行" },
  { code: "2011002", name: "一般行政管理事务" },
  { code: "208", name: "社会保障和就业支出" },
  { code: "20805", name: "行政事业单位养老支出" },
  { code: "2080505", name: "机关事业单位基本养老保险缴费支出" },
  { code: "210", name: "卫生健康支出" },
  { code: "21011", name: "行政事业单位医疗" },
  { code: "2101101", name: "行政单位医疗" },
  { code: "221", name: "住房保障支出" },
  { code: "22102", name: "住房改革支出" },
  { code: "2210201", name: "住房公积金" },
];

export function functionLevel(code: string): { level: number; parentCode: string | null } {
  if (!/^\d+$/.test(code)) throw new Error(`功能分类科目编码只能包含数字: ${code}`);
  if (code.length === 3) return { level: 1, parentCode: null };
  if (code.length === 5) return { level: 2, parentCode: code.slice(0, 3) };
  if (code.length === 7) return { level: 3, parentCode: code.slice(0, 5) };
  throw new Error(`功能分类科目编码应为3、5或7位数字: ${code}`);
}

export async function seedReferenceData(tx: TxClient) {
  for (const f of FRAMEWORKS) {
    const framework = await tx.indicatorFramework.upsert({
      where: { code: f.code },
      create: { code: f.code, name: f.name, description: f.description },
      update: {},
    });
    for (const [i, l1] of f.level1.entries()) {
      const level1 = await tx.frameworkLevel1.upsert({
        where: { frameworkId_name: { frameworkId: framework.id, name: l1.name } },
        create: { frameworkId: framework.id, name: l1.name, category: l1.category, points: l1.points, sortOrder: i },
        update: {},
      });
      for (const [j, name] of l1.level2.entries()) {
        await tx.frameworkLevel2.upsert({
          where: { level1Id_name: { level1Id: level1.id, name } },
          create: { level1Id: level1.id, name, sortOrder: j },
          update: {},
        });
      }
    }
  }
  for (const [code, items] of Object.entries(LIBRARY)) {
    const framework = await tx.indicatorFramework.findUniqueOrThrow({ where: { code }, include: { level1: { include: { level2: true } } } });
    for (const [i, item] of items.entries()) {
      const level2 = framework.level1.find((l) => l.name === item.level1)?.level2.find((l) => l.name === item.level2);
      if (!level2) throw new Error(`指标库条目的类别不存在：${code} ${item.level1}/${item.level2}`);
      await tx.libraryIndicator.upsert({
        where: { level2Id_name: { level2Id: level2.id, name: item.name } },
        create: { level2Id: level2.id, name: item.name, nature: item.nature, unit: item.unit ?? null, targetText: item.targetText ?? null, sortOrder: i },
        update: {},
      });
    }
  }
  for (const fc of FUNCTION_CLASSES) {
    const { level, parentCode } = functionLevel(fc.code);
    await tx.functionClass.upsert({
      where: { code: fc.code },
      create: { code: fc.code, name: fc.name, level, parentCode },
      update: {},
    });
  }
}
