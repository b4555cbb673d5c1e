import { signOut } from "../actions";

export function AdminHeader({ email }: { email: string }) {
  return (
    <header className="admin-header">
      <a href="/admin" className="admin-home">
        Countersign organisers
      </a>
      <form action={signOut} className="admin-signout">
        <span>Signed in as {email}</span>
        <button type="submit" className="button-quiet">
          Sign out
        </button>
      </form>
    </header>
  );
}
