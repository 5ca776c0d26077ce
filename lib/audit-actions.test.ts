import { describe, expect, it } from "vitest";
import { fieldChanges } from "./audit-actions";

describe("fieldChanges", () => {
  it("lists the fields of the new values that differ, with both values", () => {
    const before = { name: "甲", role: "OWNER", phone: null, extra: 1 };
    expect(fieldChanges(before, { name: "乙", role: "OWNER", phone: "123" })).toEqual({
      name: { from: "甲", to: "乙" },
      phone: { from: null, to: "123" },
    });
  });
  it("is empty when nothing changed (fields only in the old values are not compared)", () => {
    const before = { name: "甲", sortOrder: 2 };
    expect(fieldChanges(before, { name: "甲" })).toEqual({});
  });
});
