import { chromium } from "@playwright/test";
import { chromiumPath } from "../../e2e/support/chromium";

export type RecordedAction = { url: string; headers: Record<string, string>; body: string; email: string };

/**
 * Signs once in a real browser and keeps the request its form sent: the server action's id,
 * headers and encoded body. The bench replays it with a new email each time, so the form's own
 * path is measured, not an imitation of it.
 */
export async function recordSigningAction(pageUrl: string): Promise<RecordedAction> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pageUrl);
    const email = "recorded-signer@bench.example";
    await page.getByLabel("Full name").fill("Recorded Signer");
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Country").selectOption("SY");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST"),
      page.getByRole("button", { name: "Sign the petition" }).click(),
    ]);
    await page.getByRole("heading", { name: /Thank you/ }).waitFor();
    const headers = Object.fromEntries(
      Object.entries(await request.allHeaders()).filter(([name]) => !name.startsWith(":") && !["content-length", "cookie"].includes(name)),
    );
    return { url: request.url(), headers, body: request.postData() ?? "", email };
  } finally {
    await browser.close();
  }
}
