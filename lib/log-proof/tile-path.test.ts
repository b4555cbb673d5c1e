import { describe, expect, it } from "vitest";
import { bundlePath, levelCount, tileHolding, tileIndexPath, tilePath, tilesAtLevel } from "./tile-path";

describe("tile paths", () => {
  it("encodes tile numbers in groups of three digits, all but the last prefixed with x", () => {
    expect(tileIndexPath(1234067)).toBe("x001/x234/067");
    expect(tileIndexPath(5)).toBe("005");
    expect(tileIndexPath(0)).toBe("000");
    expect(tileIndexPath(1234)).toBe("x001/234");
    expect(tileIndexPath(1000)).toBe("x001/000");
    expect(tileIndexPath(999)).toBe("999");
    expect(() => tileIndexPath(-1)).toThrow();
  });

  it("names full and partial tiles and bundles", () => {
    expect(tilePath({ level: 0, index: 1234067, width: 256 })).toBe("tile/0/x001/x234/067");
    expect(tilePath({ level: 2, index: 5, width: 17 })).toBe("tile/2/005.p/17");
    expect(bundlePath({ index: 1234, width: 1 })).toBe("tile/entries/x001/234.p/1");
    expect(bundlePath({ index: 0, width: 256 })).toBe("tile/entries/000");
    expect(() => tilePath({ level: 0, index: 0, width: 0 })).toThrow();
  });

  it("lists the tiles of a tree of 70,000 as the spec's example does", () => {
    const level0 = tilesAtLevel(70_000, 0);
    expect(level0).toHaveLength(274);
    expect(level0.filter((t) => t.width === 256)).toHaveLength(273);
    expect(level0.at(-1)).toEqual({ level: 0, index: 273, width: 112 });
    expect(tilesAtLevel(70_000, 1)).toEqual([
      { level: 1, index: 0, width: 256 },
      { level: 1, index: 1, width: 17 },
    ]);
    expect(tilesAtLevel(70_000, 2)).toEqual([{ level: 2, index: 0, width: 1 }]);
    expect(tilesAtLevel(70_000, 3)).toEqual([]);
    expect(levelCount(70_000)).toBe(3);
  });

  it("gives a tree of 256 a full level-0 tile and a level-1 tile of width 1, and an empty tree none", () => {
    expect(tilesAtLevel(256, 0)).toEqual([{ level: 0, index: 0, width: 256 }]);
    expect(tilesAtLevel(256, 1)).toEqual([{ level: 1, index: 0, width: 1 }]);
    expect(levelCount(256)).toBe(2);
    expect(levelCount(255)).toBe(1);
    expect(levelCount(0)).toBe(0);
  });

  it("finds the tile holding a hash, as wide as the tree makes it", () => {
    expect(tileHolding(70_000, 0, 69_999)).toEqual({ level: 0, index: 273, width: 112 });
    expect(tileHolding(70_000, 0, 300)).toEqual({ level: 0, index: 1, width: 256 });
    expect(tileHolding(70_000, 1, 272)).toEqual({ level: 1, index: 1, width: 17 });
    expect(() => tileHolding(70_000, 1, 273)).toThrow(/no hash 273/);
  });
});
