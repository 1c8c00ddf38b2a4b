import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { ThemeProvider } from "next-themes";
import { SiteHeader } from "@/components/site-header";
import { LazyToaster } from "@/components/ui/lazy-toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Integrations Hub", template: "%s · Integrations Hub" },
  description:
    "Connect your ATS and recruiting tools: hand over credentials safely and track every request to done.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // next-themes sets the theme class before the first paint with an inline script, which the
  // page's CSP allows only with its nonce (proxy.ts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // next-themes changes <html>'s class before React hydrates it.
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen font-sans">
        <ThemeProvider
          attribute="class"
          defaultTheme="system"
          enableSystem
          disableTransitionOnChange
          nonce={nonce}
        >
          <SiteHeader />
          {children}
          <LazyToaster />
        </ThemeProvider>
      </body>
    </html>
  );
}
