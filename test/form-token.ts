// In a process of its own: issues a form stamp and prints it, or, given one, prints what checking
// it says. Run by lib/secrets.integration.test.ts to show which key a process signs with.
import { checkForm, issueFormToken } from "@/lib/bot-checks";

const [given] = process.argv.slice(2);
process.stdout.write(given === undefined ? issueFormToken() : checkForm({ honeypot: "", formToken: given }).kind);
