"use server";

import { serverAction } from "@/features/auth/server-action";
import { saveFinalAccountsHandler, startFinalAccountsHandler } from "./handlers";

export const startFinalAccountsAction = serverAction(startFinalAccountsHandler, ["/final-accounts"]);
export const saveFinalAccountsAction = serverAction(saveFinalAccountsHandler, [["/final-accounts", "layout"]]);
