import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

type Reply = { ready?: true; latencies?: number[]; missed?: number };

function next(child: ChildProcess, want: (reply: Reply) => boolean): Promise<Reply> {
  return new Promise((resolve) => {
    const listen = (reply: Reply) => {
      if (!want(reply)) return;
      child.off("message", listen);
      resolve(reply);
    };
    child.on("message", listen);
  });
}

/** A crowd of server-sent-event watchers, spread over several processes so the clients keep up. */
export async function openCrowd(url: string, watchers: number, processes = 4) {
  const children = Array.from({ length: processes }, () =>
    fork(path.join(__dirname, "..", "watcher-process.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }),
  );
  const share = Math.ceil(watchers / processes);
  await Promise.all(
    children.map((child) => {
      const ready = next(child, (r) => r.ready === true);
      child.send({ open: { url, count: share } });
      return ready;
    }),
  );
  return {
    size: share * processes,
    /**
     * Tells the crowd a signature is about to go out (call before sending it); resolves with each
     * watcher's delay in ms from `sentAt` and how many missed it within 5 s.
     */
    async expect(total: number, sentAt: number) {
      const replies = await Promise.all(
        children.map((child) => {
          const reply = next(child, (r) => r.latencies !== undefined);
          child.send({ expect: { total, sentAt } });
          return reply;
        }),
      );
      return {
        latencies: replies.flatMap((r) => r.latencies ?? []),
        missed: replies.reduce((n, r) => n + (r.missed ?? 0), 0),
      };
    },
    close() {
      for (const child of children) child.send({ close: true });
    },
  };
}
