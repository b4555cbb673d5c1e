// In a process of its own, on the database DATABASE_URL names: `issue [msAgo]` prints a form
// stamp issued that long ago; `check <stamp>` prints what checking it says. Run by tests to make
// or check a stamp with the key the app on that database signs with.
import { checkForm, issueFormToken } from "@/lib/bot-checks";

const [command, value = "0"] = process.argv.slice(2);
process.stdout.write(command === "check" ? checkForm({ honeypot: "", formToken: value }).kind : issueFormToken(Date.now() - Number(value)));
