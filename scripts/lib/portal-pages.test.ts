import { describe, expect, it } from "vitest";
import { ByteLru, keptHeaders, negotiateEncoding, portalDocumentAddress } from "./portal-pages";

describe("portalDocumentAddress", () => {
  it("takes document GETs of the current and of a numbered version", () => {
    expect(portalDocumentAddress("GET", "/portal/gy-swbb/2020", {})).toEqual({ kind: "latest", departmentCode: "gy-swbb", year: 2020 });
    expect(portalDocumentAddress("GET", "/portal/gy-swbb/2020/v/2", { accept: "text/html" })).toEqual({ kind: "version", departmentCode: "gy-swbb", year: 2020, versionNo: 2 });
  });

  it("leaves everything else to Next", () => {
    expect(portalDocumentAddress("HEAD", "/portal/gy-swbb/2020", {})).toBeNull();
    expect(portalDocumentAddress("POST", "/portal/gy-swbb/2020", {})).toBeNull();
    // Query strings: the legacy ?version=n redirect, the client router's ?_rsc=…
    expect(portalDocumentAddress("GET", "/portal/gy-swbb/2020?version=1", {})).toBeNull();
    expect(portalDocumentAddress("GET", "/portal/gy-swbb/2020?_rsc=abc", {})).toBeNull();
    expect(portalDocumentAddress("GET", "/portal/gy-swbb/2020", { rsc: "1" })).toBeNull();
    expect(portalDocumentAddress("GET", "/portal/gy-swbb/2020", { "next-router-prefetch": "1" })).toBeNull();
    expect(portalDocumentAddress("GET", "/portal/gy-swbb/2020", { "next-action": "x" })).toBeNull();
    expect(portalDocumentAddress("GET", "/portal", {})).toBeNull();
    expect(portalDocumentAddress("GET", "/portal/gy-swbb", {})).toBeNull();
    expect(portalDocumentAddress("GET", "/portal/gy-swbb/20x0", {})).toBeNull();
    expect(portalDocumentAddress("GET", "/portal/gy-swbb/2020/v/0", {})).toBeNull();
    expect(portalDocumentAddress("GET", "/portal-render/gy-swbb/2020/a/current", {})).toBeNull();
    expect(portalDocumentAddress("GET", "/api/portal/gy-swbb/2020/download", {})).toBeNull();
    expect(portalDocumentAddress("GET", undefined, {})).toBeNull();
  });
});

describe("negotiateEncoding", () => {
  it("prefers brotli, then gzip", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip, deflate")).toBe("gzip");
    expect(negotiateEncoding(["gzip", "br"])).toBe("br");
    expect(negotiateEncoding("*")).toBe("br");
  });

  it("honours q=0 and answers none without either", () => {
    expect(negotiateEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(negotiateEncoding("GZIP; q=1")).toBe("gzip");
    expect(negotiateEncoding("*, br;q=0")).toBe("gzip");
    expect(negotiateEncoding("gzip;q=0, *;q=0")).toBeNull();
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding("deflate")).toBeNull();
    expect(negotiateEncoding("")).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});

describe("keptHeaders", () => {
  it("keeps the page's own headers, not the per-request ones, and varies by Accept-Encoding", () => {
    const kept = keptHeaders({
      "content-type": "text/html; charset=utf-8",
      vary: "rsc, next-router-state-tree",
      "x-nextjs-prerender": "1",
      "x-nextjs-stale-time": "300",
      "x-nextjs-cache": "HIT",
      "x-middleware-rewrite": "/portal-render/a/2020/b/current",
      etag: '"x"',
      "cache-control": "public",
      "content-length": "12",
      date: "now",
      "set-cookie": ["a=b"],
    });
    expect(kept).toEqual({
      "content-type": "text/html; charset=utf-8",
      vary: "rsc, next-router-state-tree, Accept-Encoding",
      "x-nextjs-prerender": "1",
      "x-nextjs-stale-time": "300",
    });
    expect(keptHeaders({ vary: "RSC, accept-encoding" }).vary).toBe("RSC, accept-encoding");
    expect(keptHeaders({}).vary).toBe("Accept-Encoding");
  });
});

describe("ByteLru", () => {
  it("drops the least recently used entries beyond its size", () => {
    const lru = new ByteLru<string>(10);
    lru.set("a", "A", 4);
    lru.set("b", "B", 4);
    expect(lru.get("a")).toBe("A"); // a is now the most recent
    lru.set("c", "C", 4);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("A");
    expect(lru.get("c")).toBe("C");
    expect(lru.storedBytes).toBe(8);
  });

  it("replaces an entry and never keeps one larger than itself", () => {
    const lru = new ByteLru<string>(10);
    lru.set("a", "A", 4);
    lru.set("a", "A2", 6);
    expect(lru.get("a")).toBe("A2");
    expect(lru.storedBytes).toBe(6);
    lru.set("big", "X", 11);
    expect(lru.get("big")).toBeUndefined();
    expect(lru.size).toBe(1);
  });
});
