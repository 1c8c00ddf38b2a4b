// The soak's mail server: every Message-ID it received, in a process of its own (sink-process).
import { startSmtpServer } from "@/tests/helpers/smtp";
import { forkSink, serveSink } from "./sink-process";

export const sink = () => forkSink<string[]>(import.meta.url);

if (process.argv.includes("--serve")) {
  const smtp = await startSmtpServer();
  serveSink({
    url: smtp.url,
    report: () => smtp.received.map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1] ?? ""),
    close: () => smtp.close(),
  });
}
