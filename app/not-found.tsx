import { defaultLocale } from "@/lib/domain/locales";
import { messagesFor } from "@/lib/i18n/messages";

// A path outside every section (not /en/…, /ar/… or /admin/…): no layout has drawn a document,
// so this page draws its own, in both languages since nothing says which the reader reads.
export default function NotFound() {
  const en = messagesFor(defaultLocale).NotFound;
  const ar = messagesFor("ar").NotFound;
  return (
    <html lang="en" dir="ltr">
      <body>
        <main id="main" className="plain-page">
          <h1>{en.title}</h1>
          <p>
            <a href="/en">English</a>
          </p>
          <section lang="ar" dir="rtl">
            <h2>{ar.title}</h2>
            <p>
              <a href="/ar">العربية</a>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
