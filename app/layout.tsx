import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { CLIENT_MESSAGES, pickMessages } from "@/messages/catalogue";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "Agent Desk", template: "%s · Agent Desk" }, description: t("meta.description") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Only what client components say goes to the browser; every other word is already in the server's HTML.
  const clientMessages = pickMessages(await getMessages(), CLIENT_MESSAGES);
  return (
    <html lang={await getLocale()}>
      <body className="min-h-screen bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
