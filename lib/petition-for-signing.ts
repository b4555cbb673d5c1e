import { readPetitionCount, readPetitionTitles } from "@/db/store";
import { shortLived } from "./short-lived";

/**
 * A campaign's title and settings, as signing needs them, read at most once a second per
 * campaign: a surge of signatures then costs one database round trip each (the insert), not two.
 * A change of settings made in another process reaches signing within the second; one made here
 * at once (forget).
 */
export const petitionForSigning = shortLived(1_000, readPetitionCount);

/**
 * A campaign's title in each of its languages, read at most once a second per campaign: what
 * every email to a signer names the campaign by, in the signer's language.
 */
export const petitionTitles = shortLived(1_000, readPetitionTitles);
