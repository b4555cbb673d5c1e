import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { petitionStatus } from "@/lib/petitions";
import { confirmCodeAction } from "../../../_signer/actions";
import { ConfirmCodeForm } from "../../../_signer/ConfirmCodeForm";
import { requestLocale } from "../../../_lib/request";

export const metadata: Metadata = { title: "Confirm with your code", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ConfirmByCodePage({ params }: PageProps<"/p/[slug]/confirm">) {
  const { slug } = await params;
  const [petition, locale] = await Promise.all([petitionStatus(slug), requestLocale()]);
  if (!petition) notFound();
  return (
    <main id="main" className="plain-page">
      <h1>Confirm with your code</h1>
      <p>
        For your signature on <strong>{petition.title}</strong>: enter the email you signed with and the six-digit code
        from our email.
      </p>
      <ConfirmCodeForm action={confirmCodeAction.bind(null, slug)} locale={locale} />
    </main>
  );
}
