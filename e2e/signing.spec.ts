import { expect, fillSignature, shownTotal, storedSignature, test } from "./support/fixtures";

test.describe("signing the petition", () => {
  test("a signer with JavaScript signs, sees their number and ways to share", async ({ page, uniqueEmail }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("White Helmets");
    const before = await shownTotal(page);

    await fillSignature(page, { fullName: "Amina Khalil", email: uniqueEmail, comment: "For the rescuers." });
    await page.getByRole("button", { name: "Sign the petition" }).click();

    await expect(page.getByRole("heading", { name: "Thank you, Amina!" })).toBeVisible();
    const number = Number((await page.getByText(/You are signer #/).textContent())!.replace(/\D/g, ""));
    expect(number).toBeGreaterThan(before);
    for (const name of ["Email", "WhatsApp", "X", "Facebook"]) {
      await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
    expect(storedSignature(uniqueEmail)).toHaveLength(1);
    expect(storedSignature(uniqueEmail)[0]).toMatchObject({ comment: "For the rescuers.", country: "SY", show_name: 0 });
  });

  test("the button shows that it is working and a double click signs once", async ({ page, uniqueEmail }) => {
    await page.goto("/");
    await fillSignature(page, { fullName: "Quick Clicker", email: uniqueEmail });
    const button = page.getByRole("button", { name: "Sign the petition" });
    // Hold the action's answer so the pending state can be seen.
    await page.route("**/*", async (route) => {
      if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await button.dblclick();
    await expect(page.getByRole("button", { name: "Signing…" })).toBeDisabled();
    await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
    expect(storedSignature(uniqueEmail)).toHaveLength(1);
  });

  test("a signer without JavaScript signs through the plain form post", async ({ browser, baseURL, uniqueEmail }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto("/");
    await fillSignature(page, { fullName: "Farouq al Habib", email: uniqueEmail, country: "TR" });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, Farouq!" })).toBeVisible();
    await expect(page.getByText(/You are signer #\d/)).toBeVisible();
    expect(storedSignature(uniqueEmail)).toMatchObject([{ full_name: "Farouq al Habib", country: "TR" }]);
    await context.close();
  });

  test("signing twice with one email is answered as the first time, stores nothing more, and its withdraw link opens nothing", async ({
    page,
    uniqueEmail,
  }) => {
    await page.goto("/");
    await fillSignature(page, { fullName: "Raed Saleh", email: uniqueEmail });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, Raed!" })).toBeVisible();
    const firstWithdraw = await page.getByRole("link", { name: "Withdraw your signature" }).getAttribute("href");

    // Whoever types this address again, perhaps to learn whether it signed, is told what a first signer is told.
    await page.goto("/");
    await fillSignature(page, { fullName: "Raed Saleh", email: uniqueEmail.toUpperCase() });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, Raed!" })).toBeVisible();
    await expect(page.getByText(/You are signer #\d/)).toBeVisible();
    const repeatWithdraw = await page.getByRole("link", { name: "Withdraw your signature" }).getAttribute("href");
    expect(repeatWithdraw).toMatch(/^\/en\/withdraw\/[\w-]{48}$/);
    expect(storedSignature(uniqueEmail)).toHaveLength(1);

    await page.goto(repeatWithdraw!);
    await expect(page.getByRole("alert").filter({ hasText: "There is no signature for this link" })).toBeVisible();
    await page.goto(firstWithdraw!);
    await expect(page.getByRole("button", { name: /Withdraw/ })).toBeVisible();
  });

  test("the API answers a repeat as it answers a first signature: 201, the same fields", async ({ request, uniqueEmail }) => {
    const sign = () => request.post("/api/petitions/white-helmets/signatures", { data: { fullName: "Api Signer", email: uniqueEmail, country: "SY" } });
    const [first, repeat] = [await sign(), await sign()];
    expect([first.status(), repeat.status()]).toEqual([201, 201]);
    const shape = (body: Record<string, unknown>) => Object.keys(body).sort();
    expect(shape(await repeat.json())).toEqual(shape(await first.json()));
    expect(storedSignature(uniqueEmail)).toHaveLength(1);
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`invalid input shows each error by its field and keeps every value (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
      browser,
      baseURL,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled, baseURL });
      const page = await context.newPage();
      await page.goto("/");
      await page.getByLabel("Full name").fill("   ");
      await page.getByRole("textbox", { name: "Email" }).fill("amina@");
      await page.getByLabel("Country").selectOption("");
      await page.getByLabel(/Why are you signing/).fill("Because they run towards danger.");
      await page.getByLabel("Show my name on this page").check();
      await page.getByLabel("Email me updates on this campaign").check();
      await page.getByRole("button", { name: "Sign the petition" }).click();

      const name = page.getByLabel("Full name");
      const email = page.getByRole("textbox", { name: "Email" });
      const country = page.getByLabel("Country");
      await expect(name).toHaveAccessibleDescription("Please enter your full name.");
      await expect(email).toHaveAccessibleDescription(/Never shown on this page\. Please enter an email address like name@example\.org\./);
      await expect(country).toHaveAccessibleDescription("Please choose your country.");
      for (const field of [name, email, country]) await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(name).toBeFocused();

      await expect(email).toHaveValue("amina@");
      await expect(page.getByLabel(/Why are you signing/)).toHaveValue("Because they run towards danger.");
      await expect(page.getByLabel("Show my name on this page")).toBeChecked();
      await expect(page.getByLabel("Email me updates on this campaign")).toBeChecked();
      await context.close();
    });
  }

  test("a chosen country is kept when another field is wrong", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Country").selectOption("NO");
    await page.getByRole("textbox", { name: "Email" }).fill("nobody@example.org");
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByLabel("Full name")).toBeFocused();
    await expect(page.getByLabel("Country")).toHaveValue("NO");
  });
});
