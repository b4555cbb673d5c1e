import type { Metadata } from "next";
import { OrganiserHeader } from "../_lib/OrganiserHeader";
import { requireRole } from "../_lib/session";
import { ErasureForm } from "./ErasureForm";

export const metadata: Metadata = { title: "Erasure requests", robots: { index: false } };

export default async function ErasurePage() {
  const organiser = await requireRole("erase");
  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <h1>Erasure requests</h1>
        <p>
          When someone asks for their data to be erased: find their signatures by email, then erase them. Erased means
          deleted from the database, with any mail still queued for them. The audit log records that an erasure
          happened, never whose.
        </p>
        <ErasureForm />
      </main>
    </>
  );
}
