import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirect } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps paths of this site", () => {
    expect(safeCallbackPath("/projects/abc?tab=1#x")).toBe("/projects/abc?tab=1#x");
    expect(safeCallbackPath("/reports")).toBe("/reports");
  });
  it("refuses anything that could lead elsewhere", () => {
    for (const v of [
      "/\\evil.example/x",
      "/%5Cevil.example",
      "/\tevil.example",
      "/%09/evil.example",
      "/\t/evil.example",
      "//evil.example",
      "/%2F/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "",
      undefined,
      "/%E0%A4%A",
    ]) {
      expect(safeCallbackPath(v), String(v)).toBe("/dashboard");
    }
  });
  it("next-auth redirect stays on the base URL", () => {
    const base = "http://localhost:3000";
    expect(safeRedirect("/projects", base)).toBe("http://localhost:3000/projects");
    expect(safeRedirect("http://localhost:3000/reports?x=1", base)).toBe("http://localhost:3000/reports?x=1");
    expect(safeRedirect("http://localhost:3000.evil.example/", base)).toBe("http://localhost:3000/dashboard");
    expect(safeRedirect("https://evil.example/", base)).toBe("http://localhost:3000/dashboard");
    expect(safeRedirect("/\\evil.example", base)).toBe("http://localhost:3000/dashboard");
  });
});
