"use server";

import { serverAction } from "@/features/auth/server-action";
import { copyProjectHandler, createProjectHandler, updateProjectHandler } from "./handlers";

export const createProjectAction = serverAction(createProjectHandler, ["/projects"]);
export const updateProjectAction = serverAction(updateProjectHandler, (id) => [`/projects/${String(id)}`]);
export const copyProjectAction = serverAction(copyProjectHandler, ["/projects"]);
