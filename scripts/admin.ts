import { openDatabase } from "@/db/open";
import { closeStores, openStores, stores } from "@/lib/stores";
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { organiserEmail, organiserPassword, createOrganiser } from "@/lib/auth/organiser-accounts";
import { ConfigError } from "@/lib/config";

const usage =
  "Usage: npm run admin -- create <email>\nMakes an owner. The password is asked for, or read from the first line of standard input when it is piped.";

/** Reads a password without echoing it to the terminal. */
async function askPassword(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = rl.question(question);
  muted = true;
  const password = await answer;
  rl.close();
  process.stdout.write("\n");
  return password;
}

async function passwordFromUser(): Promise<string> {
  if (!process.stdin.isTTY) {
    // Piped in, for scripts: the first line is the password.
    let input = "";
    for await (const chunk of process.stdin) input += String(chunk);
    return input.split(/\r?\n/)[0] ?? "";
  }
  for (;;) {
    const first = await askPassword("Password (12 characters or more): ");
    const checked = organiserPassword.safeParse(first);
    if (!checked.success) {
      console.log(checked.error.issues[0]?.message);
      continue;
    }
    if ((await askPassword("Same password again: ")) === first) return first;
    console.log("The two passwords differ; let's try again.");
  }
}

async function main(args: string[]) {
  const [command, email] = args;
  if (command !== "create" || !email) {
    console.error(usage);
    process.exit(2);
  }
  const address = organiserEmail.safeParse(email);
  if (!address.success) {
    console.error(`"${email}" is not an email address. ${usage}`);
    process.exit(2);
  }
  const password = organiserPassword.safeParse(await passwordFromUser());
  if (!password.success) throw new Error(`The password is not usable: ${password.error.issues[0]?.message}`);
  await openStores(openDatabase);
  await stores().database.migrateDatabase();
  // Whoever can run this holds the server: the account is an owner, who can invite the others.
  const created = await createOrganiser(address.data, password.data, "owner");
  console.log(created ? `Owner account created for ${email}.` : `${email} already has an organiser account; nothing changed.`);
  // Closed, not left to the pool: PostgreSQL's idle connections kept the command waiting 10 s after it had answered.
  await closeStores();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
