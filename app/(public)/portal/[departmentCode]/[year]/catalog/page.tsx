import type { Metadata } from "next";
import { DepartmentYearPage, departmentYearMetadata, type DepartmentYearParams } from "@/features/publication/components/department-year-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<DepartmentYearParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return departmentYearMetadata(await params);
}

/** Everything published in a department's year (the department-year page). */
export default async function CatalogPage({ params }: Props) {
  return <DepartmentYearPage params={await params} />;
}
