import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the last X-Forwarded-For entry (the one the nearest proxy added)", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4, 10.0.0.1" })).toBe("10.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("::ffff:127.0.0.1");
  });
  it("falls back to X-Real-IP, then to a fixed name, and strips anything odd", () => {
    expect(clientAddress({ "x-real-ip": "5.6.7.8" })).toBe("5.6.7.8");
    expect(clientAddress(undefined)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "evil|key\u0000" })).toBe("evilkey");
    expect(clientAddress({ "x-forwarded-for": "a".repeat(500) })).toHaveLength(64);
  });
});
