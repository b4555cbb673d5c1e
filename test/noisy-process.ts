// A process that writes personal data and link tokens every way a server process can, once its
// standard streams are routed as the start script routes them; run by lib/standard-streams.test.ts.
import { DrizzleQueryError } from "drizzle-orm/errors";
import { logger } from "@/lib/log";
import { routeStandardStreams } from "@/lib/standard-streams";

routeStandardStreams();
const token = process.argv[2]!;

console.error(new Error("550 5.1.1 <rania.saleh@example.org>: Recipient address rejected (client [203.0.113.9])"));
console.log(`GET /en/unsubscribe/${token} 200 in 12ms`);
console.warn("slow answer for", { clientAddress: "2001:db8::7", from: "omar@example.org" });
process.stderr.write(`⨯ failed to render /api/referrals/${token}?ref=${token}\n`);
process.stdout.write(Buffer.from("queued for hana@example.org\n"));
process.stdout.write("dmFsdWU=", "base64");
process.stdout.write("\n", () => process.stdout.write("written after a callback\n"));
logger().error({ err: new DrizzleQueryError("insert into signatures (full_name, email) values (?, ?)", ["Leila Amin", "leila@example.org"]) }, "query failed");
console.error(new DrizzleQueryError("select 1 where email = ?", ["karim@example.org"], new Error("SQLITE_BUSY")));
setTimeout(() => {
  throw new Error(`nobody caught this for bassam@example.org at /en/confirm/${token}`);
}, 50);
