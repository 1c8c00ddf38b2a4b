// What an email says, apart from how it looks: each template turns its props into this, and the
// HTML (email-frame.tsx) and the plain-text alternative (emailText) are both rendered from it, so
// the two never say different things, and the text costs nothing to produce (converting the
// HTML back to text took longer than rendering it).

/** A run of text; a `strong` one is emphasized in the HTML. */
export type Inline = string | { strong: string };

export interface EmailContent {
  /** The inbox preview line. */
  preview: string;
  heading: string;
  /** Paragraphs in order; a `quote` one is set apart (a message from a person). */
  paragraphs: { text: Inline[]; quote?: boolean }[];
  /** Label and value rows after the paragraphs: who asked for what. */
  facts?: [string, string][];
  /** The one thing to do next. */
  action: { label: string; href: string };
}

export const BRAND = "Integrations Hub";
export const FOOTER =
  "You receive this because of your role in Integrations Hub. Credentials are never sent by email.";

const plain = (text: Inline[]) =>
  text.map((part) => (typeof part === "string" ? part : part.strong)).join("");

/** The plain-text alternative: the same words, in reading order, with the link spelled out. */
export function emailText(content: EmailContent): string {
  const factWidth = Math.max(0, ...(content.facts ?? []).map(([label]) => label.length));
  return [
    BRAND.toUpperCase(),
    content.heading,
    ...content.paragraphs.map(({ text, quote }) => (quote ? `> ${plain(text)}` : plain(text))),
    ...(content.facts?.length
      ? [content.facts.map(([label, value]) => `${`${label}:`.padEnd(factWidth + 2)}${value}`).join("\n")]
      : []),
    `${content.action.label}: ${content.action.href}`,
    `--\n${FOOTER}`,
  ].join("\n\n");
}
