import { signOut } from "../actions";

const sections = [
  { href: "/admin", label: "Campaigns" },
  { href: "/admin/blocked", label: "Blocked addresses" },
  { href: "/admin/erasure", label: "Erasure requests" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminHeader({ email }: { email: string }) {
  return (
    <header className="admin-header">
      <nav aria-label="Organisers">
        <ul className="admin-nav">
          {sections.map((s) => (
            <li key={s.href}>
              <a href={s.href}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <form action={signOut} className="admin-signout">
        <span>Signed in as {email}</span>
        <button type="submit" className="button-quiet">
          Sign out
        </button>
      </form>
    </header>
  );
}
