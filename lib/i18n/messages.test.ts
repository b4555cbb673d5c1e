import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { locales } from "../domain/locales";
import { messagesFor } from "./messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") entries.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
  }
  return entries;
}

/** Every argument a message names, and every plural's categories, however deep. */
function shape(elements: MessageFormatElement[], found = { args: new Set<string>(), plurals: [] as string[][] }) {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number) found.args.add(element.value);
    if (element.type === TYPE.tag) {
      found.args.add(`<${element.value}>`);
      shape(element.children, found);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.args.add(element.value);
      if (element.type === TYPE.plural) found.plurals.push(Object.keys(element.options));
      for (const option of Object.values(element.options)) shape(option.value, found);
    }
    if (element.type === TYPE.pound) found.args.add("#");
  }
  return found;
}

const english = flatten(messagesFor("en"));

describe.each(locales.filter((locale) => locale !== "en"))("messages/%s.json", (locale) => {
  const translated = flatten(messagesFor(locale));

  it("has every English message and no other", () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("names the same arguments and tags as the English, and no # (its digits would not be the page's)", () => {
    for (const [key, source] of english) {
      const theirs = shape(parse(translated.get(key) ?? ""));
      expect([...theirs.args].sort(), key).toEqual([...shape(parse(source)).args].sort());
      expect(theirs.args.has("#"), key).toBe(false);
    }
  });

  it("gives each plural every category the language has", () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, text] of translated) {
      for (const plural of shape(parse(text)).plurals) {
        for (const category of categories) expect(plural, `${key}: ${category}`).toContain(category);
      }
    }
  });
});
