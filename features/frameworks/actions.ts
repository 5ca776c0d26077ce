"use server";

import { revalidatePath } from "next/cache";
import { formFile } from "@/lib/form-file";
import { getCurrentUser } from "@/features/auth/session";
import { db } from "@/lib/db";
import { copyFrameworkHandler, importLibraryHandler, newVersionHandler, retireLibraryItemHandler, saveLibraryItemHandler, updateStructureHandler } from "./handlers";

const PAGE = "/admin/frameworks";

async function after<T extends { ok: boolean }>(p: Promise<T>): Promise<T> {
  const r = await p;
  if (r.ok) revalidatePath(PAGE, "layout");
  return r;
}

export async function copyFrameworkAction(sourceId: string, input: unknown) {
  return after(copyFrameworkHandler(db(), await getCurrentUser(), sourceId, input));
}
export async function newVersionAction(id: string) {
  return after(newVersionHandler(db(), await getCurrentUser(), id));
}
export async function updateStructureAction(id: string, version: number, input: unknown) {
  return after(updateStructureHandler(db(), await getCurrentUser(), id, version, input));
}
export async function saveLibraryItemAction(frameworkId: string, itemId: string | null, input: unknown) {
  return after(saveLibraryItemHandler(db(), await getCurrentUser(), frameworkId, itemId, input));
}
export async function retireLibraryItemAction(frameworkId: string, itemId: string, retired: boolean) {
  return after(retireLibraryItemHandler(db(), await getCurrentUser(), frameworkId, itemId, retired));
}
export async function importLibraryAction(frameworkId: string, form: FormData) {
  return after(importLibraryHandler(db(), await getCurrentUser(), frameworkId, formFile(form)));
}
