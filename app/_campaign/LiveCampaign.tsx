"use client";

import { createContext, use, useEffect, useState, type ReactNode } from "react";
import type { LiveSnapshot } from "@/lib/campaign-status";

const LiveContext = createContext<LiveSnapshot | null>(null);

/** Keeps the campaign's count and recent signers current over server-sent events, reconnecting on its own. */
export function LiveCampaign({ initial, children }: { initial: LiveSnapshot; children: ReactNode }) {
  const [snapshot, setSnapshot] = useState(initial);
  const slug = initial.slug;

  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 1000;
    const connect = () => {
      source = new EventSource(`/api/petitions/${slug}/events`);
      source.onmessage = (event: MessageEvent<string>) => {
        delay = 1000;
        const next = JSON.parse(event.data) as LiveSnapshot;
        setSnapshot((current) => (next.revision >= current.revision ? next : current));
      };
      // EventSource retries by itself after a dropped connection, but gives up after an error
      // answer; then we try again, waiting longer each time.
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, 30_000);
      };
    };
    connect();
    return () => {
      source?.close();
      clearTimeout(retry);
    };
  }, [slug]);

  return <LiveContext value={snapshot}>{children}</LiveContext>;
}

export function useLiveSnapshot(): LiveSnapshot {
  const snapshot = use(LiveContext);
  if (!snapshot) throw new Error("useLiveSnapshot needs a <LivePetition> around it");
  return snapshot;
}
