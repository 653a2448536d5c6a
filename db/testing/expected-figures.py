"""Independent reference for the read-side tests: the trading system's figures computed from the raw rows in Python,
with the two corrections (naive times read in the data zone; win rate = wins / (wins + losses)).
Usage: python3 expected-figures.py DB ZONE NOW_EPOCH_MS -> JSON on stdout."""
import json, math, sqlite3, sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

db, zone, now_ms = sys.argv[1], ZoneInfo(sys.argv[2]), int(sys.argv[3])
now = datetime.fromtimestamp(now_ms / 1000, timezone.utc)
conn = sqlite3.connect(db)
conn.row_factory = sqlite3.Row

def instant(text):
    try:
        t = datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        return None
    return t.replace(tzinfo=zone) if t.tzinfo is None else t

def since(days):
    return now - timedelta(days=days)

def usage(days):
    rows = [r for r in conn.execute("SELECT * FROM llm_usage_log") if (t := instant(r["timestamp"])) and t >= since(days)]
    prov, agent = {}, {}
    for r in rows:
        p = prov.setdefault(r["provider"], {"total_requests": 0, "total_tokens": 0, "total_cost": 0.0, "rt": 0.0, "successful_requests": 0})
        p["total_requests"] += 1; p["total_tokens"] += r["tokens_used"]; p["total_cost"] += r["cost_usd"]
        p["rt"] += r["response_time_ms"]; p["successful_requests"] += 1 if r["success"] else 0
        a = agent.setdefault(r["agent_name"], {"total_requests": 0, "total_cost": 0.0, "rt": 0.0})
        a["total_requests"] += 1; a["total_cost"] += r["cost_usd"]; a["rt"] += r["response_time_ms"]
    for p in prov.values():
        p["avg_response_time"] = p.pop("rt") / p["total_requests"]
        p["success_rate"] = p["successful_requests"] / p["total_requests"] * 100
    for a in agent.values():
        a["avg_response_time"] = a.pop("rt") / a["total_requests"]
    return {"provider_stats": prov, "agent_stats": agent}

def lenient(text):
    try:
        return json.loads(text)  # Python's json reads NaN/Infinity natively
    except (ValueError, TypeError):
        return None

def contribution(days):
    impact, analysed = {}, 0
    for r in conn.execute("SELECT * FROM trades WHERE agent_contributions IS NOT NULL AND pnl_7_days IS NOT NULL"):
        t = instant(r["timestamp"])
        if not t or t < since(days):
            continue
        contrib = lenient(r["agent_contributions"])
        if not isinstance(contrib, dict):
            continue
        analysed += 1
        p = r["pnl_7_days"]
        for name, c in contrib.items():
            if isinstance(c, bool) or not isinstance(c, (int, float)) or not math.isfinite(c):
                continue
            a = impact.setdefault(name, {"total_contribution": 0.0, "positive_pnl_contribution": 0.0,
                                         "negative_pnl_contribution": 0.0, "trades_involved": 0, "conf": []})
            a["total_contribution"] += c; a["trades_involved"] += 1
            if p > 0: a["positive_pnl_contribution"] += c * p
            else: a["negative_pnl_contribution"] += c * abs(p)
            if r["decision_confidence"]: a["conf"].append(r["decision_confidence"])
    for a in impact.values():
        conf = a.pop("conf")
        a["avg_confidence"] = sum(conf) / len(conf) if conf else 0
        a["efficiency_score"] = (a["positive_pnl_contribution"] - a["negative_pnl_contribution"]) / a["trades_involved"]
    return {"agent_impact": impact, "total_trades_analyzed": analysed, "analysis_period_days": days}

def trade_stats():
    rows = list(conn.execute("SELECT * FROM trades"))
    pnl = [r["pnl_7_days"] for r in rows if r["pnl_7_days"] is not None]
    wins, losses = sum(1 for p in pnl if p > 0), sum(1 for p in pnl if p < 0)
    return {"total_trades": len(rows), "buy_trades": sum(r["action"] == "buy" for r in rows),
            "sell_trades": sum(r["action"] == "sell" for r in rows), "avg_pnl_7d": sum(pnl) / len(pnl) if pnl else 0,
            "total_pnl_7d": sum(pnl), "winning_trades": wins, "losing_trades": losses,
            "win_rate": wins / (wins + losses) * 100 if wins + losses else 0}

def breakdown(days):
    rows = [r for r in conn.execute("SELECT * FROM llm_usage_log") if (t := instant(r["timestamp"])) and t >= since(days)]
    daily = {}
    for r in rows:
        day = instant(r["timestamp"]).astimezone(zone).date().isoformat()
        d = daily.setdefault(day, {"calls": 0, "cost": 0.0})
        d["calls"] += 1; d["cost"] += r["cost_usd"]
    lat = sorted(r["response_time_ms"] for r in rows)
    rank = lambda p: lat[min(len(lat) - 1, max(0, math.ceil(p / 100 * len(lat)) - 1))]
    failed = [r for r in rows if not r["success"]]
    return {"daily": daily, "latency_ms": {"p50": rank(50), "p95": rank(95), "p99": rank(99)},
            "failed_requests": len(failed), "calls": len(rows)}

today = now.astimezone(zone).date()
def first_day(days):
    return (today - timedelta(days=days - 1)).isoformat()

print(json.dumps({
    "usage_7": usage(7), "usage_30": usage(30), "contribution_30": contribution(30), "contribution_7": contribution(7),
    "trade_stats": trade_stats(), "breakdown_30": breakdown(30),
    "last_event_ms": max(int(t.timestamp() * 1000) for table in ("llm_usage_log", "trades", "model_evolution_history")
                         for (text,) in conn.execute(f"SELECT timestamp FROM {table}") if (t := instant(text))),
    "performance_30": [r["id"] for r in conn.execute("SELECT id FROM agent_performance WHERE period_end >= ? ORDER BY performance_rating DESC, id DESC", (first_day(30),))],
    "metrics_14": [r["date"] for r in conn.execute("SELECT date FROM system_metrics WHERE date >= ? ORDER BY date DESC", (first_day(14),))],
}))
