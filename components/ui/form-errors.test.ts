import { describe, expect, it, vi } from "vitest";
import { fieldAria, placeFieldErrors } from "./form-errors";

type Form = { name: string; email: string; rows: { score: string }[] };

describe("placeFieldErrors", () => {
  it("puts the errors of this form's fields on them, focusing only the first", () => {
    const setError = vi.fn();
    const placed = placeFieldErrors<Form>(setError, [{ path: "email", message: "邮箱格式不正确" }, { path: "other", message: "不是本表的字段" }, { path: "name", message: "请填写姓名" }], ["name", "email"]);
    expect(placed).toBe(true);
    expect(setError.mock.calls).toEqual([
      ["email", { message: "邮箱格式不正确" }, { shouldFocus: true }],
      ["name", { message: "请填写姓名" }, { shouldFocus: false }],
    ]);
  });

  it("maps nested paths through a function, and says when nothing was placed", () => {
    const setError = vi.fn();
    const toRow = (path: string) => (/^rows\.\d+\.score$/.test(path) ? (path as "rows.0.score") : null);
    expect(placeFieldErrors<Form>(setError, [{ path: "rows.2.score", message: "超过分值" }], toRow)).toBe(true);
    expect(setError).toHaveBeenCalledWith("rows.2.score", { message: "超过分值" }, { shouldFocus: true });
    expect(placeFieldErrors<Form>(vi.fn(), [{ path: "", message: "保存失败" }], ["name"])).toBe(false);
    expect(placeFieldErrors<Form>(vi.fn(), undefined, ["name"])).toBe(false);
  });
});

describe("fieldAria", () => {
  it("names each control and ties an invalid one to its error message", () => {
    const { id, aria } = fieldAria<Form>("new", { email: { type: "manual", message: "邮箱格式不正确" } });
    expect(id("email")).toBe("new-email");
    expect(aria("email")).toEqual({ "aria-invalid": true, "aria-describedby": "new-email-error" });
    expect(aria("name")).toEqual({ "aria-invalid": false, "aria-describedby": undefined });
  });
});
