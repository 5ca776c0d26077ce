"use server";

import { serverAction } from "@/features/auth/server-action";
import { getSessionAccount } from "@/features/auth/session";
import type { ActionResult } from "@/lib/action-result";
import { db } from "@/lib/db";
import {
  changeOwnPasswordHandler,
  createAccountHandler,
  resetPasswordHandler,
  setAccountActiveHandler,
  unlockAccountHandler,
  updateAccountHandler,
} from "./handlers";
import { createFirstAdmin } from "./bootstrap";

export const createAccountAction = serverAction(createAccountHandler, ["/admin/accounts"]);
export const updateAccountAction = serverAction(updateAccountHandler, ["/admin/accounts"]);
export const setAccountActiveAction = serverAction(setAccountActiveHandler, ["/admin/accounts"]);
export const resetPasswordAction = serverAction(resetPasswordHandler, ["/admin/accounts"]);
export const unlockAccountAction = serverAction(unlockAccountHandler, ["/admin/accounts"]);

export async function changeOwnPasswordAction(input: unknown): Promise<ActionResult> {
  return changeOwnPasswordHandler(db(), await getSessionAccount(), input);
}

/** The one-time /setup page: works only while the install has no active admin. */
export async function createFirstAdminAction(input: unknown): Promise<ActionResult<{ username: string }>> {
  const result = await createFirstAdmin(db(), typeof input === "object" && input ? { ...input, password: (input as { password?: unknown }).password || "" } : input);
  return result.ok ? { ok: true, username: result.username } : result;
}
