import type { Browser, Page } from "@playwright/test";
import { expect, fillSignature, linkIn, organiser, rowsIn, signInAsOrganiser, test, waitForMail } from "./support/fixtures";
import { sessionHeader } from "./support/session";

// The owner invites organisers over the mail app's real SMTP server; each invitee accepts in a
// browser of their own. What a role may not do is hidden from them, and refused when asked for
// anyway: the CSV answers 403 with nothing of any signer in it.
test.use({ app: "mail" });

const csvUrl = "/admin/petitions/white-helmets/signatures.csv?include=pending,invalidated,suspected";

/** The browser's session cookie, as a header: sent by hand, as e2e/organiser.spec.ts replays it. */

async function invite(owner: Page, email: string, role: "editor" | "viewer") {
  await owner.goto("/admin/organisers");
  await owner.getByLabel("Their email").fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByRole("status").filter({ hasText: `Invitation sent to ${email} as ${role}` })).toBeVisible();
  await expect(owner.getByLabel("Their email")).toHaveValue("");
}

/** Opens the emailed link in a browser of the invitee's own, sets a password and lands signed in. */
async function accept(browser: Browser, baseURL: string, email: string, role: string): Promise<Page> {
  const [mail] = await waitForMail(email);
  expect(mail!.subject).toBe("You're invited to organise on Countersign");
  const link = linkIn(mail!, `${baseURL}/admin/invitation/`);
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join the organisers" })).toBeVisible();
  await expect(page.getByText(`${organiser.email} has invited ${email} to organise on Countersign as ${role}`)).toBeVisible();

  await page.getByLabel("Choose a password").fill(`${role} password, long enough`);
  await page.getByLabel("The same password again").fill(`${role} password, not the same`);
  await page.getByRole("button", { name: "Accept and sign in" }).click();
  await expect(page.getByText("The two passwords differ. Type the same one twice.")).toBeVisible();
  await expect(page.getByLabel("Choose a password")).toHaveValue("");

  await page.getByLabel("Choose a password").fill(`${role} password, long enough`);
  await page.getByLabel("The same password again").fill(`${role} password, long enough`);
  await page.getByRole("button", { name: "Accept and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email} (${role})`)).toBeVisible();

  // The link works once.
  const again = await (await browser.newContext({ baseURL })).newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation has been used" })).toBeVisible();
  return page;
}

/** Asks for the CSV with the page's session: refused, and nothing of any signer in the answer. */
async function expectNoExport(page: Page, signer: string) {
  const response = await page.request.get(csvUrl, { headers: await sessionHeader(page) });
  expect(response.status()).toBe(403);
  expect(response.headers()["content-disposition"]).toBeUndefined();
  const body = await response.text();
  expect(body).not.toContain(signer);
  expect(body).not.toContain("Signed at");
  expect(body).not.toContain("@");
}

test("an owner invites an editor and a viewer by email; each gets only what their role allows", async ({ page, browser, baseURL, uniqueEmail }) => {
  // A signer, so there is data an export could leak; the owner's own download holds them.
  await page.goto("/");
  await fillSignature(page, { fullName: "Rana Khalil", email: uniqueEmail });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /check your email/ })).toBeVisible();
  await signInAsOrganiser(page, organiser);
  const ownerCsv = await page.request.get(csvUrl, { headers: await sessionHeader(page) });
  expect(ownerCsv.status()).toBe(200);
  expect(await ownerCsv.text()).toContain(uniqueEmail);

  const editorEmail = `editor-${uniqueEmail}`;
  const viewerEmail = `viewer-${uniqueEmail}`;
  await page.getByRole("link", { name: "Organisers", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Organisers", exact: true })).toBeVisible();
  await invite(page, editorEmail, "editor");
  await invite(page, viewerEmail, "viewer");
  const waiting = page.getByRole("region", { name: "Invitations not yet accepted" });
  await expect(waiting).toContainText(`${editorEmail} as editor`);
  await expect(waiting).toContainText(`${viewerEmail} as viewer`);

  // The editor runs the campaign (moderation included) but cannot export, erase or manage organisers.
  const editor = await accept(browser, baseURL!, editorEmail, "editor");
  const editorNav = editor.getByRole("navigation", { name: "Organisers" });
  await expect(editorNav.getByRole("link", { name: "Blocked addresses" })).toBeVisible();
  await expect(editorNav.getByRole("link", { name: "Erasure requests" })).toHaveCount(0);
  await expect(editorNav.getByRole("link", { name: "Organisers" })).toHaveCount(0);
  await editor.getByRole("link", { name: "The White Helmets for the Nobel Peace Prize" }).click();
  await expect(editor.getByRole("button", { name: "Count matching signatures" })).toBeVisible();
  await expect(editor.getByRole("link", { name: /Download confirmed signatures/ })).toHaveCount(0);
  await expectNoExport(editor, uniqueEmail);
  // Who signed is the editor's to see: the signer, still waiting to confirm, found by address.
  await editor.goto(`/admin/petitions/white-helmets/signatures?email=${encodeURIComponent(uniqueEmail)}`);
  await expect(editor.getByRole("table", { name: "Signatures found, newest first" })).toContainText(uniqueEmail);
  await expect(editor.getByRole("table", { name: "Signatures found, newest first" })).toContainText("Awaiting confirmation");
  for (const path of ["/admin/erasure", "/admin/organisers"]) {
    const response = await editor.goto(path);
    expect(response!.status(), path).toBe(403);
    await expect(editor.getByRole("heading", { name: "You can't do that" })).toBeVisible();
    await expect(editor.getByLabel("Email address")).toHaveCount(0);
  }

  // The viewer sees the dashboard and nothing to press.
  const viewer = await accept(browser, baseURL!, viewerEmail, "viewer");
  await viewer.getByRole("link", { name: "The White Helmets for the Nobel Peace Prize" }).click();
  await expect(viewer.getByText("Today (UTC)")).toBeVisible();
  await expect(viewer.getByLabel("Ask signers to confirm by email")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Count matching signatures" })).toHaveCount(0);
  await expectNoExport(viewer, uniqueEmail);
  // Nor who signed: the dashboard names no one, and the list answers 403.
  await expect(viewer.getByText("Only owners and editors see who signed.")).toBeVisible();
  await expect(viewer.locator("main")).not.toContainText(uniqueEmail);
  await expect(viewer.getByRole("link", { name: "Search all signatures" })).toHaveCount(0);
  const list = await viewer.goto(`/admin/petitions/white-helmets/signatures?email=${encodeURIComponent(uniqueEmail)}`);
  expect(list!.status()).toBe(403);
  await expect(viewer.getByRole("heading", { name: "You can't do that" })).toBeVisible();
  await expect(viewer.locator("main")).not.toContainText(uniqueEmail);
  const blocked = await viewer.goto("/admin/blocked");
  expect(blocked!.status()).toBe(403);

  // Hidden is not the check: the owner's own confirmation form, sent with the viewer's session,
  // changes nothing (unticked, it would turn confirmation off).
  const required = () => rowsIn<{ required: number }>("mail", "select require_confirmation as required from petitions where slug = 'white-helmets'")[0]!.required;
  expect(required()).toBe(1);
  await page.goto("/admin/petitions/white-helmets");
  const setting = page.locator("form").filter({ has: page.getByLabel("Ask signers to confirm by email") });
  const fields = await setting.evaluate((form) => [...new FormData(form as HTMLFormElement)].map(([name, value]) => [name, String(value)] as const));
  const multipart = new FormData();
  for (const [name, value] of fields) if (name !== "required") multipart.append(name, value);
  const forged = await viewer.request.post("/admin/petitions/white-helmets", {
    multipart,
    headers: { ...(await sessionHeader(viewer)), origin: baseURL! },
    maxRedirects: 0,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(required()).toBe(1);

  // Both joined: nothing left waiting, and the audit log says who let whom in.
  await page.goto("/admin/organisers");
  await expect(page.getByRole("region", { name: "Invitations not yet accepted" })).not.toContainText(editorEmail);
  await page.goto("/admin/audit");
  await expect(page.getByRole("table")).toContainText(`invited ${viewerEmail} as viewer`);
  await expect(page.getByRole("table")).toContainText(`accepted the invitation of ${organiser.email} as editor`);
});

test("a role changed by an owner counts from the organiser's next click", async ({ page, browser, baseURL, uniqueEmail }) => {
  const memberEmail = `member-${uniqueEmail}`;
  await signInAsOrganiser(page, organiser);
  await invite(page, memberEmail, "editor");
  const member = await accept(browser, baseURL!, memberEmail, "editor");
  expect((await member.goto("/admin/blocked"))!.status()).toBe(200);

  await page.goto("/admin/organisers");
  await page.getByLabel(`Role of ${memberEmail}`, { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: `Change the role of ${memberEmail}` }).click();
  await expect.poll(() => rowsIn<{ role: string }>("mail", "select role from admins where email = ?", memberEmail)[0]?.role).toBe("viewer");

  // The same session, one click later.
  expect((await member.goto("/admin/blocked"))!.status()).toBe(403);
  await member.goto("/admin");
  await expect(member.getByText(`Signed in as ${memberEmail} (viewer)`)).toBeVisible();

  await page.getByRole("button", { name: `Remove ${memberEmail}` }).click();
  await page.getByRole("button", { name: `Yes, remove ${memberEmail}` }).click();
  await expect(page.getByRole("region", { name: "Members" })).not.toContainText(memberEmail);
  await member.goto("/admin");
  await expect(member).toHaveURL(/\/admin\/login$/);
});

test("a viewer sees that mail to a signer failed, and when, never to whom nor what the server answered", async ({ page, browser, baseURL, uniqueEmail }) => {
  // A mistyped address: the mail server refuses it, quoting it.
  const bounced = `refused-${uniqueEmail}`;
  await page.goto("/");
  await fillSignature(page, { fullName: "Nadia Bounced", email: bounced, showName: true });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /check your email/ })).toBeVisible();
  const lastError = () => rowsIn<{ last_error: string | null }>("mail", "select last_error from outbox where to_address = ?", bounced)[0]?.last_error;
  await expect.poll(lastError, { timeout: 15_000 }).toContain("550");

  // The owner sees whom it was for and the server's answer, to put the address right.
  await signInAsOrganiser(page, organiser);
  await page.goto("/admin/petitions/white-helmets");
  const ownerTable = page.getByRole("table", { name: "Mail that has not gone out" });
  await expect(ownerTable).toContainText(bounced);
  await expect(ownerTable).toContainText("Recipient address rejected");

  const viewerEmail = `viewer-${uniqueEmail}`;
  await invite(page, viewerEmail, "viewer");
  const viewer = await accept(browser, baseURL!, viewerEmail, "viewer");
  await viewer.goto("/admin/petitions/white-helmets");
  const table = viewer.getByRole("table", { name: "Mail that has not gone out" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["Queued (UTC)", "Kind", "Attempts", "Next"]);
  await expect(viewer.getByText("Owners and editors see whom each message was for and what the mail server answered.")).toBeVisible();
  for (const shown of [bounced, "Nadia", "550", "Recipient address rejected"]) await expect(viewer.locator("main")).not.toContainText(shown);

  // Nor in anything else a viewer may open: the campaign list, the report's page, the preview, the charts' figures.
  const opened: string[] = [];
  for (const path of ["/admin", "/admin/petitions/white-helmets/report", "/admin/petitions/white-helmets/preview"]) {
    await viewer.goto(path);
    opened.push(await viewer.locator("body").innerText());
  }
  for (const chart of ["per-hour", "per-day", "countries", "referrals", "fill-time"]) {
    const response = await viewer.request.get(`/admin/petitions/white-helmets/charts/${chart}.csv`, { headers: await sessionHeader(viewer) });
    expect(response.status()).toBe(200);
    opened.push(await response.text());
  }
  for (const text of opened) for (const shown of [bounced, "Nadia Bounced", "550"]) expect(text).not.toContain(shown);
});
