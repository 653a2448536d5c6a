import type { TradeAction } from "@/db/schema/enums";
import type { Ticker } from "./market";
import type { Random } from "./random";

type Facts = { ticker: Ticker; price: number; random: Random };
type Template = (facts: Facts) => string;

const won = (value: number) => `${Math.round(value).toLocaleString("en-US")}원`;

/** The CIO's justification, in the words of the analyst whose view carried the decision. */
const TEMPLATES: Record<TradeAction, Record<string, Template>> = {
  buy: {
    valuation_analyst: ({ ticker, price, random }) =>
      `${ticker.name} 매수: 12개월 선행 PER ${random.between(7, 14).toFixed(1)}배로 업종 평균 대비 저평가, DCF 적정가 ${won(price * random.between(1.12, 1.3))} 대비 상승여력 충분.`,
    flow_analyst: ({ ticker, random }) =>
      `${ticker.name} 매수: 외국인 ${random.int(3, 8)}거래일 연속 순매수(누적 ${random.int(300, 2500)}억원), 기관도 순매수 전환. 수급 개선 국면.`,
    technical_analyst: ({ ticker, random }) =>
      `${ticker.name} 매수: 20일선의 60일선 상향 돌파(골든크로스), RSI ${random.int(48, 64)}로 과열 전. 거래량 20일 평균 대비 ${random.int(30, 140)}% 증가.`,
    risk_analyst: ({ ticker, random }) =>
      `${ticker.name} 매수: 20일 변동성 ${random.between(18, 32).toFixed(1)}%로 위험 한도 내, 베타 ${random.between(0.7, 1.3).toFixed(2)}. 분산 효과를 고려해 비중 확대.`,
    cio: ({ ticker, random }) =>
      `${ticker.sector} 업종 모멘텀 강화로 ${ticker.name} 편입. 분석가 4인 중 ${random.int(3, 4)}인 매수 의견, 손절가 -${random.int(5, 8)}% 설정.`,
    sector_researcher: ({ ticker }) =>
      `${ticker.sector} 섹터 수요 회복 신호(해외 리포트·수출 지표)에 따라 대표주 ${ticker.name} 선취매. Sector rotation into ${ticker.sector}.`,
  },
  sell: {
    valuation_analyst: ({ ticker, price, random }) =>
      `${ticker.name} 매도: 목표가 ${won(price * random.between(1.0, 1.05))} 근접, PER ${random.between(15, 24).toFixed(1)}배로 밸류에이션 부담. 차익 실현.`,
    flow_analyst: ({ ticker, random }) =>
      `${ticker.name} 매도: 외국인 ${random.int(3, 7)}거래일 연속 순매도 전환, 프로그램 매도 물량 증가.`,
    technical_analyst: ({ ticker, random }) =>
      `${ticker.name} 매도: RSI ${random.int(71, 84)} 과매수 구간, 볼린저 밴드 상단 이탈. 단기 조정에 대비해 비중 축소.`,
    risk_analyst: ({ ticker, random }) =>
      `${ticker.name} 비중 축소: 포트폴리오 내 ${ticker.sector} 편중 ${random.int(31, 42)}%로 한도(30%) 초과, 리스크 점수 ${random.int(6, 9)}/10.`,
    cio: ({ ticker, random }) =>
      `${ticker.name} 일부 매도: 리밸런싱 목표 비중 복귀 및 현금 비중 ${random.int(15, 30)}% 확보.`,
    sector_researcher: ({ ticker }) =>
      `${ticker.sector} 업황 둔화 우려(재고 증가 보도)로 ${ticker.name} 비중 축소. Rotating out of ${ticker.sector}.`,
  },
};

export function justification(action: TradeAction, leader: string, facts: Facts): string {
  const template = TEMPLATES[action][leader] ?? TEMPLATES[action].cio!;
  return template(facts);
}
