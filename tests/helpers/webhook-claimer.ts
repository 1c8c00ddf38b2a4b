// A stand-in for one more server process's webhook worker (tests/api/webhooks-processes.test.ts):
// claims and sends due deliveries until none has been due for a second, then says how many it sent.
import { closeDb } from "@/db";
import { attempt, claimDue } from "@/lib/webhooks/deliver";

let sent = 0;
let idleSince = Date.now();
while (Date.now() - idleSince < 1_000) {
  const held = await claimDue(5);
  if (held.length > 0) idleSince = Date.now();
  await Promise.all(held.map((delivery) => attempt(delivery)));
  sent += held.length;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await closeDb();
console.log(`sent ${sent}`);
