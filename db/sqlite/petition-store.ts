import { asc, eq, sql } from "drizzle-orm";
import { database, preparedStatements } from "./client";
import { petitions, type NewPetition } from "./schema";

export type PetitionContent = Omit<
  NewPetition,
  "id" | "signatureCount" | "revision" | "createdAt" | "updatedAt"
>;

const statements = preparedStatements("petitions", ({ orm }) => {
  return {
    countBySlug: orm
      .select({
        id: petitions.id,
        slug: petitions.slug,
        title: petitions.title,
        goal: petitions.goal,
        signaturesElsewhere: petitions.signaturesElsewhere,
        signatureCount: petitions.signatureCount,
        revision: petitions.revision,
        updatedAt: petitions.updatedAt,
      })
      .from(petitions)
      .where(eq(petitions.slug, sql.placeholder("slug")))
      .prepare(),
  };
});

export type PetitionCount = NonNullable<ReturnType<ReturnType<typeof statements>["countBySlug"]["get"]>>;

/** Creates the campaign or refreshes its content; its signatures and count are left as they are. */
export async function upsertPetition(content: PetitionContent, now = new Date()): Promise<void> {
  database()
    .orm.insert(petitions)
    .values({ ...content, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: petitions.slug,
      set: {
        title: content.title,
        ask: content.ask,
        goal: content.goal,
        signaturesElsewhere: content.signaturesElsewhere,
        storyHeadline: content.storyHeadline,
        storyPublishedAt: content.storyPublishedAt,
        storyUpdatedAt: content.storyUpdatedAt,
        storyMarkdown: content.storyMarkdown,
      },
    })
    .run();
}

export async function findPetition(slug: string) {
  return database().orm.select().from(petitions).where(eq(petitions.slug, slug)).get();
}

/** The count and what the live counter needs; one primary-key lookup, never a scan. */
export async function readPetitionCount(slug: string): Promise<PetitionCount | undefined> {
  return statements().countBySlug.get({ slug });
}

export async function listPetitions() {
  return database()
    .orm.select({
      slug: petitions.slug,
      title: petitions.title,
      goal: petitions.goal,
      signaturesElsewhere: petitions.signaturesElsewhere,
      signatureCount: petitions.signatureCount,
    })
    .from(petitions)
    .orderBy(asc(petitions.id))
    .all();
}
