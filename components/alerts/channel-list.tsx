import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { deleteChannelAction } from "@/app/(dashboard)/alerts/actions";
import { Card } from "@/components/ui/card";
import type { getChannels } from "@/db/queries/alerts";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/locale";
import { ActionButton } from "./action-button";
import { TestButton } from "./test-button";

/** Where alerts go: each channel's type, masked address, language and last delivery; test, edit or remove it. */
export async function ChannelList({
  channels,
  operator,
  zone,
}: {
  channels: ReturnType<typeof getChannels>;
  operator: boolean;
  zone: string;
}) {
  const t = await getTranslations("alerts");
  const locale = (await getLocale()) as Locale;
  return (
    <Card title={t("channels.title")} caption={t("channels.caption")}>
      {channels.length === 0 ? (
        <p className="py-3 text-sm text-amber-700 dark:text-amber-400">{t("channels.none")}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {channels.map((channel) => (
            <li key={channel.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2.5">
              <div className="min-w-[14rem] flex-1">
                <p className="text-sm font-medium">
                  {channel.name}
                  <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal dark:bg-zinc-800">
                    {t(`channelForm.kinds.${channel.kind}`)} · {channel.locale}
                  </span>
                </p>
                {operator ? (
                  <p className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{channel.target}</p>
                ) : null}
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {channel.last
                    ? t(
                        `channels.last.${channel.last.status === "sent" ? "sent" : channel.last.status === "pending" ? "pending" : "failed"}`,
                        {
                          at: formatDateTime(channel.last.at, zone, locale),
                          error: operator ? (channel.last.error ?? "") : "", // a receiver's answer: operators only
                        },
                      )
                    : t("channels.neverUsed")}
                </p>
              </div>
              {operator ? (
                <div className="flex flex-wrap items-center gap-2">
                  <TestButton channelId={channel.id} channelName={channel.name} />
                  <Link
                    href={`/alerts?channel=${channel.id}#channel-form`}
                    className="rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                    aria-label={t("channels.editName", { channel: channel.name })}
                  >
                    {t("channels.edit")}
                  </Link>
                  <ActionButton
                    action={deleteChannelAction}
                    fields={{ id: channel.id }}
                    label={t("channels.remove")}
                    name={t("channels.removeName", { channel: channel.name })}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
