// The return target after sign-in (?callbackUrl=…): only same-origin paths survive, whatever a
// browser would make of the rest. The browser's own view is in e2e/open-redirect.spec.ts.
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/next-auth";
import { returnPath } from "@/lib/auth/return-path";

const APP = "http://127.0.0.1:3100";

// Each of these, as a Location or router target, leaves the app in some browser, breaks the
// Location header (a 500), or is not a path at all.
const REFUSED = [
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r/evil.example/x",
  "/\0/x",
  "/\u007f/x",
  "/ /evil.example",
  "/\u00a0/x",
  "/\u3000/x",
  "/\u200b/x",
  "/\u202e/x",
  "/\ud800/x",
  "//evil.example/x",
  "/\\evil.example/x",
  "/\\/evil.example",
  "\\/evil.example",
  "/%09/evil.example/x",
  "/%0a/x",
  "/%0D/x",
  "/%00/x",
  "/%7F/x",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5C/evil.example",
  "/%ZZ",
  "/%E0%A4%A",
  "/.//evil.example",
  "/a/../..//evil.example",
  "/%2e%2e//evil.example",
  "https://evil.example/",
  "http://127.0.0.1:3100.evil.example/",
  "http://127.0.0.1:3100/admin",
  "javascript:alert(1)",
  "evil.example",
  "",
  `/${"a".repeat(3000)}`,
  undefined,
  ["/admin", "/account"],
  42,
];

describe("returnPath", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(returnPath("/admin", APP)).toBe("/admin");
    expect(returnPath("/integrations/mine/7?updated=1#history", APP)).toBe(
      "/integrations/mine/7?updated=1#history",
    );
    expect(returnPath("/account", "https://hub.example.com/base/")).toBe("/account");
  });

  it("answers the parser's serialisation: dot segments resolved, non-ASCII percent-encoded", () => {
    expect(returnPath("/integrations/../admin", APP)).toBe("/admin");
    expect(returnPath("/\u3002/x", APP)).toBe("/%E3%80%82/x");
    expect(returnPath("/%E3%80%82/x", APP)).toBe("/%E3%80%82/x");
  });

  it.each(REFUSED.map((value) => [JSON.stringify(value)?.slice(0, 40), value]))("refuses %s", (_, value) => {
    expect(returnPath(value, APP)).toBeUndefined();
  });
});

describe("next-auth's redirect callback", () => {
  const redirect = (url: string) => authOptions().callbacks!.redirect!({ url, baseUrl: APP });

  it("keeps a path or an absolute URL on the app, as an absolute URL", async () => {
    expect(await redirect("/admin?x=1")).toBe(`${APP}/admin?x=1`);
    expect(await redirect(`${APP}/integrations/mine`)).toBe(`${APP}/integrations/mine`);
    // next-auth's default, kept in its callback-url cookie.
    expect(await redirect(APP)).toBe(`${APP}/`);
  });

  it("sends anything else to the app's root, and never throws", async () => {
    for (const url of [
      "/\t/evil.example/x",
      "http://127.0.0.1:3100.evil.example/",
      `${APP}//evil.example`,
      "https://evil.example",
      "%",
    ]) {
      expect(await redirect(url), url).toBe(`${APP}/`);
    }
  });
});
