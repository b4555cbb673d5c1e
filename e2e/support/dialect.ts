import { test, type FullProject } from "@playwright/test";

export type Dialect = "sqlite" | "postgres";

/** The database a project's tests run on, as playwright.config.ts names it in the project's metadata. */
export const dialectOf = (project: Pick<FullProject, "metadata">): Dialect => (project.metadata.dialect === "postgres" ? "postgres" : "sqlite");

/** The database of the project whose test (or hook) is running. */
export const currentDialect = (): Dialect => dialectOf(test.info().project);
