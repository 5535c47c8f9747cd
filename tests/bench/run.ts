// `npm run bench`: prints one JSON object per line. Node cases first (node.ts), then persistence in headless
// Chromium (persistence.ts), sync cases between two Chromium processes over WebRTC and through the relay
// (sync.ts), start-up cases (startup.ts), the register (register.ts), the community report (report.ts) and
// the relay's load cases (relay.ts). Cases with a peer print "<case>.peer" and "<case>.ratio" (ours / peer,
// medians of alternate runs); "<case>.series" is cost against size.
import { nodeCases } from "./node.ts";
import { persistenceCases } from "./persistence.ts";
import { syncCases } from "./sync.ts";
import { startupCases } from "./startup.ts";
import { registerCases } from "./register.ts";
import { reportCases } from "./report.ts";
import { relayCases } from "./relay.ts";

const t0 = performance.now();
await nodeCases();
await persistenceCases();
await syncCases();
await startupCases();
await registerCases();
await reportCases();
await relayCases();
console.error(`[bench] done in ${Math.round((performance.now() - t0) / 1000)} s`);
