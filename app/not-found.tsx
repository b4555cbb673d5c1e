export default function NotFound() {
  return (
    <main id="main" className="plain-page">
      <h1>We can&rsquo;t find that page</h1>
      <p>
        The petition may have moved or the link may be mistyped. <a href="/">Go to the current campaign</a>.
      </p>
    </main>
  );
}
