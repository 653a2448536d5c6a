import { singleValue, type SearchValue } from "@/lib/search-value";

export type AlertsSearch = { rule?: SearchValue; channel?: SearchValue; silence?: SearchValue; instance?: SearchValue };

/**
 * The alerts page's URL: which rule (`rule=<id>`) or channel (`channel=<id>`) the forms edit, and which rule and
 * instance the silence form opens on (`silence=<rule id>&instance=…`, from a firing alert). Anything unreadable is
 * left out: the forms then add a new one.
 */
export function readAlertsSearch(search: AlertsSearch) {
  const id = (value: SearchValue | undefined) => {
    const text = singleValue(value) ?? "";
    return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
  };
  return {
    ruleId: id(search.rule),
    channelId: id(search.channel),
    silenceRuleId: id(search.silence),
    silenceInstance: singleValue(search.instance)?.slice(0, 200),
  };
}
