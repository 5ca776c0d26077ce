import { describe, expect, it } from "vitest";
import { PASSWORD_MESSAGES, passwordProblem } from "./password-policy";
import { temporaryPassword } from "./temporary-password";

describe("passwordProblem", () => {
  it("accepts a long, uncommon password", () => {
    expect(passwordProblem("Grüner-Tee-2026", "wang")).toBeNull();
    expect(passwordProblem("绩效管理平台的密码很长", "wang")).toBeNull();
  });
  it("names the first rule broken, in Chinese", () => {
    expect(passwordProblem("short", "wang")).toBe(PASSWORD_MESSAGES.tooShort);
    expect(passwordProblem("x".repeat(129), "wang")).toBe(PASSWORD_MESSAGES.tooLong);
    expect(passwordProblem("WANG-secret-1", "wang")).toBe(PASSWORD_MESSAGES.containsUsername);
    expect(passwordProblem("Password123", "wang")).toBe(PASSWORD_MESSAGES.common);
    expect(passwordProblem("Admin@123456", null)).toBe(PASSWORD_MESSAGES.common);
    expect(passwordProblem("zzzzzzzzzzzz", "wang")).toBe(PASSWORD_MESSAGES.repeated);
  });
  it("temporary passwords are 14 unambiguous characters and pass the policy", () => {
    for (let i = 0; i < 50; i++) {
      const p = temporaryPassword();
      expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{14}$/);
      expect(passwordProblem(p)).toBeNull();
    }
  });
});
