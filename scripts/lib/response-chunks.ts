/**
 * The shapes of `res.write` / `res.end` as the serve-time wrappers (security-headers.ts,
 * outage.ts) intercept them, and the one conversion of a written chunk to bytes they share.
 */
import type http from "node:http";

export type Write = (chunk: unknown, encoding?: unknown, cb?: unknown) => boolean;
export type End = (chunk?: unknown, encoding?: unknown, cb?: unknown) => http.ServerResponse;

/** A chunk as `res.write` / `res.end` accept it, as bytes; null when there is none (a callback in its place). */
export function toBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}
