"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};
const readReferral = () => new URLSearchParams(window.location.search).get("ref") ?? "";

/**
 * The share code the reader arrived with (`?ref=`), sent with their signature. Read in the browser:
 * the page itself is cached for every reader and never sees the query string.
 */
export function ReferralField() {
  const referral = useSyncExternalStore(never, readReferral, () => "");
  return <input type="hidden" name="ref" value={referral} />;
}
