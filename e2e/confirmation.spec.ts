import { expect, fillSignature, linkIn, shownTotal, storedSignature, test, waitForMail } from "./support/fixtures";

test.use({ app: "mail" });

test("a signer confirms by email: the link's page changes nothing, its button makes the signature count", async ({
  page,
  browser,
  baseURL,
  uniqueEmail,
  watcher,
}) => {
  const before = await shownTotal(watcher);

  await page.goto("/");
  await fillSignature(page, { fullName: "Mariam Haddad", email: uniqueEmail, showName: true });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: "Almost done, Mariam: check your email" })).toBeVisible();
  expect(storedSignature(uniqueEmail, "mail")).toMatchObject([{ status: "pending" }]);
  expect(await shownTotal(watcher)).toBe(before);

  const [mail] = await waitForMail(uniqueEmail);
  expect(mail!.subject).toBe("Confirm your signature: The White Helmets for the Nobel Peace Prize");
  const link = linkIn(mail!, `${baseURL}/en/confirm/`);
  expect(mail!.text).toMatch(/\n\d{6}\n/);
  expect(mail!.text).toContain(`${baseURL}/en/withdraw/`);

  // A mail scanner opening the link confirms nothing.
  const confirmPage = await (await browser.newContext()).newPage();
  await confirmPage.goto(link);
  await expect(confirmPage.getByRole("button", { name: "Confirm my signature" })).toBeVisible();
  expect(storedSignature(uniqueEmail, "mail")).toMatchObject([{ status: "pending" }]);

  await confirmPage.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(confirmPage.getByRole("heading", { name: "Thank you, Mariam: your signature counts!" })).toBeVisible();
  await expect(confirmPage.getByText(/You are signer #\d/)).toBeVisible();
  expect(storedSignature(uniqueEmail, "mail")).toMatchObject([{ status: "confirmed" }]);
  await expect.poll(() => shownTotal(watcher), { timeout: 5000 }).toBeGreaterThan(before);
  await expect(watcher.getByRole("region", { name: "Recent signers" })).toContainText("Mariam H.");

  await confirmPage.goto(link);
  await expect(confirmPage.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
});

test("a signer who cannot click links confirms with the six-digit code", async ({ page, uniqueEmail }) => {
  await page.goto("/");
  await fillSignature(page, { fullName: "Omar Najjar", email: uniqueEmail });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /check your email/ })).toBeVisible();
  const [mail] = await waitForMail(uniqueEmail);
  const code = /\n(\d{6})\n/.exec(mail!.text)![1]!;

  await page.goto("/p/white-helmets/confirm");
  await page.getByLabel("The email you signed with").fill(uniqueEmail.toUpperCase());
  await page.getByLabel("Six-digit code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "doesn't match" })).toBeVisible();
  await expect(page.getByLabel("The email you signed with")).toHaveValue(uniqueEmail.toUpperCase());

  await page.getByLabel("Six-digit code").fill(code);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /your signature counts/ })).toBeVisible();
  expect(storedSignature(uniqueEmail, "mail")).toMatchObject([{ status: "confirmed" }]);
});

test("signing again answers exactly as a first signature and tells the owner by email", async ({ page, uniqueEmail }) => {
  await page.goto("/");
  await fillSignature(page, { fullName: "Lina Saad", email: uniqueEmail });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /check your email/ })).toBeVisible();
  const first = (await page.locator(".thank-you").textContent())!.replace(/Lina/g, "");
  const [mail] = await waitForMail(uniqueEmail);
  await page.goto(linkIn(mail!, "http"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /your signature counts/ })).toBeVisible();

  await page.goto("/");
  await fillSignature(page, { fullName: "Someone Else", email: uniqueEmail });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /check your email/ })).toBeVisible();
  expect((await page.locator(".thank-you").textContent())!.replace(/Someone/g, "")).toBe(first);
  const mails = await waitForMail(uniqueEmail, 2);
  expect(mails[1]!.subject).toBe("You have already signed: The White Helmets for the Nobel Peace Prize");
  expect(storedSignature(uniqueEmail, "mail")).toMatchObject([{ status: "confirmed", full_name: "Lina Saad" }]);
});

test("the withdraw link in the email deletes the signature and every open page sees the count drop", async ({
  page,
  baseURL,
  uniqueEmail,
  watcher,
}) => {
  await page.goto("/");
  await fillSignature(page, { fullName: "Yusuf Karim", email: uniqueEmail });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  const [mail] = await waitForMail(uniqueEmail);
  await page.goto(linkIn(mail!, `${baseURL}/en/confirm/`));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /your signature counts/ })).toBeVisible();

  const signerNumber = Number((await page.getByText(/You are signer #/).textContent())!.replace(/\D/g, ""));
  await expect.poll(() => shownTotal(watcher), { timeout: 5000 }).toBeGreaterThanOrEqual(signerNumber);
  const counted = await shownTotal(watcher);

  await page.goto(linkIn(mail!, `${baseURL}/en/withdraw/`));
  await expect(page.getByText("This deletes your signature")).toBeVisible();
  await page.getByRole("button", { name: "Withdraw my signature" }).click();
  await expect(page.getByRole("heading", { name: "Your signature has been withdrawn" })).toBeVisible();
  expect(storedSignature(uniqueEmail, "mail")).toEqual([]);
  await expect.poll(() => shownTotal(watcher), { timeout: 5000 }).toBeLessThan(counted);
});
