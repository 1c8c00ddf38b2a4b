import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/mail/templates";

const request = {
  integrationName: "<script>alert(1)</script>",
  integrationType: "custom",
  userEmail: "dana@example.com",
  userName: "Dana <b>",
  status: "pending",
  submissionId: 7,
  dashboardUrl: "http://localhost:3000/admin/7",
};

describe("email templates", () => {
  it("render user input as text in the HTML, with a plain-text alternative and a link", async () => {
    const { subject, html, text } = await renderTemplate("integration_request", request);
    expect(subject).toBe("New integration request: <script>alert(1)</script>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('href="http://localhost:3000/admin/7"');
    expect(text).toContain("Dana <b> (dana@example.com)");
    expect(text).toContain("http://localhost:3000/admin/7");
  });

  it("say from and to in the owner's status email", async () => {
    const { subject, text } = await renderTemplate("integration_status_changed", {
      integrationName: "Lever",
      from: "in_progress",
      to: "completed",
      myIntegrationsUrl: "http://localhost:3000/integrations/mine/3",
    });
    expect(subject).toBe("Your Lever integration is now completed");
    expect(text).toMatch(/from\s+in progress\s+to\s+completed/i);
    expect(text).not.toContain("Message from our team");
    const failed = await renderTemplate("integration_status_changed", {
      integrationName: "Lever",
      from: "in_progress",
      to: "failed",
      myIntegrationsUrl: "http://localhost:3000/integrations/mine/3",
    });
    // Plain words, not "is now failed".
    expect(failed.subject).toBe("Your Lever integration couldn't be completed");
    expect(failed.html).toContain("Your Lever integration couldn&#x27;t be completed");
  });

  it("carry the team's note, escaped, when a status change has one", async () => {
    const { text, html } = await renderTemplate("integration_status_changed", {
      integrationName: "Lever",
      from: "pending",
      to: "failed",
      myIntegrationsUrl: "http://localhost:3000/integrations/mine/3",
      note: "The API key was revoked <b>yesterday</b>; please create a new one.",
    });
    expect(text).toContain(
      "Message from our team: The API key was revoked <b>yesterday</b>; please create a new one.",
    );
    expect(html).not.toContain("<b>yesterday</b>");
  });

  it("say the same in the HTML and the plain text, both from one content", async () => {
    const { html, text } = await renderTemplate("integration_request", { ...request, resubmitted: true });
    expect(html.startsWith("<!DOCTYPE html")).toBe(true);
    for (const words of [
      "Corrected integration request",
      "corrected the details",
      "Requested by",
      "#7",
      "Open in the admin dashboard",
    ]) {
      expect(html).toContain(words);
      expect(text).toContain(words);
    }
    expect(text).toContain("Open in the admin dashboard: http://localhost:3000/admin/7");
    expect(text).toContain("Credentials are never sent by email.");
  });

  it("refuse props that do not fit the template", async () => {
    await expect(
      renderTemplate("integration_status_changed", { integrationName: "Lever" }),
    ).rejects.toThrow();
  });
});
