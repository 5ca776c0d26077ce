/**
 * What the project server actions do, given the actor (null = anonymous): check the permission,
 * check each argument (the form's input with the shared zod schema), run the mutation
 * (features/auth/handler.ts). The "use server" wrappers in actions.ts add only the session and
 * cache revalidation.
 */
import { arg, handler } from "@/features/auth/handler";
import type { ActionResult } from "@/lib/action-result";
import { copyProjectToYear, createProject, updateProject } from "./mutations";
import { projectSchema } from "./schema";

const NOT_FOUND: ActionResult<never> = { ok: false, reason: "not_found", message: "项目不存在" };

export const createProjectHandler = handler("project.write", arg.year, arg.input(projectSchema))(createProject);
export const updateProjectHandler = handler("project.write", arg.id(NOT_FOUND), arg.version, arg.input(projectSchema))(updateProject);
export const copyProjectHandler = handler("project.write", arg.id(NOT_FOUND), arg.year)(copyProjectToYear);
