// The display's token from a staff token: the part after the dot, or (a legacy token) today's derivation.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readOnlyToken } from "../../src/sync/relayNames.ts";
import { readOnlyToken as relayReadOnlyToken } from "../../src/server/relay/tokens.ts";

const secret = () => randomBytes(32).toString("base64url");

describe("readOnlyToken", () => {
  it("of a staff token <write>.<read> is <read>, which nothing derives from <write>", () => {
    const [write, read] = [secret(), secret()];
    expect(readOnlyToken(`${write}.${read}`)).toBe(read);
    expect(readOnlyToken(`${write}.${read}`)).not.toBe(readOnlyToken(write));
    expect(relayReadOnlyToken(`${write}.${read}`)).toBe(read);
  });

  it("of a legacy token (no dot) is still base64url(sha256('yishi-relay-ro:' + token)), as on the relay", () => {
    const legacy = secret();
    const expected = createHash("sha256").update(`yishi-relay-ro:${legacy}`).digest("base64url");
    expect(readOnlyToken(legacy)).toBe(expected);
    expect(relayReadOnlyToken(legacy)).toBe(expected);
    expect(readOnlyToken("abc")).toBe(createHash("sha256").update("yishi-relay-ro:abc").digest("base64url"));
  });
});
