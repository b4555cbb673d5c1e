import { beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/test/database";
import { campaignStatus } from "@/lib/campaign-status";
import { publicLogFile } from "@/lib/count-log/public-log";
import { logSequencer } from "@/lib/count-log/sequencer";
import { eraseSignaturesByEmail } from "@/lib/erasure";
import { signCampaign } from "@/lib/signatures";
import { withdraw } from "@/lib/withdrawals";
import { verifySite } from "./verify-site";

// The verifier (written from the specifications) against the app's own writer, on each database, without a server: its
// requests answered by what the server's endpoints answer with.
const slug = "white-helmets";

const answer: typeof fetch = async (input) => {
  const { pathname } = new URL(String(input instanceof Request ? input.url : input));
  if (pathname === `/api/petitions/${slug}`) return Response.json(await campaignStatus(slug));
  const file = await publicLogFile(slug, pathname.replace(/^\/log\/[^/]+\//, ""));
  if (file.kind !== "file") return new Response(null, { status: file.kind === "bad-path" ? 400 : 404 });
  return new Response(typeof file.body === "string" ? file.body : Buffer.from(file.body), { headers: { "content-type": file.contentType } });
};

const verify = async (earlier?: { name: string; note: string }) => {
  const printed: string[] = [];
  const code = await verifySite({ site: new URL("http://countersign.test"), slug, fetch: answer, print: (line) => printed.push(line), earlier, patienceMs: 5_000 });
  return { code, printed: printed.join("\n") };
};

beforeAll(prepareDatabase);

describe("the verifier against the count log's writer", () => {
  it("agrees with a log of adds and removes across two tiles, and with an earlier checkpoint of it", async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 270; i++) {
      const outcome = await signCampaign(slug, { fullName: `Checked ${i}`, email: `checked.${i}@verify.example`, country: i % 2 ? "SY" : "DE" });
      if (outcome.kind === "signed") tokens.push(outcome.withdrawToken);
    }
    await logSequencer().catchUp();
    const first = await publicLogFile(slug, "checkpoint");
    await withdraw(tokens[3]!);
    await eraseSignaturesByEmail("checked.200@verify.example", "test");
    await logSequencer().catchUp();

    const { code, printed } = await verify(first.kind === "file" ? { name: "earlier.checkpoint", note: String(first.body) } : undefined);
    expect(printed).not.toMatch(/FAIL/);
    expect(code, printed).toBe(0);
    expect(printed).toContain("272");
  });
});
