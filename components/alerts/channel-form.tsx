"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { saveChannelAction, type AlertFormState } from "@/app/(dashboard)/alerts/actions";
import { FormError, FormField, PRIMARY_BUTTON } from "./form-field";

const KINDS = ["webhook", "slack", "telegram", "discord"] as const;
type Kind = (typeof KINDS)[number];

/** A channel as the form may know it: never its secret or its address, which are only ever written. */
export type EditedChannel = { id: number; kind: Kind; name: string; locale: string; target: string };

/**
 * Adds a channel, or edits one: the type first, then the fields that type needs. Secrets and addresses are never
 * shown again: editing, an empty one keeps what is stored.
 */
export function ChannelForm({ channel, defaultLocale }: { channel?: EditedChannel; defaultLocale: string }) {
  const t = useTranslations("alerts");
  const [state, action, pending] = useActionState<AlertFormState, FormData>(saveChannelAction, {
    outcome: null,
    values: {},
  });
  // Uncontrolled, as the rule form's kind: React resets a form after its action.
  const [kind, setKind] = useState<Kind>(channel?.kind ?? "webhook");
  const errors = state.outcome && !state.outcome.ok ? (state.outcome.fieldErrors ?? {}) : {};
  const values = state.values;
  const keep = channel ? t("channelForm.keepHint", { target: channel.target }) : undefined;
  const text = (name: string, label: string, options: { type?: string; hint?: string; placeholder?: string } = {}) => (
    <FormField form="channel" name={name} label={label} error={errors[name]} hint={options.hint}>
      {(props) => (
        <input
          {...props}
          type={options.type ?? "text"}
          autoComplete="off"
          spellCheck={false}
          placeholder={options.placeholder}
          defaultValue={name === "secret" ? "" : (values[name] ?? (name === "name" ? channel?.name : ""))}
          key={`${name}-${values[name] ?? ""}`}
        />
      )}
    </FormField>
  );
  return (
    <form
      // Every check is the server's, said beside its field in the reader's words, never the browser's own bubble.
      noValidate
      action={action}
      id="channel-form"
      aria-label={channel ? t("channelForm.editLabel") : t("channelForm.addLabel")}
      className="space-y-3"
    >
      {channel ? <input type="hidden" name="id" value={channel.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField form="channel" name="kind" label={t("channelForm.kind")} error={errors.kind}>
          {(props) => (
            <select {...props} key={kind} defaultValue={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`channelForm.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {text("name", t("channelForm.name"))}
        {kind === "telegram" ? (
          <>
            {text("secret", t("channelForm.botToken"), {
              type: "password",
              hint: keep ?? t("channelForm.botTokenHint"),
            })}
            {text("chatId", t("channelForm.chatId"), { hint: t("channelForm.chatIdHint") })}
          </>
        ) : (
          text("url", t("channelForm.url"), {
            type: "url",
            hint: keep ?? t(`channelForm.urlHint.${kind}`),
            placeholder: t(`channelForm.urlPlaceholder.${kind}`),
          })
        )}
        {kind === "webhook"
          ? text("secret", t("channelForm.secret"), { type: "password", hint: keep ?? t("channelForm.secretHint") })
          : null}
        <FormField form="channel" name="locale" label={t("channelForm.locale")} error={errors.locale}>
          {(props) => (
            <select {...props} defaultValue={values.locale ?? channel?.locale ?? defaultLocale}>
              <option value="ko">{t("channelForm.languageName.ko")}</option>
              <option value="en">{t("channelForm.languageName.en")}</option>
            </select>
          )}
        </FormField>
      </div>
      <FormError error={state.outcome && !state.outcome.ok ? state.outcome.error : undefined} />
      {state.outcome?.ok ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {t("channelForm.saved")}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {channel ? t("channelForm.save") : t("channelForm.add")}
      </button>
    </form>
  );
}
