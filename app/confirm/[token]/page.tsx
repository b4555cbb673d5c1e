import type { Metadata } from "next";
import { describeConfirmationLink } from "@/lib/confirmations";
import { confirmLinkAction } from "../../_signer/actions";
import { ConfirmLinkForm } from "../../_signer/ConfirmLinkForm";
import { ConfirmResult } from "../../_signer/ConfirmResult";
import { requestLocale } from "../../_lib/request";

export const metadata: Metadata = { title: "Confirm your signature", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ConfirmPage({ params }: PageProps<"/confirm/[token]">) {
  const { token } = await params;
  const [link, locale] = await Promise.all([describeConfirmationLink(token), requestLocale()]);
  return (
    <main id="main" className="plain-page">
      <h1>Confirm your signature</h1>
      {link.kind === "valid" ? (
        <>
          <p>
            One press and your signature on <strong>{link.title}</strong> counts.
          </p>
          <ConfirmLinkForm action={confirmLinkAction.bind(null, token)} locale={locale} />
        </>
      ) : (
        <ConfirmResult result={{ kind: link.kind }} locale={locale} />
      )}
    </main>
  );
}
