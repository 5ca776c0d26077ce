/**
 * The password policy, one place for the form, the server and the imports.
 * Length first (the strongest single rule), then what a guesser tries first: the
 * username, a very common password, one repeated character.
 */
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN = 10;
/** The rule as a form says it under a new-password field. */
export const PASSWORD_HINT = `至少 ${PASSWORD_MIN} 个字符，不能包含用户名，不能是常见密码`;
export const PASSWORD_MAX = 128;

export const PASSWORD_MESSAGES = {
  tooShort: `密码至少 ${PASSWORD_MIN} 个字符`,
  tooLong: `密码不能超过 ${PASSWORD_MAX} 个字符`,
  containsUsername: "密码不能包含用户名",
  common: "这个密码太常见，容易被猜中，请换一个",
  repeated: "密码不能由同一个字符重复组成",
  sameAsCurrent: "新密码不能与当前密码相同",
  mismatch: "两次输入的新密码不一致",
} as const;

/** The first rule the password breaks, as a Chinese message; null when it is acceptable. */
export function passwordProblem(password: string, username?: string | null): string | null {
  if (password.length < PASSWORD_MIN) return PASSWORD_MESSAGES.tooShort;
  if (password.length > PASSWORD_MAX) return PASSWORD_MESSAGES.tooLong;
  const lower = password.toLowerCase();
  const user = username?.trim().toLowerCase();
  if (user && user.length >= 3 && lower.includes(user)) return PASSWORD_MESSAGES.containsUsername;
  if (COMMON_PASSWORDS.has(lower)) return PASSWORD_MESSAGES.common;
  if (new Set(password).size === 1) return PASSWORD_MESSAGES.repeated;
  return null;
}
