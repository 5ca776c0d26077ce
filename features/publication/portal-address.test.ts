import { describe, expect, it } from "vitest";
import { etagMatches, internalPath, latestPath, pageEtag, parsePageKey, parsePortalAddress, versionPath } from "./portal-address";

describe("portal addresses", () => {
  it("parses the public addresses of a year page", () => {
    expect(parsePortalAddress("/portal/gy-swbb/2020", [])).toEqual({ kind: "latest", departmentCode: "gy-swbb", year: 2020 });
    expect(parsePortalAddress("/portal/gy-swbb/2020/v/2", [])).toEqual({ kind: "version", departmentCode: "gy-swbb", year: 2020, versionNo: 2 });
    expect(parsePortalAddress("/portal/gy-swbb/2020", ["1"])).toEqual({ kind: "legacy", departmentCode: "gy-swbb", year: 2020, versionNo: 1 });
  });

  it("leaves malformed addresses and everything else to the routes", () => {
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
      ["/portal-render/gy-swbb/2020/p1/current", []],
    ] as [string, string[]][]) {
      expect(parsePortalAddress(path, version), path).toEqual({ kind: "other" });
    }
  });

  it("builds the public and internal addresses, and reads the internal one back", () => {
    expect(latestPath("gy-swbb", 2020)).toBe("/portal/gy-swbb/2020");
    expect(versionPath("gy-swbb", 2020, 3)).toBe("/portal/gy-swbb/2020/v/3");
    const current = { departmentCode: "gy-swbb", year: 2020, publicationId: "cm0pub1", successorId: null };
    expect(internalPath(current)).toBe("/portal-render/gy-swbb/2020/cm0pub1/current");
    const superseded = { ...current, successorId: "cm0pub2" };
    const path = internalPath(superseded);
    expect(path).toBe("/portal-render/gy-swbb/2020/cm0pub1/cm0pub2");
    const [, , departmentCode, year, publicationId, successor] = path.split("/");
    expect(parsePageKey({ departmentCode: departmentCode!, year: year!, publicationId: publicationId!, successor: successor! })).toEqual(superseded);
    expect(parsePageKey({ departmentCode: "gy-swbb", year: "2020", publicationId: "cm0pub1", successor: "current" })).toEqual(current);
    expect(parsePageKey({ departmentCode: "gy-swbb", year: "2020", publicationId: "r/../x", successor: "current" })).toBeNull();
    expect(parsePageKey({ departmentCode: "gy-swbb", year: "20x0", publicationId: "r", successor: "current" })).toBeNull();
  });

  it("tags a page by its key and build, and matches If-None-Match", () => {
    const current = pageEtag({ publicationId: "p1", successorId: null }, "b1");
    expect(current).toBe('"p1.current.b1"');
    expect(pageEtag({ publicationId: "p1", successorId: "p2" }, "b1")).not.toBe(current);
    expect(pageEtag({ publicationId: "p1", successorId: null }, "b2")).not.toBe(current);
    expect(etagMatches(current, current)).toBe(true);
    expect(etagMatches(`"x", W/${current}`, current)).toBe(true);
    expect(etagMatches("*", current)).toBe(true);
    expect(etagMatches('"p1.current.b2"', current)).toBe(false);
    expect(etagMatches(null, current)).toBe(false);
  });

});
