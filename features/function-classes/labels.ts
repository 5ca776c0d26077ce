import type { ItemCode } from "./item-codes";

/**
 * How the published documents name a 类 in running text: 一般公共服务支出 →
 * 一般公共服务（类）. (The 类's own name ends in 支出; the documents put the level
 * marker before it and say 支出 after it where they mean the spending.)
 */
export function classLabel(name: string): string {
  return `${name.endsWith("支出") ? name.slice(0, -2) : name}（类）`;
}

/** 一般公共服务（类）人力资源事务（款）行政运行（项）, as the 具体情况 lines name a 项. */
export function itemLabel(item: ItemCode): string {
  return `${item.className ? classLabel(item.className) : ""}${item.subclassName ? `${item.subclassName}（款）` : ""}${item.name}（项）`;
}
