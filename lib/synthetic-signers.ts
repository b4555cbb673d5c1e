import { countryCodes } from "./domain/countries";
import { emailKey } from "./domain/email-key";

// A spread of scripts and lengths, so benchmarks and exports handle what real campaigns get.
const firstNames = ["Amina", "Raed", "Farouq", "Khaleed", "Lina", "Omar", "Mariam", "Yusuf", "Sofia", "Liam", "Chen", "Aiko",
  "Olga", "Mateo", "Priya", "Kwame", "Zoë", "Søren", "Nguyễn", "رائد", "أمينة", "王", "Ελένη", "Дмитрий", "יעל"];
const lastNames = ["Khalil", "Saleh", "al Habib", "Khateeb", "Haddad", "Najjar", "Karim", "García", "Müller", "O'Brien",
  "Smith", "Tanaka", "Kowalski", "Okafor", "Sharma", "Ivanova", "Lefèvre", "الصالح", "خليل", "小明", "Παπαδοπούλου", "Коваль"];
const domains = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "example.org", "mail.example.net", "uni.example.edu"];
const comments = ["", "", "", "For the rescuers.", "They run towards danger when everyone runs away.", "شكرا لكم", "Peace, now."];

/** The i-th made-up signer: deterministic, unique by email, shaped like the real thing. */
export function syntheticSigner(i: number) {
  const first = firstNames[i % firstNames.length]!;
  const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length]!;
  const domain = domains[i % domains.length]!;
  const email = `signer.${i}@${domain}`;
  return {
    fullName: `${first} ${last}`,
    email,
    emailKey: emailKey(email),
    emailDomain: domain,
    country: countryCodes[(i * 7) % countryCodes.length]!,
    comment: comments[i % comments.length] || null,
    showName: i % 3 === 0,
    wantsUpdates: i % 4 === 0,
  };
}
