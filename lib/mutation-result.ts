/**
 * What a mutation returns: expected refusals are values with a Chinese message,
 * unexpected failures are thrown. Shared by every feature's mutations.
 */
export type Refusal = { ok: false; reason: "not_found" | "forbidden" | "locked" | "stale" | "duplicate" | "invalid"; message: string };
export type MutationResult<T = object> = ({ ok: true } & T) | Refusal;
