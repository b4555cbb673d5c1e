import { notFound } from "next/navigation";
import { pageLocale } from "@/app/[locale]/_lib/page-locale";

// Any other path under a locale: the locale's own not-found page, in its language.
export default async function Unknown({ params }: PageProps<"/[locale]/[...rest]">) {
  await pageLocale(params);
  notFound();
}
