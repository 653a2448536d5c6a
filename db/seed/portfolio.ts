import type { TradeAction } from "@/db/schema/enums";
import { TICKERS, type Ticker } from "./market";
import { pythonJson } from "./python-json";

type Position = { quantity: number; avgPrice: number };

/** The account the trades move: KRW cash and positions at their average price, as portfolio_before shows them. */
export class Portfolio {
  cash = 100_000_000;
  private readonly positions = new Map<string, Position>([
    ["005930", { quantity: 300, avgPrice: 68_500 }],
    ["000660", { quantity: 40, avgPrice: 176_000 }],
    ["005380", { quantity: 25, avgPrice: 221_000 }],
  ]);

  held(): Ticker[] {
    return TICKERS.filter((ticker) => this.positions.has(ticker.code));
  }

  quantityOf(code: string): number {
    return this.positions.get(code)?.quantity ?? 0;
  }

  toJson(): string {
    const positions = [...this.positions].map(([code, p]) => [
      code,
      { quantity: p.quantity, avg_price: Math.round(p.avgPrice) },
    ]);
    return pythonJson({ cash: Math.round(this.cash), positions: Object.fromEntries(positions) });
  }

  apply(action: TradeAction, code: string, quantity: number, price: number): void {
    const position = this.positions.get(code) ?? { quantity: 0, avgPrice: 0 };
    if (action === "buy") {
      const total = position.quantity + quantity;
      this.positions.set(code, {
        quantity: total,
        avgPrice: (position.quantity * position.avgPrice + quantity * price) / total,
      });
      this.cash -= quantity * price;
      return;
    }
    const sold = Math.min(quantity, position.quantity);
    this.cash += sold * price;
    if (sold >= position.quantity) this.positions.delete(code);
    else this.positions.set(code, { ...position, quantity: position.quantity - sold });
  }
}
