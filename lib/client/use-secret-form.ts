// The form that makes something with a one-time secret (an API key, a webhook endpoint): checked
// with the API's rules before sending, the server's refusal on its fields with nothing typed
// lost, and on success a fresh form and the secret handed up.
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { ApiFailure, ApiResult } from "./api-fetch";
import { showFieldErrors } from "./field-errors";

export function useSecretForm<Fields extends FieldValues>(options: {
  start: Fields;
  resolver: Resolver<Fields>;
  /** The fields a server refusal may name. */
  fields: readonly Path<Fields>[];
  send: (values: Fields) => Promise<ApiResult<{ secret: string }>>;
  /** Field messages of a refusal, when the server's own are not the whole story. */
  refusal?: (sent: ApiFailure) => Record<string, string>;
  onCreated: (secret: string) => void;
}) {
  const [error, setError] = useState<string>();
  const form = useForm<Fields>({
    defaultValues: options.start as DefaultValues<Fields>,
    resolver: options.resolver,
  });
  const submit = form.handleSubmit(async (values) => {
    const sent = await options.send(values);
    if (!sent.ok) {
      const fields = options.refusal?.(sent) ?? sent.fields;
      setError(showFieldErrors(form.setError, fields, options.fields) ? undefined : sent.error);
      return;
    }
    setError(undefined);
    form.reset(options.start);
    options.onCreated(sent.body.secret);
  });
  return { form, error, submit };
}
