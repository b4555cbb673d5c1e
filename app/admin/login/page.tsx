import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentOrganiser } from "../_lib/session";
import { LoginForm } from "./LoginForm";

export const metadata: Metadata = { title: "Organiser sign-in", robots: { index: false } };

export default async function LoginPage() {
  if (await currentOrganiser()) redirect("/admin");
  return (
    <main id="main" className="admin admin-narrow">
      <h1>Organiser sign-in</h1>
      <p>For campaign organisers: see the signatures and export them for delivery.</p>
      <LoginForm />
    </main>
  );
}
