"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/features/auth/session";
import { db } from "@/lib/db";
import { importIndicatorsHandler, type ImportIndicatorsResult } from "./import-handler";

/** 导入绩效指标 from an uploaded .xlsx (`formData.get("file")`); all or nothing. */
export async function importIndicatorsAction(projectId: string, version: number, formData: FormData): Promise<ImportIndicatorsResult> {
  const result = await importIndicatorsHandler(db(), await getCurrentUser(), projectId, version, formData.get("file"));
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}
