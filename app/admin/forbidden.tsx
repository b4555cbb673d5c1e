/** What requireRole answers (with a 403) when an organiser's role does not include what they asked for. */
export default function Forbidden() {
  return (
    <main id="main" className="admin admin-narrow">
      <h1>You can&apos;t do that</h1>
      <p>
        Your organiser role doesn&apos;t include this. An owner can do it for you, or change your role on the
        Organisers page.
      </p>
      <p>
        <a href="/admin">Back to the campaigns</a>
      </p>
    </main>
  );
}
