import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "./log";
import { logRequestError, requestIdHeader, stampRequestId } from "./request-log";

function request(headers: Record<string, string> = {}) {
  const req = new IncomingMessage(new Socket());
  Object.assign(req, { method: "POST", url: "/api/petitions/white-helmets/signatures", headers });
  return { req, res: new ServerResponse(req) };
}

afterEach(() => vi.restoreAllMocks());

describe("request ids", () => {
  it("gives each request an id of our own, in its headers and its response's", () => {
    const first = request({ [requestIdHeader]: "chosen-by-the-client" });
    const second = request();
    stampRequestId(first.req, first.res);
    stampRequestId(second.req, second.res);

    const id = first.req.headers[requestIdHeader];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(first.res.getHeader("X-Request-Id")).toBe(id);
    expect(second.req.headers[requestIdHeader]).not.toBe(id);
  });

  it("puts the id on what is logged when a request fails", () => {
    const logged = vi.spyOn(logger(), "error").mockImplementation(() => {});
    const { req, res } = request();
    stampRequestId(req, res);
    const failure = new Error("the database is locked");
    logRequestError(req, failure);
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: failure, requestId: req.headers[requestIdHeader], method: "POST" }),
      "answering a request failed",
    );
  });

  it("leaves link tokens out of the logged URL, since they act on a signature", () => {
    const logged = vi.spyOn(logger(), "error").mockImplementation(() => {});
    const { req } = request();
    req.url = "/withdraw/8Krs229vmTzbV8GAN7xA1pXNE49rWkKOmbVHfWlyRr8O35A9?x=1";
    logRequestError(req, new Error("failed"));
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ url: "/withdraw/[token]?x=1" }), "answering a request failed");
  });

  it("leaves an invitation's token out too, since it makes whoever holds it an organiser", () => {
    const logged = vi.spyOn(logger(), "error").mockImplementation(() => {});
    const { req } = request();
    req.url = "/admin/invitation/JINt1oIS6JWcsai03hHwiVJ6IfcHTQlz55p19qIe3KA";
    logRequestError(req, new Error("failed"));
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ url: "/admin/invitation/[token]" }), "answering a request failed");
  });
});
