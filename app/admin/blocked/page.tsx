import type { Metadata } from "next";
import { listBlockedEmails } from "@/lib/moderation";
import { OrganiserHeader } from "../_lib/OrganiserHeader";
import { requireRole } from "../_lib/session";
import { unblockAction } from "./actions";
import { BlockForm } from "./BlockForm";

export const metadata: Metadata = { title: "Blocked addresses", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function BlockedPage() {
  const organiser = await requireRole("moderate");
  const entries = await listBlockedEmails();
  return (
    <>
      <OrganiserHeader organiser={organiser} />
      <main id="main" className="admin">
        <h1>Blocked addresses</h1>
        <p>
          Addresses and domains here cannot sign any campaign. Throwaway-mail domains are blocked already, from a
          maintained list.
        </p>
        <BlockForm />
        <section className="admin-section" aria-labelledby="blocked-heading">
          <h2 id="blocked-heading">Blocked now</h2>
          {entries.length === 0 ? (
            <p>Nothing blocked yet.</p>
          ) : (
            <ul className="campaign-list">
              {entries.map((e) => (
                <li key={e.id}>
                  <span>
                    {e.kind === "domain" ? "Domain" : "Address"} <strong>{e.value}</strong>
                  </span>
                  <form action={unblockAction.bind(null, e.id)} className="inline-form">
                    <button type="submit" className="button-quiet" aria-label={`Unblock ${e.value}`}>
                      Unblock
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
