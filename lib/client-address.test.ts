import { describe, expect, it } from "vitest";
import { addressNetwork } from "./client-address";

describe("addressNetwork", () => {
  it("counts every address in an IPv6 client's /64 as one", () => {
    const network = addressNetwork("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    expect(network).toBe("2001:db8:1:2::/64");
    expect(addressNetwork("2001:db8:1:2::1")).toBe(network);
    expect(addressNetwork("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe(network);
    expect(addressNetwork("2001:db8:1:3::1")).not.toBe(network);
  });

  it("counts an IPv4 address, written plainly or mapped into IPv6, as itself", () => {
    expect(addressNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(addressNetwork("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressNetwork("203.0.113.8")).not.toBe(addressNetwork("203.0.113.7"));
  });

  it("keeps anything that is not an address as it is", () => {
    expect(addressNetwork("unix-socket")).toBe("unix-socket");
  });
});
