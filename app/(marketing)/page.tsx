import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser, homeOf } from "@/lib/auth/page-guard";
import { buttonClass } from "@/components/ui/button";

const SYSTEMS = [
  "JobAdder",
  "Workday Recruiting",
  "Bullhorn",
  "Greenhouse",
  "Lever",
  "SmartRecruiters",
  "iCIMS",
];

const STEPS = [
  {
    title: "Pick your system",
    text: "Choose your ATS or recruiting tool from the catalog and see what you need at hand.",
  },
  {
    title: "Hand over credentials safely",
    text: "Keys and passwords are encrypted the moment they arrive and are never shown back in full.",
  },
  {
    title: "Track it to done",
    text: "Our team reviews every request; you see its status change and get an email when it does.",
  },
];

export default async function LandingPage() {
  // Signed in, the pitch and its "Create an account" have nothing left to offer.
  const user = await currentUser();
  if (user) redirect(homeOf(user));
  return (
    <main>
      <section className="mx-auto max-w-5xl px-6 pb-16 pt-20 sm:pt-28">
        <p className="text-sm font-semibold uppercase tracking-wide text-link">Integrations Hub</p>
        <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
          Connect your recruiting stack without emailing passwords around.
        </h1>
        <p className="mt-6 max-w-2xl text-lg leading-8 text-slate-600">
          Request an integration with the systems you already use, hand over the credentials through an
          encrypted form, and follow the request until it is live.
        </p>
        <div className="mt-10 flex flex-wrap gap-3">
          <Link href="/signup" className={buttonClass("primary", "px-5 py-3")}>
            Create an account
          </Link>
          <Link
            href="/signin"
            className="rounded-md bg-surface px-5 py-3 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-100"
          >
            Sign in
          </Link>
        </div>
        <ul className="mt-12 flex flex-wrap gap-2" aria-label="Supported systems">
          {SYSTEMS.map((name) => (
            <li
              key={name}
              className="rounded-full bg-surface px-3 py-1 text-sm text-slate-700 ring-1 ring-slate-200"
            >
              {name}
            </li>
          ))}
        </ul>
      </section>
      <section className="border-t border-slate-200 bg-surface">
        <ol className="mx-auto grid max-w-5xl gap-8 px-6 py-16 sm:grid-cols-3">
          {STEPS.map((step, i) => (
            <li key={step.title}>
              <span className="text-sm font-semibold text-link">Step {i + 1}</span>
              <h2 className="mt-2 text-lg font-semibold">{step.title}</h2>
              <p className="mt-2 text-slate-600">{step.text}</p>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
