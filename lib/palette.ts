// Okabe–Ito colours: told apart by readers with any common colour-vision deficiency, legible on light and dark.
// Black is left out (invisible in dark mode); series beyond seven repeat with a dash pattern instead of a new hue.
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"] as const;

// Providers keep one colour on every chart.
const PROVIDER_COLOURS: Record<string, string> = {
  claude: "#D55E00",
  gpt: "#009E73",
  gemini: "#0072B2",
  perplexity: "#CC79A7",
};

export function providerColour(provider: string, index = 0): string {
  return PROVIDER_COLOURS[provider] ?? SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/** Good and bad for figures that go up and down (PnL): blue and vermillion, not green and red. */
export const GOOD = "#0072B2";
export const BAD = "#D55E00";
