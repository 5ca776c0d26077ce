"use server";

import { serverAction } from "@/features/auth/server-action";
import { saveIndicatorsHandler, switchFrameworkHandler } from "./handlers";

const projectPage = (projectId: unknown) => [`/projects/${String(projectId)}`];

export const saveIndicatorsAction = serverAction(saveIndicatorsHandler, projectPage);
export const switchFrameworkAction = serverAction(switchFrameworkHandler, projectPage);
