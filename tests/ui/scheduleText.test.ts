import { describe, expect, it } from "vitest";
import { parseDays } from "../../src/ui/scheduleText.ts";

describe("days of the month as typed", () => {
  it.each([
    ["1, 11, 21", [1, 11, 21]],
    ["1、11、21", [1, 11, 21]],
    ["21，1 11", [1, 11, 21]],
    ["1، 11، 21", [1, 11, 21]], // typed on a Uyghur keyboard
    ["11 11 1", [1, 11]],
  ])("%s", (text, days) => expect(parseDays(text)).toEqual(days));
});
