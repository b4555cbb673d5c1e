import { beforeAll, describe, expect, it } from "vitest";
import { stores } from "@/lib/stores";
import { prepareDatabase } from "@/test/database";

beforeAll(prepareDatabase);

describe("page payloads", () => {
  it("are kept under their hash, once, and found by it", async () => {
    const at = new Date("2026-12-07T09:00:00Z");
    const body = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff]);
    await stores().pagePayloads.keep("kept-once", body, at, new Date(0));
    // A second process rendering the same payload keeps it again: nothing changes, nothing fails.
    await stores().pagePayloads.keep("kept-once", body, new Date(at.getTime() + 1000), new Date(0));
    expect(await stores().pagePayloads.find("kept-once")).toEqual(body);
    expect(await stores().pagePayloads.find("never-kept")).toBeUndefined();
  });

  it("are forgotten once older than what a later keep names", async () => {
    const at = new Date("2026-12-07T10:00:00Z");
    await stores().pagePayloads.keep("old", Buffer.from("old"), at, new Date(0));
    await stores().pagePayloads.keep("newer", Buffer.from("newer"), new Date(at.getTime() + 60_000), new Date(0));
    await stores().pagePayloads.keep("newest", Buffer.from("newest"), new Date(at.getTime() + 120_000), new Date(at.getTime() + 1));
    expect(await stores().pagePayloads.find("old")).toBeUndefined();
    expect((await stores().pagePayloads.find("newer"))?.toString()).toBe("newer");
    expect((await stores().pagePayloads.find("newest"))?.toString()).toBe("newest");
  });
});
