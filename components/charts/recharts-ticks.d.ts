// Recharts' own "nice" tick algorithm, which its axes use; its package ships the types under types/, not beside lib/.
declare module "recharts/lib/util/scale/getNiceTickValues" {
  export function getNiceTickValues(
    domain: [number, number],
    tickCount?: number,
    allowDecimals?: boolean,
    niceTicksMode?: "adaptive" | "snap125",
  ): number[];
}
