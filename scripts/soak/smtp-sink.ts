// The soak's mail server, in a process of its own so the load generator cannot starve it (a
// slow final reply makes the sender retry a message the server already has). Run by sink().
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startSmtpServer } from "@/tests/helpers/smtp";

type Message = { url: string } | { ids: string[] };

/** Starts the sink process; report() returns every received Message-ID and stops it. */
export async function sink(): Promise<{ url: string; report(): Promise<string[]> }> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], {
    execArgv: ["--import", "tsx", "--conditions=react-server"],
  });
  const next = () => new Promise<Message>((resolve) => child.once("message", (m) => resolve(m as Message)));
  const ready = await next();
  if (!("url" in ready)) throw new Error("SMTP sink did not start");
  return {
    url: ready.url,
    async report() {
      const answer = next();
      child.send("report");
      const message = await answer;
      return "ids" in message ? message.ids : [];
    },
  };
}

if (process.argv.includes("--serve")) {
  const smtp = await startSmtpServer();
  process.send!({ url: smtp.url });
  process.on("message", async () => {
    process.send!({ ids: smtp.received.map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1] ?? "") });
    await smtp.close();
    process.disconnect();
  });
}
