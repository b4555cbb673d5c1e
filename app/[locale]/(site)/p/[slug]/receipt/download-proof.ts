import type { ReceiptProof } from "@/lib/log-proof/receipt";

/** Saves the proof as a file the browser makes itself: nothing is fetched or sent, so it works offline too. */
export function downloadProof(proof: ReceiptProof, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(proof, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next turn, not at once: a browser may start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
