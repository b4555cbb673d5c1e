"use client";

import { useEffect } from "react";
import { embedMessages } from "@/lib/embed";

type Props = {
  /** EMBED_ORIGINS: when organisers list partners, only their pages are told anything. */
  allowedOrigins: string[];
};

const isHello = (data: unknown) => typeof data === "object" && data !== null && (data as { type?: unknown }).type === embedMessages.hello;

/**
 * Tells the page framing this one how tall the petition is, whenever that changes, so the frame
 * is sized to it and never scrolls (public/embed.js does the sizing). The height goes only to the
 * page that framed us, at the origin it said hello from: never to "*", so no other window learns
 * whether a reader has signed.
 */
export function FrameHeight({ allowedOrigins }: Props) {
  const allowed = allowedOrigins.join(" ");

  useEffect(() => {
    if (window.parent === window) return;
    const origins = allowed ? allowed.split(" ") : [];
    let host: string | undefined;
    let sent = 0;
    const report = () => {
      // The document's own height, not the frame's: a frame taller than the petition must shrink.
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (!host || height === sent) return;
      sent = height;
      window.parent.postMessage({ type: embedMessages.height, height }, host);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || !isHello(event.data)) return;
      if (origins.length > 0 && !origins.includes(event.origin)) return;
      host = event.origin;
      sent = 0;
      report();
    };
    window.addEventListener("message", onMessage);
    const observer = new ResizeObserver(report);
    observer.observe(document.documentElement);
    // The page's script may have said hello before this listener was here: ask again. The
    // message carries nothing, so any origin may hear it.
    window.parent.postMessage({ type: embedMessages.ready }, "*");
    return () => {
      window.removeEventListener("message", onMessage);
      observer.disconnect();
    };
  }, [allowed]);

  return null;
}
