"use server";

import { revalidatePath } from "next/cache";
import { appConfig } from "@/db";
import { currentOperator } from "@/lib/server/operator";
import { sessionStore } from "@/lib/server/session-store";

/** Ends one operator session (a lost phone, a shared screen): its cookie is refused from the next request on. */
export async function endSessionAction(form: FormData): Promise<void> {
  const operator = await currentOperator();
  if (!operator.ok || !operator.session) return;
  const id = form.get("session");
  if (typeof id === "string") sessionStore(appConfig()).end(id);
  revalidatePath("/system");
}

/** Ends every operator session but the one asking. */
export async function endOtherSessionsAction(): Promise<void> {
  const operator = await currentOperator();
  if (!operator.ok || !operator.session) return;
  sessionStore(appConfig()).endOthers(operator.session.id);
  revalidatePath("/system");
}
