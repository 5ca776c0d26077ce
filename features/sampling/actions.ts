"use server";

import { serverAction } from "@/features/auth/server-action";
import { drawHandler, returnHandler, saveReviewHandler } from "./handlers";

export const drawAction = serverAction(drawHandler, ["/sampling"]);
export const saveReviewAction = serverAction(saveReviewHandler, [["/sampling", "layout"]]);
export const returnAction = serverAction(returnHandler, [["/sampling", "layout"], "/reports"]);
