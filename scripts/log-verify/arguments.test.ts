import { describe, expect, it } from "vitest";
import { parseArguments } from "./arguments";

describe("log:verify's arguments", () => {
  it("takes a site, a slug and an optional earlier checkpoint file", () => {
    expect(parseArguments(["https://countersign.example", "white-helmets"])).toEqual({ site: new URL("https://countersign.example"), slug: "white-helmets" });
    expect(parseArguments(["http://localhost:3000/", "white-helmets", "saved.txt"])).toMatchObject({ slug: "white-helmets", earlierCheckpointFile: "saved.txt" });
  });

  it("explains what is wrong with bad arguments", () => {
    expect(() => parseArguments([])).toThrow(/usage: npm run log:verify -- <site URL> <campaign slug>/);
    expect(() => parseArguments(["https://countersign.example"])).toThrow(/usage/);
    expect(() => parseArguments(["a", "b", "c", "d"])).toThrow(/usage/);
    expect(() => parseArguments(["countersign.example", "white-helmets"])).toThrow(/is not a URL/);
    expect(() => parseArguments(["ftp://countersign.example", "white-helmets"])).toThrow(/https:\/\/ or http:\/\//);
    expect(() => parseArguments(["https://countersign.example?x=1", "white-helmets"])).toThrow(/without \?query/);
    expect(() => parseArguments(["https://countersign.example", "White Helmets"])).toThrow(/not a campaign slug/);
  });
});
