// The relay admin's commands: `--add-community <id>` and `--rotate-token <id>`, printing a community's tokens once.
import { CommunityExistsError, openRelayStore } from "./store.ts";
import { isValidId, type IssuedTokens } from "./tokens.ts";

function validId(id: string): void {
  if (isValidId(id)) return;
  console.error("A community id is 1 to 64 letters, digits, '-' or '_'.");
  process.exit(2);
}

/** Prints both tokens, each on its own line after its label (tests and scripts read them there). */
function printTokens(tokens: IssuedTokens): void {
  console.log("Staff token:");
  console.log(tokens.token);
  console.log("Display token (read-only):");
  console.log(tokens.displayToken);
  console.log(
    "Give the staff token to the community's facilitator (and nobody else): it opens and writes all of its\n" +
      "documents. A display needs only the display token (the staff tablet's display pairing link carries it).\n" +
      "They are not shown again: the relay keeps only their hashes.",
  );
}

/** `--add-community <id>`: adds the community and prints its new tokens, or says it exists (exit 1). */
export function addCommunityCommand(dbPath: string, id: string): void {
  validId(id);
  const store = openRelayStore(dbPath);
  try {
    const tokens = store.addCommunity(id);
    console.log(`Added community ${id}.`);
    printTokens(tokens);
  } catch (error) {
    if (!(error instanceof CommunityExistsError)) throw error;
    console.error(`Community ${id} already exists; its tokens cannot be shown again (the relay keeps only`);
    console.error(`their hashes). \`--rotate-token ${id}\` issues new ones and disconnects the old ones.`);
    process.exitCode = 1;
  } finally {
    store.close();
  }
}

/** `--rotate-token <id>`: replaces the community's tokens and prints the new ones (exit 1 for an unknown id). */
export function rotateTokenCommand(dbPath: string, id: string): void {
  validId(id);
  const store = openRelayStore(dbPath);
  let tokens: IssuedTokens | null;
  try {
    tokens = store.rotateTokens(id);
  } finally {
    store.close();
  }
  if (!tokens) {
    console.error(`No community ${id} on this relay; \`--add-community ${id}\` adds it.`);
    process.exitCode = 1;
    return;
  }
  console.log(`New tokens for community ${id}. The old ones no longer open it: a running relay closes`);
  console.log("their connections within seconds, and those tablets show Relay: refused until the new token");
  console.log("is entered on their community's page.");
  printTokens(tokens);
}
