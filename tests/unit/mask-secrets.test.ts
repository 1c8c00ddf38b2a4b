import { describe, expect, it } from "vitest";
import { keepMaskedSecrets, maskSecrets, maskValue } from "@/lib/integrations/mask-secrets";

describe("maskSecrets", () => {
  it("masks values under secret-looking keys at any depth and in any case, showing the last 4 of 8+ characters", () => {
    const data = {
      apiKey: "abcdefgh1234",
      CLIENT_SECRET: "s3cr3t-value",
      accessToken: 12345678901,
      Password: "short",
      credentials: { user: "bob-the-builder", list: ["one-secret", 7] },
      privateNote: "",
      companyId: "123",
      nested: { deeper: { refreshTOKEN: "zzzzzzzzwxyz" }, plain: "visible" },
      enabled: true,
      missing: null,
    };
    expect(maskSecrets(data)).toEqual({
      apiKey: "••••1234",
      CLIENT_SECRET: "••••alue",
      accessToken: "••••8901",
      Password: "••••",
      credentials: { user: "••••lder", list: ["••••cret", "••••"] },
      privateNote: "••••",
      companyId: "123",
      nested: { deeper: { refreshTOKEN: "••••wxyz" }, plain: "visible" },
      enabled: true,
      missing: null,
    });
  });

  it("counts characters, not UTF-16 units", () => {
    expect(maskValue("ab😀😀😀😀cd")).toBe("••••😀😀cd");
    expect(maskValue("😀😀😀😀😀😀😀")).toBe("••••");
  });
});

describe("keepMaskedSecrets", () => {
  const stored = { apiKey: "abcdefgh1234", pin: "1234", nested: { token: "tttttttt9999" }, companyId: "123" };

  it("keeps stored secrets for values sent back exactly as masked", () => {
    const incoming = { ...maskSecrets(stored), companyId: "456" };
    expect(keepMaskedSecrets(incoming, stored)).toEqual({ ...stored, companyId: "456" });
  });

  it("stores new values, and a mask that does not match the stored value as sent", () => {
    expect(keepMaskedSecrets({ apiKey: "new-key-value", pin: "••••9999" }, stored)).toEqual({
      apiKey: "new-key-value",
      pin: "••••9999",
    });
    expect(keepMaskedSecrets({ companyId: "••••" }, { companyId: "1" })).toEqual({ companyId: "••••" });
    expect(keepMaskedSecrets({ apiKey: "••••" }, {})).toEqual({ apiKey: "••••" });
  });
});
