import { describe, expect, it } from "vitest";
import { entryText, formatEntry, parseEntry, splitBundle } from "./entries";

const commitment = "ab".repeat(32);
const bytes = (text: string) => new TextEncoder().encode(text);
const bundleOf = (...entries: string[]) => new Uint8Array(entries.flatMap((entry) => [entry.length >> 8, entry.length & 0xff, ...bytes(entry)]));

function refusal(line: string): string {
  const parsed = parseEntry(line);
  if (parsed.ok) throw new Error(`"${line}" was taken as ${JSON.stringify(parsed.value)}`);
  return parsed.error;
}

describe("entry bundles", () => {
  it("splits length-prefixed entries, including empty and long ones", () => {
    const long = "x".repeat(300);
    const split = splitBundle(bundleOf("add", "", long));
    expect(split.ok).toBe(true);
    if (split.ok) expect(split.value.map((entry) => new TextDecoder().decode(entry))).toEqual(["add", "", long]);
    expect(splitBundle(new Uint8Array(0))).toEqual({ ok: true, value: [] });
  });

  it("refuses a bundle cut inside a length or an entry", () => {
    const bundle = bundleOf("add 1", "remove 2");
    expect(splitBundle(bundle.subarray(0, bundle.length - 1))).toEqual({ ok: false, error: "entry 1 runs 1 bytes past the end of the bundle" });
    expect(splitBundle(bundle.subarray(0, 8))).toEqual({ ok: false, error: "the bundle ends inside the length of entry 1 (byte 7)" });
  });

  it("takes printable ASCII only", () => {
    expect(entryText(bytes("add 1 SY email"))).toEqual({ ok: true, value: "add 1 SY email" });
    expect(entryText(bytes("add 1\nSY"))).toEqual({ ok: false, error: "byte 5 of the entry is 0x0a, not printable ASCII" });
    expect(entryText(bytes("add 1 SÝ")).ok).toBe(false);
  });
});

describe("entry lines", () => {
  it("parses an add and a remove, and writes them back byte for byte", () => {
    const add = `add 29600000 SY email ${commitment} 1`;
    const remove = "remove 29600001 0 withdrawn 0";
    expect(parseEntry(add)).toEqual({ ok: true, value: { kind: "add", minute: 29600000, country: "SY", how: "email", commitment, count: 1 } });
    expect(parseEntry(remove)).toEqual({ ok: true, value: { kind: "remove", minute: 29600001, target: 0, reason: "withdrawn", count: 0 } });
    for (const line of [add, remove, `add 0 GB import ${commitment} 0`, "remove 5 3 undone 12"]) {
      const parsed = parseEntry(line);
      expect(parsed.ok && formatEntry(parsed.value)).toBe(line);
    }
  });

  it("refuses malformed adds, saying which field is wrong", () => {
    expect(refusal(`add 29600000 sy email ${commitment} 1`)).toMatch(/country "sy" is not two capital letters/);
    expect(refusal(`add 29600000 SYR email ${commitment} 1`)).toMatch(/country "SYR"/);
    expect(refusal(`add 29600000 SY post ${commitment} 1`)).toMatch(/way of signing "post"/);
    expect(refusal(`add 29600000 SY email ${commitment.toUpperCase()} 1`)).toMatch(/commitment .* is not 64 lower-case hex/);
    expect(refusal(`add 29600000 SY email ${commitment.slice(2)} 1`)).toMatch(/commitment/);
    expect(refusal(`add 029600000 SY email ${commitment} 1`)).toMatch(/minute "029600000"/);
    expect(refusal(`add -1 SY email ${commitment} 1`)).toMatch(/minute "-1"/);
    expect(refusal(`add 9999999999 SY email ${commitment} 1`)).toMatch(/after the year 9999/);
    expect(refusal(`add 29600000 SY email ${commitment} 1.0`)).toMatch(/count "1.0"/);
    expect(refusal(`add 29600000 SY email ${commitment}`)).toMatch(/an add has 6 fields, this one 5/);
    expect(refusal(`add 29600000  SY email ${commitment} 1`)).toMatch(/7/);
    expect(refusal(`add 29600000 SY email ${commitment} 1 `)).toMatch(/7/);
  });

  it("refuses malformed removes and other lines", () => {
    expect(refusal("remove 29600000 x withdrawn 0")).toMatch(/index it removes "x"/);
    expect(refusal("remove 29600000 0 deleted 0")).toMatch(/reason "deleted"/);
    expect(refusal("remove 29600000 0 withdrawn")).toMatch(/5 fields/);
    expect(refusal("Add 1 SY email")).toMatch(/neither an add nor a remove/);
    expect(refusal("")).toMatch(/neither/);
  });
});
