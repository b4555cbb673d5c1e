import { can, type Action, type Role } from "@/lib/domain/roles";
import { signOut } from "../actions";

const sections: { href: string; label: string; action: Action }[] = [
  { href: "/admin", label: "Campaigns", action: "view-dashboard" },
  { href: "/admin/blocked", label: "Blocked addresses", action: "moderate" },
  { href: "/admin/erasure", label: "Erasure requests", action: "erase" },
  { href: "/admin/organisers", label: "Organisers", action: "manage-organisers" },
  { href: "/admin/audit", label: "Audit log", action: "view-audit" },
];

/** The organisers' navigation: only the sections this role may open (each page checks again). */
export function OrganiserHeader({ organiser }: { organiser: { email: string; role: Role } }) {
  return (
    <header className="admin-header">
      <nav aria-label="Organisers">
        <ul className="admin-nav">
          {sections
            .filter((s) => can(organiser.role, s.action))
            .map((s) => (
              <li key={s.href}>
                <a href={s.href}>{s.label}</a>
              </li>
            ))}
        </ul>
      </nav>
      <form action={signOut} className="admin-signout">
        <span>
          Signed in as {organiser.email} ({organiser.role})
        </span>
        <button type="submit" className="button-quiet">
          Sign out
        </button>
      </form>
    </header>
  );
}
