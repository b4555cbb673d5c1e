import { appSecret } from "@/db/store";
import { config } from "./config";
import { processSingleton } from "./process-singleton";

/**
 * A named secret, made once per database and kept in it so links and form stamps survive restarts;
 * read once per process.
 */
export function secret(name: string): Promise<string> {
  return processSingleton(`secret:${name}:${config().DATABASE_URL}`, () => appSecret(name));
}
