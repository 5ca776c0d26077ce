import { describe, expect, it } from "vitest";
import { internalPath, latestPath, parsePageKey, parsePortalAddress, versionPath } from "./portal-address";

describe("portal addresses", () => {
  it("parses the public addresses of a year page", () => {
    expect(parsePortalAddress("/portal/gy-swbb/2020", [])).toEqual({ kind: "latest", departmentCode: "gy-swbb", year: 2020 });
    expect(parsePortalAddress("/portal/gy-swbb/2020/v/2", [])).toEqual({ kind: "version", departmentCode: "gy-swbb", year: 2020, versionNo: 2 });
    expect(parsePortalAddress("/portal/gy-swbb/2020", ["1"])).toEqual({ kind: "legacy", departmentCode: "gy-swbb", year: 2020, versionNo: 1 });
  });

  it("leaves malformed addresses to the routes (404) and refuses the internal ones", () => {
    for (const [path, version] of [
      ["/portal", []],
      ["/portal/gy-swbb", []],
      ["/portal/gy-swbb/20x0", []],
      ["/portal/gy-swbb/2020/v", []],
      ["/portal/gy-swbb/2020/v/0", []],
      ["/portal/gy-swbb/2020/v/abc", []],
      ["/portal/gy-swbb/2020/x/1", []],
      ["/portal/gy-swbb/2020/v/1/extra", []],
      ["/portal/gy_swbb!/2020", []],
      ["/portal/%E0%A4%A/2020", []],
      ["/portal/gy-swbb/2020", ["abc"]],
      ["/portal/gy-swbb/2020", ["1", "2"]],
      ["/published/abc", []],
    ] as [string, string[]][]) {
      expect(parsePortalAddress(path, version), path).toEqual({ kind: "other" });
    }
    expect(parsePortalAddress("/portal-render/gy-swbb/2020/r1/1/current", [])).toEqual({ kind: "internal" });
    expect(parsePortalAddress("/portal-render", [])).toEqual({ kind: "internal" });
    expect(parsePortalAddress("/portal-renderer", [])).toEqual({ kind: "other" });
  });

  it("builds the public and internal addresses, and reads the internal one back", () => {
    expect(latestPath("gy-swbb", 2020)).toBe("/portal/gy-swbb/2020");
    expect(versionPath("gy-swbb", 2020, 3)).toBe("/portal/gy-swbb/2020/v/3");
    const key = { departmentCode: "gy-swbb", year: 2020, reportId: "cm0abc123", versionNo: 1, superseded: true };
    const path = internalPath(key);
    expect(path).toBe("/portal-render/gy-swbb/2020/cm0abc123/1/superseded");
    const [, , departmentCode, year, reportId, version, state] = path.split("/");
    expect(parsePageKey({ departmentCode: departmentCode!, year: year!, reportId: reportId!, version: version!, state: state! })).toEqual(key);
    expect(parsePageKey({ departmentCode: "gy-swbb", year: "2020", reportId: "r", version: "1", state: "latest" })).toBeNull();
    expect(parsePageKey({ departmentCode: "gy-swbb", year: "2020", reportId: "r/../x", version: "1", state: "current" })).toBeNull();
  });
});
