import type { Confirmation } from "@/lib/confirmations";

const problems = {
  unknown: "This link has already been used, or it isn't one of ours. If you have confirmed before, your signature already counts.",
  expired: "This confirmation has expired: links and codes work for 7 days. Sign again to get a new one.",
  locked: "Too many wrong codes were entered. Sign again to get a new link and code.",
  "wrong-code": "That code doesn't match. Check the six digits in your email, and that the email address is the one you signed with.",
} as const;

/** The answer to a confirmation, shown in place of its form. */
export function ConfirmResult({ result, locale }: { result: Confirmation; locale: string }) {
  if (result.kind === "confirmed") {
    return (
      <div className="thank-you" role="status">
        <h2>Thank you{result.firstName ? `, ${result.firstName}` : ""}: your signature counts!</h2>
        <p className="signer-number">
          You are signer <strong>#{new Intl.NumberFormat(locale).format(result.signerNumber)}</strong>.
        </p>
        <p>
          <a href={`/p/${result.slug}`}>Back to the petition</a>, where you can share it with friends.
        </p>
      </div>
    );
  }
  return (
    <p className="form-message" role="alert">
      {problems[result.kind]}
    </p>
  );
}
