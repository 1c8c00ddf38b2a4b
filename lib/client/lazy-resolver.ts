// A react-hook-form resolver fetched on first use, so a form page does not ship its validation
// library until someone submits (or starts typing: call `warm` then).
import type { FieldValues, Resolver } from "react-hook-form";

type Resolvers = typeof import("./form-resolvers");

const load = () => import("./form-resolvers");

export function lazyResolver<Fields extends FieldValues>(name: keyof Resolvers): Resolver<Fields> {
  return async (values, context, options) =>
    ((await load())[name] as unknown as Resolver<Fields>)(values, context, options);
}

/** Starts fetching the resolvers, e.g. when a form first takes the focus. */
export const warmResolvers = () => void load();
