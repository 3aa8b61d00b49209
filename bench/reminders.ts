/**
 * Reminder dispatch benchmark: 100 000 due subscriptions through the real remind engine over the
 * WeChat database adapter, with simulated WeChat latency (test/fakes/simulate.ts: a
 * virtual clock, so the simulated minutes take seconds here). Prints JSON rows for BENCHMARKS.md.
 */
import { simulateDispatch } from '../test/fakes/simulate';

async function main() {
  const n = Number(process.env.BENCH_SUBSCRIPTIONS || 100_000);
  const r = await simulateDispatch({ subscriptions: n });
  const min = (ms: number) => `${(ms / 60000).toFixed(1)} min`;
  const rows = [
    {
      figure: `Reminders: ${n.toLocaleString('en')} due messages sent exactly once (${Math.round(r.settings.cancelledShare * 100)} % of users also hold a cancelled subscription's credit)`,
      measured: `sent ${r.sent}, duplicates ${r.duplicates}, missing ${r.missing}; ${r.cancelledWithCredit.toLocaleString('en')} users with a cancelled subscription's credit, ${r.cancelledCreditsSpent} of those credits spent`,
      budget: '0 duplicates, 0 missing, 0 spent',
      pass: r.duplicates === 0 && r.missing === 0 && r.sent === n && r.cancelledCreditsSpent === 0,
    },
    { figure: 'Reminders: runs needed (50 s budget each, timer every 3 min)', measured: `${r.runs} runs; simulated wall time ${min(r.wallTimeMs)} (${min(r.activeMs)} inside runs)`, budget: 'one morning', pass: r.runs <= r.runsPerMorning },
    { figure: 'Reminders: database round trips', measured: `${r.dbRoundTrips.toLocaleString('en')} (${r.dbRoundTripsPerMessage.toFixed(2)} per message)` },
    { figure: 'Reminders: messages per second inside a run (simulated 150 ms send, 10 ms db)', measured: `${r.messagesPerSecond.toFixed(1)} /s; ${Math.round(r.messagesPerFullRun)} per full run` },
    { figure: 'Reminders: capacity per morning (runs per morning × messages per run)', measured: `${Math.round(r.capacityPerMorning).toLocaleString('en')} messages (${r.runsPerMorning} runs)` },
    { figure: 'Reminders: real CPU time of the simulation here', measured: `${(r.realMs / 1000).toFixed(1)} s` },
  ];
  console.log(JSON.stringify({ result: r, rows }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
