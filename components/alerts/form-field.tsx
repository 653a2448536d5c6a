import type { ReactNode } from "react";

export const INPUT =
  "w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm aria-[invalid=true]:border-rose-600 dark:border-zinc-700 dark:bg-zinc-950";

export const BUTTON =
  "rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

export const PRIMARY_BUTTON =
  "rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60";

/** The props a control needs to be named by its label and described by its error and hint. */
export type ControlProps = {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
  className: string;
};

/** A labelled form control with its error (tied to it by aria-describedby) and an optional hint. */
export function FormField({
  form,
  name,
  label,
  error,
  hint,
  children,
}: {
  /** Keeps ids unique when a page has several forms. */
  form: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = `${form}-${name}`;
  const describedBy = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].join(" ").trim();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
        className: INPUT,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The error of the whole form (the file refuses writes, the operator must sign in again). */
export function FormError({ error }: { error?: string }) {
  return error ? (
    <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
      {error}
    </p>
  ) : null;
}
