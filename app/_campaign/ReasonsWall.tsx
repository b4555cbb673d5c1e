import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/locales";
import { reasonOrders, type ReasonPage } from "@/lib/domain/reasons";
import { agreeAction } from "./reason-actions";
import { ReasonList } from "./ReasonList";

/**
 * Why people signed: shown reasons, newest or most supported first, a page at a time. Everything here is links and forms
 * drawn on the server, so it reads and works without scripts; with them, new reasons arrive and agreeing answers in place.
 */
export async function ReasonsWall({ slug, locale, page }: { slug: string; locale: Locale; page: ReasonPage }) {
  const t = await getTranslations({ locale, namespace: "Reasons" });
  const base = `/${locale}/p/${slug}`;
  const href = (order: string, n: number) => (order === "newest" && n === 1 ? `${base}#reasons` : `${base}?reasons=${order}&page=${n}#reasons`);
  return (
    <section id="reasons" className="reasons" aria-labelledby="reasons-heading">
      <h2 id="reasons-heading">{t("heading")}</h2>
      <p className="reasons-count">{t("count", { count: page.total })}</p>
      <nav aria-label={t("orderLabel")} className="reasons-order">
        <ul>
          {reasonOrders.map((order) => (
            <li key={order}>
              <a href={href(order, 1)} aria-current={order === page.order ? "page" : undefined}>
                {t(order)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ReasonList
        initial={page.reasons}
        live={page.order === "newest" && page.page === 1}
        agreeAction={agreeAction.bind(null, slug)}
        reportHref={`${base}/reasons`}
        locale={locale}
      />
      {(page.page > 1 || page.hasMore) && (
        <nav aria-label={t("pages")} className="reasons-pages">
          {page.page > 1 && (
            <a href={href(page.order, page.page - 1)} rel="prev">
              {t("previous")}
            </a>
          )}
          <span>{t("pageOf", { page: page.page })}</span>
          {page.hasMore && (
            <a href={href(page.order, page.page + 1)} rel="next">
              {t("next")}
            </a>
          )}
        </nav>
      )}
    </section>
  );
}
