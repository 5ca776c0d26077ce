import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./download-headers";

describe("attachmentDisposition", () => {
  it("percent-encodes the Chinese file name (RFC 5987) and replaces characters Windows forbids", () => {
    expect(attachmentDisposition("全市综合执法改革-自评表-2020.xlsx")).toBe(
      "attachment; filename*=UTF-8''%E5%85%A8%E5%B8%82%E7%BB%BC%E5%90%88%E6%89%A7%E6%B3%95%E6%94%B9%E9%9D%A9-%E8%87%AA%E8%AF%84%E8%A1%A8-2020.xlsx",
    );
    expect(attachmentDisposition("a/b*(c)'d.xlsx")).toBe("attachment; filename*=UTF-8''a_b_%28c%29%27d.xlsx");
  });
});
