"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { testChannelAction, type TestState } from "@/app/(dashboard)/alerts/actions";
import { BUTTON } from "./form-field";

/** "Send a test" to one channel, and what it answered, right beside the button. */
export function TestButton({ channelId, channelName }: { channelId: number; channelName: string }) {
  const t = useTranslations("alerts");
  const [state, run, pending] = useActionState<TestState, FormData>(testChannelAction, null);
  return (
    <form action={run} className="inline">
      <input type="hidden" name="id" value={channelId} />
      <button
        type="submit"
        disabled={pending}
        className={BUTTON}
        aria-label={t("testButton.name", { channel: channelName })}
      >
        {pending ? t("testButton.sending") : t("testButton.label")}
      </button>
      {state ? (
        <span
          role="status"
          className={`ml-2 text-xs ${state.ok ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400"}`}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
