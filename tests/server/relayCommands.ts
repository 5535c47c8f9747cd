// The relay admin's commands run as processes: --add-community and --rotate-token, and the tokens they print.
import { runRelayCommand } from "../helpers/relayProcess.ts";

/** A community's tokens as the admin command printed them: the staff tablets' and a display's. */
export interface PrintedTokens {
  staff: string;
  display: string;
  output: string;
}

const SECRET = "[A-Za-z0-9_-]{43}";
const STAFF = new RegExp(`^Staff token:\\n(${SECRET}\\.${SECRET})$`, "m");
const DISPLAY = new RegExp(`^Display token \\(read-only\\):\\n(${SECRET})$`, "m");

/** Runs the relay with `args` and reads the two tokens it printed; throws when it failed or printed none. */
export async function printedTokens(args: string[]): Promise<PrintedTokens> {
  const { code, output } = await runRelayCommand(args);
  const staff = STAFF.exec(output)?.[1];
  const display = DISPLAY.exec(output)?.[1];
  if (code !== 0 || !staff || !display) throw new Error(`${args.join(" ")} failed (${code}): ${output}`);
  return { staff, display, output };
}

/** `--add-community <id>` on `db`. */
export const addCommunityTokens = (db: string, id: string): Promise<PrintedTokens> =>
  printedTokens(["--db", db, "--add-community", id]);

/** `--rotate-token <id>` on `db`. */
export const rotateTokens = (db: string, id: string): Promise<PrintedTokens> =>
  printedTokens(["--db", db, "--rotate-token", id]);
