import { DatabaseBanner } from "@/components/nav/database-banner";
import { databaseProblem } from "@/db";

// A template renders again on every navigation (a layout would not), so the banner follows the file's state.
export default function DashboardTemplate({ children }: { children: React.ReactNode }) {
  const missing = databaseProblem()?.kind === "missing";
  return (
    <>
      <DatabaseBanner />
      {missing ? null : children}
    </>
  );
}
