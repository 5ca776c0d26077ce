"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser, getSessionAccount } from "@/features/auth/session";
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
import type { NewAccountResult } from "./mutations";

const PAGE = "/admin/accounts";

function done<T extends ActionResult<object>>(result: T): T {
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function createAccountAction(input: unknown): Promise<ActionResult<NewAccountResult>> {
  return done(await createAccountHandler(db(), await getCurrentUser(), input));
}

export async function updateAccountAction(id: string, input: unknown): Promise<ActionResult<{ changed: boolean }>> {
  return done(await updateAccountHandler(db(), await getCurrentUser(), id, input));
}

export async function setAccountActiveAction(id: string, active: boolean): Promise<ActionResult<{ changed: boolean }>> {
  return done(await setAccountActiveHandler(db(), await getCurrentUser(), id, active));
}

export async function resetPasswordAction(id: string): Promise<ActionResult<{ username: string; temporaryPassword: string }>> {
  return done(await resetPasswordHandler(db(), await getCurrentUser(), id));
}

export async function unlockAccountAction(id: string): Promise<ActionResult<{ cleared: number }>> {
  return done(await unlockAccountHandler(db(), await getCurrentUser(), id));
}

export async function changeOwnPasswordAction(input: unknown): Promise<ActionResult> {
  return changeOwnPasswordHandler(db(), await getSessionAccount(), input);
}

/** The one-time /setup page: works only while the install has no active admin. */
export async function createFirstAdminAction(input: unknown): Promise<ActionResult<{ username: string }>> {
  const result = await createFirstAdmin(db(), typeof input === "object" && input ? { ...input, password: (input as { password?: unknown }).password || "" } : input);
  return result.ok ? { ok: true, username: result.username } : result;
}
