import type { Metadata } from "next";
import { describeWithdrawal } from "@/lib/withdrawals";
import { withdrawAction } from "../../_signer/actions";
import { WithdrawForm } from "../../_signer/WithdrawForm";

export const metadata: Metadata = { title: "Withdraw your signature", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function WithdrawPage({ params }: PageProps<"/withdraw/[token]">) {
  const { token } = await params;
  const signature = await describeWithdrawal(token);
  return (
    <main id="main" className="plain-page">
      <h1>Withdraw your signature</h1>
      {signature ? (
        <>
          <p>
            This deletes your signature on <strong>{signature.title}</strong> for good: your name, email and comment are
            removed and the count goes down.
          </p>
          <WithdrawForm action={withdrawAction.bind(null, token)} />
        </>
      ) : (
        <p className="form-message" role="alert">
          There is no signature for this link: it may have been withdrawn already.
        </p>
      )}
    </main>
  );
}
