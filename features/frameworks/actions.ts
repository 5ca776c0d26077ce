"use server";

import { formFile } from "@/lib/form-file";
import { serverAction } from "@/features/auth/server-action";
import { copyFrameworkHandler, importLibraryHandler, newVersionHandler, retireLibraryItemHandler, saveLibraryItemHandler, updateStructureHandler } from "./handlers";

export const copyFrameworkAction = serverAction(copyFrameworkHandler, [["/admin/frameworks", "layout"]]);
export const newVersionAction = serverAction(newVersionHandler, [["/admin/frameworks", "layout"]]);
export const updateStructureAction = serverAction(updateStructureHandler, [["/admin/frameworks", "layout"]]);
export const saveLibraryItemAction = serverAction(saveLibraryItemHandler, [["/admin/frameworks", "layout"]]);
export const retireLibraryItemAction = serverAction(retireLibraryItemHandler, [["/admin/frameworks", "layout"]]);
export const importLibraryAction = serverAction(
  (prisma, actor, frameworkId: string, form: FormData) => importLibraryHandler(prisma, actor, frameworkId, formFile(form)),
  [["/admin/frameworks", "layout"]],
);
