"use server";

import { revalidatePath } from "next/cache";
import { formFile } from "@/lib/form-file";
import { getCurrentUser } from "@/features/auth/session";
import { db } from "@/lib/db";
import { importIndicatorsHandler, type ImportIndicatorsResult } from "./import-handler";
import { importNationalHandler, type NationalImportResult, type NationalPreviewResult, previewNationalHandler } from "./national-import-handler";

/** 导入绩效指标 from an uploaded .xlsx (`formData.get("file")`); all or nothing. */
export async function importIndicatorsAction(projectId: string, version: number, formData: FormData): Promise<ImportIndicatorsResult> {
  const result = await importIndicatorsHandler(db(), await getCurrentUser(), projectId, version, formFile(formData));
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}

/** 导入自评表（全国格式）, step 1: what would be imported; nothing is written. */
export async function previewNationalAction(projectId: string, formData: FormData): Promise<NationalPreviewResult> {
  return previewNationalHandler(db(), await getCurrentUser(), projectId, formFile(formData));
}

/** Step 2: the same file again, saved all or nothing. */
export async function importNationalAction(projectId: string, version: number, formData: FormData): Promise<NationalImportResult> {
  const result = await importNationalHandler(db(), await getCurrentUser(), projectId, version, formFile(formData));
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return result;
}
