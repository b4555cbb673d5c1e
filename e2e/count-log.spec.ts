import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { runLogVerifier } from "./support/log-verifier";

// The public count log over HTTP, as verifiers and receipt pages read it (C2SP tlog-tiles).

const slug = "white-helmets";
const commitment = "ab".repeat(32);

test("every path of a campaign that does not exist answers 404", async ({ request }) => {
  for (const path of ["checkpoint", "vkey", "stats.json", "tile/0/000", "tile/0/000.p/1", "tile/entries/000", `lookup/${commitment}`, "nothing-here"]) {
    expect((await request.get(`/log/no-such-campaign/${path}`)).status(), path).toBe(404);
  }
});

test("a tile path the specification cannot write answers 400", async ({ request }) => {
  for (const path of ["tile/0/0005", "tile/00/000", "tile/0/x000/005", "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/07", "tile/entries/abc", "tile/9/000", "tile/0", "lookup/XYZ"]) {
    const response = await request.get(`/log/${slug}/${path}`);
    expect(response.status(), path).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringContaining("tlog-tiles") });
  }
});

test("the log serves its checkpoint, key, figures and tiles, each with the caching its kind allows", async ({ request }) => {
  for (let i = 0; i < 3; i++) {
    const signed = await request.post(`/api/petitions/${slug}/signatures`, { data: { fullName: "Log Reader", email: `log-${randomUUID()}@example.org`, country: "FJ" } });
    expect(signed.status()).toBe(201);
  }
  // The shared app's log also holds other tests' signatures: wait for these three to be placed (no other test signs from
  // Fiji), then read the size the checkpoint states.
  await expect
    .poll(async () => ((await (await request.get(`/log/${slug}/stats.json`)).json()) as { byCountry: Record<string, number> }).byCountry.FJ ?? 0, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(3);
  const size = Number((await (await request.get(`/log/${slug}/checkpoint`)).text()).split("\n")[1]);

  const checkpoint = await request.get(`/log/${slug}/checkpoint`);
  expect(checkpoint.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(checkpoint.headers()["cache-control"]).toMatch(/^public, max-age=[1-5]$/);
  expect(checkpoint.headers()["access-control-allow-origin"]).toBe("*");
  expect(await checkpoint.text()).toMatch(/^localhost\/log\/white-helmets\n\d+\n[A-Za-z0-9+/]{43}=\n\n\u2014 localhost\/log\/white-helmets [A-Za-z0-9+/]+=*\n$/);
  expect(await (await request.get(`/log/${slug}/vkey`)).text()).toMatch(/^localhost\/log\/white-helmets\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}\n$/);

  const stats = await (await request.get(`/log/${slug}/stats.json`)).json();
  expect(stats).toMatchObject({ treeSize: expect.any(Number), count: expect.any(Number), byHow: expect.any(Object), byCountry: expect.any(Object) });
  expect(stats.treeSize).toBeGreaterThanOrEqual(size);

  // The entries bundle and level-0 tile that hold the newest entries, at the width this tree gives them.
  const index = Math.floor((size - 1) / 256);
  const width = size - index * 256;
  const tile = `${String(index).padStart(3, "0")}${width === 256 ? "" : `.p/${width}`}`;
  const bundle = await request.get(`/log/${slug}/tile/entries/${tile}`);
  expect(bundle.status()).toBe(200);
  expect(bundle.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(bundle.headers()["content-type"]).toBe("application/octet-stream");
  const bytes = await bundle.body();
  const entries: string[] = [];
  for (let at = 0; at < bytes.length; at += 2 + bytes.readUInt16BE(at)) entries.push(bytes.subarray(at + 2, at + 2 + bytes.readUInt16BE(at)).toString("ascii"));
  expect(entries).toHaveLength(width);
  for (const entry of entries) expect(entry).toMatch(/^(add \d+ [A-Z]{2} (email|open|import) [0-9a-f]{64}|remove \d+ \d+ (withdrawn|erased|invalidated|undone)) \d+$/);
  expect((await (await request.get(`/log/${slug}/tile/0/${tile}`)).body()).length).toBe(width * 32);
  // A tile the tree has not reached yet is not there (other tests sign meanwhile, so one well beyond it).
  const ahead = String(index + 10).padStart(3, "0");
  for (const path of [`tile/0/${ahead}.p/1`, `tile/0/${ahead}`, `tile/entries/${ahead}`]) expect((await request.get(`/log/${slug}/${path}`)).status(), path).toBe(404);
  const head = await request.head(`/log/${slug}/tile/0/${tile}`);
  expect(head.status()).toBe(200);
  expect(head.headers()["content-length"]).toBe(String(width * 32));
});

test("the verifier anyone can run agrees with the log and the count", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const { code, output } = await runLogVerifier(baseURL!, slug);
  expect(output).not.toContain("FAIL");
  expect(code, output).toBe(0);
});
