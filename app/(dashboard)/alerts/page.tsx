import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AlertHistory } from "@/components/alerts/alert-history";
import { ChannelForm } from "@/components/alerts/channel-form";
import { ChannelList } from "@/components/alerts/channel-list";
import { FiringNow } from "@/components/alerts/firing-now";
import { RuleForm } from "@/components/alerts/rule-form";
import { RuleList } from "@/components/alerts/rule-list";
import { SilenceForm } from "@/components/alerts/silence-form";
import { SilenceList } from "@/components/alerts/silence-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { appConfig } from "@/db";
import {
  getActiveAlerts,
  getAlertHistory,
  getAlertLoopStatus,
  getAlertRules,
  getChannels,
  getConfigAlertShare,
  getSilences,
} from "@/db/queries/alerts";
import { pageClock } from "@/db/queries/page-clock";
import { ruleTitle } from "@/lib/alerts/message";
import type { Locale } from "@/lib/locale";
import { PAGE_CLIENT_MESSAGES, pickMessages } from "@/messages/catalogue";
import { readerIsOperator } from "@/lib/server/operator";
import { readAlertsSearch, type AlertsSearch } from "./search-params";

export async function generateMetadata() {
  const t = await getTranslations("alerts");
  return { title: t("page.title") };
}

export default async function AlertsPage({ searchParams }: { searchParams: Promise<AlertsSearch> }) {
  const t = await getTranslations("alerts");
  const locale = (await getLocale()) as Locale;
  // The desk's own alerts: a central desk without a trading file of its own has them too.
  const clock = await pageClock(searchParams, { ownFile: "optional" });
  const search = readAlertsSearch(await searchParams);
  // Forms, channel addresses and who did what are for operators; a public dashboard's readers see the alerts only.
  const operator = await readerIsOperator();
  const configShare = getConfigAlertShare();
  const rules = getAlertRules();
  const titled = rules.map((rule) => ({ ...rule, title: ruleTitle(t, locale, rule, configShare) }));
  const channels = getChannels();
  const active = getActiveAlerts(clock);
  const editedRule = rules.find((r) => r.id === search.ruleId);
  const editedChannel = channels.find((c) => c.id === search.channelId);
  // The forms' words come with this page only (PAGE_CLIENT_MESSAGES), not with every page of the desk.
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), PAGE_CLIENT_MESSAGES.alerts)}>
      <PageHeader title={t("page.heading")} subtitle={t("page.subtitle")} />
      <div className="space-y-4">
        <FiringNow alerts={active} loop={getAlertLoopStatus()} titles={titled} zone={clock.zone} operator={operator} />
        <RuleList rules={titled} active={active} configShare={configShare} operator={operator} />
        {operator ? (
          <Card
            title={
              editedRule
                ? t("ruleForm.editTitle", { rule: titled.find((r) => r.id === editedRule.id)!.title })
                : t("ruleForm.addTitle")
            }
          >
            <RuleForm rule={editedRule} key={editedRule?.id ?? "new"} />
          </Card>
        ) : null}
        <ChannelList channels={channels} operator={operator} zone={clock.zone} />
        {operator ? (
          <Card
            title={
              editedChannel ? t("channelForm.editTitle", { channel: editedChannel.name }) : t("channelForm.addTitle")
            }
          >
            <ChannelForm
              channel={editedChannel}
              key={editedChannel?.id ?? "new"}
              defaultLocale={appConfig().defaultLocale}
            />
          </Card>
        ) : null}
        <SilenceList silences={getSilences(clock)} titles={titled} zone={clock.zone} operator={operator} />
        {operator ? (
          <Card title={t("silenceForm.title")}>
            <SilenceForm
              rules={titled.map((r) => ({ id: r.id, title: r.title }))}
              ruleId={search.silenceRuleId}
              instance={search.silenceInstance}
              key={`${search.silenceRuleId}-${search.silenceInstance}`}
            />
          </Card>
        ) : null}
        <AlertHistory entries={getAlertHistory(100)} zone={clock.zone} configShare={configShare} operator={operator} />
      </div>
    </NextIntlClientProvider>
  );
}
