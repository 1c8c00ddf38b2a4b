import type { Metadata } from "next";
import { requirePageAdmin } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const admin = await requirePageAdmin("/admin");
  return (
    <main className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Admin dashboard</h1>
      <p className="mt-2 text-slate-600">Signed in as {admin.email}.</p>
    </main>
  );
}
