import { describe, expect, it } from "vitest";
import {
  CODE_LENGTH,
  formatShareCode,
  newShareCode,
  parseShareCode,
  shareLink,
  STAFF_CODE_LENGTH,
  withWriteSecret,
  displayCodeOf,
} from "../../src/sync/shareCode.ts";

describe("share codes", () => {
  it("are 16 unambiguous characters, split into a room part and a key part", () => {
    const code = newShareCode();
    expect(code.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(code.code).toHaveLength(CODE_LENGTH);
    expect(code.room).toBe(`yishi-${code.code.slice(0, 6)}`);
    expect(code.key).toBe(code.code.slice(6));
    // The room name the signalling server sees reveals nothing of the key.
    expect(code.room).not.toContain(code.key);
  });

  it("differ every time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => newShareCode().code));
    expect(codes.size).toBe(200);
  });

  it("survive formatting and careless typing", () => {
    const code = newShareCode();
    const shown = formatShareCode(code);
    expect(shown).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect(parseShareCode(shown)).toEqual(code);
    expect(parseShareCode(` ${shown.toLowerCase().replace(/-/g, " ")} `)).toEqual(code);
    expect(parseShareCode("0O1I-L000-0000-0000")?.code).toBe("0011100000000000");
  });

  it.each([
    "",
    "ABC",
    "K7QD-3M9X-F2PA-W8T",
    "K7QD-3M9X-F2PA-W8TNX",
    "K7QD-3M9X-F2PA-W8T!",
    "ÄÄÄÄ-ÄÄÄÄ-ÄÄÄÄ-ÄÄÄÄ",
  ])("rejects %j", (input) => expect(parseShareCode(input)).toBeNull());

  it("put the code in the link's fragment, which is never sent to a server", () => {
    const code = parseShareCode("K7QD3M9XF2PAW8TN")!;
    const link = new URL(shareLink("https://192.168.1.5:4443", code));
    expect(link.pathname).toBe("/");
    expect(link.search).toBe("");
    expect(link.hash).toBe("#/join/K7QD-3M9X-F2PA-W8TN");
  });

  it("come in two forms: a staff code (26 characters, with a write secret) and its display code (16)", () => {
    const staff = withWriteSecret(newShareCode());
    expect(staff.write).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    const shown = formatShareCode(staff);
    expect(shown).toMatch(/^\w{4}(-\w{4}){5}-\w{2}$/);
    expect(shown.replace(/-/g, "")).toHaveLength(STAFF_CODE_LENGTH);
    expect(parseShareCode(shown)).toEqual(staff);
    expect(parseShareCode(shown.toLowerCase().replace(/-/g, " "))).toEqual(staff);
    const display = displayCodeOf(staff);
    expect(display.write).toBeUndefined();
    expect({ room: display.room, key: display.key }).toEqual({ room: staff.room, key: staff.key });
    expect(formatShareCode(display)).toBe(shown.slice(0, 19));
    expect(parseShareCode(formatShareCode(display))).toEqual(display);
  });

  it.each([
    "K7QD-3M9X-F2PA-W8TN-5HJ2-R0QC-9",
    "K7QD-3M9X-F2PA-W8TN-5HJ2-R0QC-9AB",
    "K7QD-3M9X-F2PA-W8TN-5HJ2-R0QC-9!",
  ])("rejects the near-staff code %j", (input) => expect(parseShareCode(input)).toBeNull());

  it("put a staff code's write secret in the link's fragment too", () => {
    const staff = parseShareCode("K7QD3M9XF2PAW8TN5HJ2R0QC9A")!;
    expect(staff.write).toBe("5HJ2R0QC9A");
    expect(new URL(shareLink("https://192.168.1.5:4443", staff)).hash).toBe(
      "#/join/K7QD-3M9X-F2PA-W8TN-5HJ2-R0QC-9A",
    );
  });
});
