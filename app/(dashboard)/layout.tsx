import { Sidebar } from "@/components/nav/sidebar";

// Every page reads the live database file: never prerender at build time.
export const dynamic = "force-dynamic";

export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="md:flex">
      <Sidebar />
      <main className="mx-auto w-full max-w-7xl min-w-0 px-4 py-6 md:px-8">{children}</main>
    </div>
  );
}
