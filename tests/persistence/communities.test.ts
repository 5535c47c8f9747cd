// A relay setting as stored or linked: staff tokens <write>.<read>, display and legacy tokens without a dot.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cleanRelaySetting } from "../../src/persistence/communities.ts";

const secret = () => randomBytes(32).toString("base64url");
const url = "wss://relay.example:4500";

describe("cleanRelaySetting", () => {
  it("keeps a staff token <write>.<read>, a display's <read> and a legacy token", () => {
    const staff = `${secret()}.${secret()}`;
    expect(cleanRelaySetting({ url, token: ` ${staff} `, readOnly: false })).toEqual({
      url,
      token: staff,
      readOnly: false,
    });
    const display = secret();
    expect(cleanRelaySetting({ url, token: display, readOnly: true })?.token).toBe(display);
    expect(cleanRelaySetting({ url, token: "A".repeat(43) })?.token).toBe("A".repeat(43));
  });

  it.each([
    ["empty", ""],
    ["too short", "abc"],
    ["a leading dot", `.${"A".repeat(43)}`],
    ["a trailing dot", `${"A".repeat(43)}.`],
    ["two dots", `${"A".repeat(20)}.${"B".repeat(20)}.${"C".repeat(20)}`],
    ["a short part", `${"A".repeat(43)}.abc`],
    ["a part too long", `${"A".repeat(43)}.${"B".repeat(129)}`],
    ["other characters", `${"A".repeat(43)}.${"B".repeat(42)}=`],
  ])("refuses a token with %s", (_what, token) => {
    expect(cleanRelaySetting({ url, token, readOnly: false })).toBeNull();
  });
});
