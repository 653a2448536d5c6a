import type { JsonValue } from "./python-json";
import type { Period } from "./period";
import type { Random } from "./random";

export type Ticker = { code: string; name: string; sector: string; basePrice: number; dailyVolatility: number };

export const TICKERS: readonly Ticker[] = [
  { code: "005930", name: "삼성전자", sector: "반도체", basePrice: 71_000, dailyVolatility: 0.016 },
  { code: "000660", name: "SK하이닉스", sector: "반도체", basePrice: 185_000, dailyVolatility: 0.024 },
  { code: "035420", name: "NAVER", sector: "인터넷", basePrice: 195_000, dailyVolatility: 0.019 },
  { code: "051910", name: "LG화학", sector: "화학", basePrice: 320_000, dailyVolatility: 0.022 },
  { code: "068270", name: "셀트리온", sector: "바이오", basePrice: 180_000, dailyVolatility: 0.02 },
  { code: "207940", name: "삼성바이오로직스", sector: "바이오", basePrice: 980_000, dailyVolatility: 0.017 },
  { code: "005380", name: "현대차", sector: "자동차", basePrice: 230_000, dailyVolatility: 0.016 },
  { code: "035720", name: "카카오", sector: "인터넷", basePrice: 42_000, dailyVolatility: 0.021 },
  { code: "006400", name: "삼성SDI", sector: "2차전지", basePrice: 260_000, dailyVolatility: 0.026 },
  { code: "373220", name: "LG에너지솔루션", sector: "2차전지", basePrice: 380_000, dailyVolatility: 0.023 },
  { code: "105560", name: "KB금융", sector: "금융", basePrice: 85_000, dailyVolatility: 0.015 },
  { code: "000270", name: "기아", sector: "자동차", basePrice: 98_000, dailyVolatility: 0.017 },
];

type Index = { kospi: number; kosdaq: number; usdKrw: number };

/** Daily closes that wander like a market: the indices, the won, and each ticker, one random walk each. */
export class Market {
  private readonly indices: Index[] = [];
  private readonly closes = new Map<string, number[]>();

  constructor(
    period: Period,
    private readonly random: Random,
  ) {
    let index: Index = { kospi: 2_540, kosdaq: 760, usdKrw: 1_385 };
    for (const ticker of TICKERS) this.closes.set(ticker.code, []);
    let prices = TICKERS.map((t) => t.basePrice);
    for (let day = 0; day < period.days.length; day++) {
      const marketMove = 0.0004 + 0.009 * random.normal();
      index = {
        kospi: index.kospi * (1 + marketMove),
        kosdaq: index.kosdaq * (1 + 1.3 * marketMove + 0.005 * random.normal()),
        usdKrw: index.usdKrw * (1 - 0.2 * marketMove + 0.003 * random.normal()),
      };
      this.indices.push(index);
      prices = prices.map((price, i) => price * (1 + marketMove + TICKERS[i]!.dailyVolatility * random.normal()));
      prices.forEach((price, i) => this.closes.get(TICKERS[i]!.code)!.push(price));
    }
  }

  /** A traded price during `day`, on the exchange's tick grid. */
  price(day: number, ticker: Ticker): number {
    const close = this.closes.get(ticker.code)![day]!;
    return onTickGrid(close * (1 + 0.006 * this.random.normal()));
  }

  snapshot(day: number, ticker: Ticker): { [key: string]: JsonValue } {
    const index = this.indices[day]!;
    const wiggle = () => 1 + 0.002 * this.random.normal();
    return {
      kospi: round(index.kospi * wiggle(), 2),
      kosdaq: round(index.kosdaq * wiggle(), 2),
      usd_krw: round(index.usdKrw * wiggle(), 1),
      sector: ticker.sector,
      foreign_net_buy_krw_bn: round(600 * this.random.normal(), 1),
    };
  }
}

/** KRX tick sizes (호가 단위) since 2023. */
function onTickGrid(price: number): number {
  const tick =
    price < 2_000
      ? 1
      : price < 5_000
        ? 5
        : price < 20_000
          ? 10
          : price < 50_000
            ? 50
            : price < 200_000
              ? 100
              : price < 500_000
                ? 500
                : 1_000;
  return Math.max(tick, Math.round(price / tick) * tick);
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
