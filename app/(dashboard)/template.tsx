import { DatabaseBanner } from "@/components/nav/database-banner";
import { CountingNotice } from "@/components/system/counting-notice";
import { databaseProblem } from "@/db";
import { requestClock } from "@/db/queries/request-clock";

// A template renders again on every navigation (a layout would not), so the banner follows the file's state.
export default function DashboardTemplate({ children }: { children: React.ReactNode }) {
  const kind = databaseProblem()?.kind;
  const missing = kind === "missing" || kind === "migrating";
  return (
    <>
      <DatabaseBanner />
      {kind ? null : <CountingNotice clock={requestClock()} />}
      {missing ? null : children}
    </>
  );
}
