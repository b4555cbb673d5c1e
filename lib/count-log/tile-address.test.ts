import { describe, expect, it } from "vitest";
import { parseTilePath, tilePath } from "./tile-address";

describe("tile paths", () => {
  it("writes indexes as the specification's examples do", () => {
    expect(tilePath(1234067)).toBe("x001/x234/067");
    expect(tilePath(5)).toBe("005");
    expect(tilePath(1000)).toBe("x001/000");
  });

  it("reads full and partial tiles and bundles", () => {
    expect(parseTilePath("0/x001/x234/067")).toEqual({ level: 0, index: 1234067, width: 256 });
    expect(parseTilePath("2/000.p/7")).toEqual({ level: 2, index: 0, width: 7 });
    expect(parseTilePath("entries/x001/234.p/255")).toEqual({ level: "entries", index: 1234, width: 255 });
  });

  it.each(["0", "0/5", "0/0005", "00/000", "0/x000/005", "0/005.p/0", "0/005.p/256", "0/005.p/07", "7/000", "-1/000", "entries/abc", "0/005/", "0/x005", "0/005.p/", "1/000.p/2/3"])(
    "refuses %s",
    (path) => expect(parseTilePath(path)).toBeUndefined(),
  );
});
