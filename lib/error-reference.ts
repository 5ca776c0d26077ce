import { randomBytes } from "node:crypto";

/** A short reference for an error: logged on the server with the details, shown to the user instead of them. */
export function errorReference(): string {
  return randomBytes(5).toString("hex");
}
