import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: the admin reads it out or copies it by hand.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A one-time password for a new or reset account: 14 random characters (≈82 bits). */
export function temporaryPassword(length = 14) {
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}
