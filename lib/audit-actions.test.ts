import { describe, expect, it } from "vitest";
import { fieldChanges } from "./audit-actions";

describe("fieldChanges", () => {
  it("lists the fields of the new values that differ, with both values", () => {
    expect(fieldChanges({ name: "甲", role: "OWNER", phone: null, extra: 1 }, { name: "乙", role: "OWNER", phone: "123" })).toEqual({
      name: { from: "甲", to: "乙" },
      phone: { from: null, to: "123" },
    });
  });
  it("is empty when nothing changed (fields only in the old values are not compared)", () => {
    expect(fieldChanges({ name: "甲", sortOrder: 2 }, { name: "甲" })).toEqual({});
  });
});
