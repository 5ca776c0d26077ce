"use server";

import { serverAction } from "@/features/auth/server-action";
import { saveIndicatorsHandler, switchFrameworkHandler } from "./handlers";

const projectPage = (projectId: unknown) => [`/projects/${String(projectId)}`];

// Typed for the client here: these handlers read the project before checking the input (projectForWrite), so they are hand-written and take unknown.
export const saveIndicatorsAction = serverAction((prisma, actor, projectId: string, version: number, input: unknown) => saveIndicatorsHandler(prisma, actor, projectId, version, input), projectPage);
export const switchFrameworkAction = serverAction((prisma, actor, projectId: string, version: number, frameworkId: string) => switchFrameworkHandler(prisma, actor, projectId, version, frameworkId), projectPage);
