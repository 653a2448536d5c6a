// npm run loadtest: Agent Desk beside a live trading system, in three modes (README, "Beside a live trading system").
//   (default)   the Python writer at 100 calls/s while clients hit every page and API path;
//   --adopt     `npm start` on a fresh 10M-call file the writer is inserting into: first page, pace, totals;
//   --correct   one counted call corrected on a 10M-call file: how soon pages are as fast as before.
import { readArgs, runCli } from "./cli";
import { adoptLoad } from "./loadtest/adopt";
import { correctLoad } from "./loadtest/correct";
import { steadyLoad } from "./loadtest/steady";
import { buildIfNeeded } from "./steps/build";

runCli(async () => {
  const args = readArgs(
    {
      seconds: { type: "string" },
      clients: { type: "string" },
      rate: { type: "string" },
      port: { type: "string" },
      record: { type: "boolean" },
      adopt: { type: "boolean" },
      correct: { type: "boolean" },
    },
    "npm run loadtest -- [--adopt | --correct] [--seconds 60] [--clients 8] [--rate 100] [--port 3195] [--record]",
  );
  const options = {
    seconds: Number(args.seconds ?? 60),
    clients: Number(args.clients ?? 8),
    rate: Number(args.rate ?? 100),
    port: Number(args.port ?? 3195),
    record: args.record ?? false,
  };
  buildIfNeeded();
  const failures = args.adopt
    ? await adoptLoad(options)
    : args.correct
      ? await correctLoad(options)
      : await steadyLoad(options);
  if (failures.length > 0) {
    console.error(`load test failed:\n- ${failures.join("\n- ")}`);
    process.exitCode = 1;
  } else console.log("load test passed");
});
