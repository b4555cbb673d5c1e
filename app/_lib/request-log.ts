import { headers } from "next/headers";
import { logger } from "@/lib/log";
import { requestIdHeader } from "@/lib/request-log";

/** Logs a failure inside a page or action with the id our server gave its request (lib/request-log.ts). */
export async function logActionError(message: string, error: unknown, fields: Record<string, unknown> = {}): Promise<void> {
  const requestId = (await headers()).get(requestIdHeader) ?? undefined;
  logger().error({ ...fields, err: error, requestId }, message);
}
