import { describe, expect, it } from "vitest";
import { actions, can, isRole, roles } from "./roles";

// The whole table, written out: a change to what a role may do has to change this too.
const expected = {
  "view-dashboard": { owner: true, editor: true, viewer: true },
  "view-signers": { owner: true, editor: true, viewer: false },
  "manage-campaigns": { owner: true, editor: true, viewer: false },
  "send-updates": { owner: true, editor: true, viewer: false },
  moderate: { owner: true, editor: true, viewer: false },
  "view-audit": { owner: true, editor: true, viewer: false },
  export: { owner: true, editor: false, viewer: false },
  import: { owner: true, editor: false, viewer: false },
  erase: { owner: true, editor: false, viewer: false },
  "manage-organisers": { owner: true, editor: false, viewer: false },
};

describe("what each role may do", () => {
  it("is this table, every action of every role", () => {
    expect([...actions].sort()).toEqual(Object.keys(expected).sort());
    for (const action of actions) {
      for (const role of roles) expect(can(role, action), `${role} ${action}`).toBe(expected[action][role]);
    }
  });

  it("lets an owner do everything and a viewer only look", () => {
    expect(actions.every((action) => can("owner", action))).toBe(true);
    expect(actions.filter((action) => can("viewer", action))).toEqual(["view-dashboard"]);
  });

  it("never lets an editor take signers' data away or destroy it", () => {
    expect(can("editor", "export")).toBe(false);
    expect(can("editor", "erase")).toBe(false);
    expect(can("editor", "import")).toBe(false);
    expect(can("editor", "manage-organisers")).toBe(false);
  });

  it("never shows a viewer who signed", () => {
    expect(can("viewer", "view-signers")).toBe(false);
  });

  it("knows a role from anything else a form might send", () => {
    expect(roles.every(isRole)).toBe(true);
    for (const other of ["admin", "Owner", "", undefined, null, 1, "__proto__", "toString"]) expect(isRole(other)).toBe(false);
  });
});
