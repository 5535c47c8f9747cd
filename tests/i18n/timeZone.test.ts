// Dates shown in the community's zone: Intl's formats and the numeric fallback (Uyghur in Chromium) alike.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE } from "../../src/doc/civilTime.ts";
import { dateFormatter, formatDate, formatDateTime, setLang } from "../../src/i18n/i18n.ts";

/** The seed's session, 10:00 Beijing time: 02:00 on a tablet whose clock is in UTC. */
const SEED_SESSION = new Date("2024-01-21T10:00:00+08:00");
/** 17:30 UTC on 31 January: 1 February in Shanghai, still the 31st (23:30) in Urumqi. */
const LATE_31ST_UTC = new Date(Date.UTC(2024, 0, 31, 17, 30));

describe("dates in a given zone", () => {
  it("Intl formats honour timeZone, and each zone has its own cached formatter", () => {
    const medium = (timeZone: string) =>
      dateFormatter("zh", { dateStyle: "medium", timeStyle: "short", timeZone });
    expect(medium("Asia/Shanghai")(SEED_SESSION)).toBe("2024年1月21日 10:00");
    expect(medium("UTC")(SEED_SESSION)).toBe("2024年1月21日 02:00");
    expect(medium("Asia/Shanghai")).toBe(medium("Asia/Shanghai"));
    expect(medium("Asia/Shanghai")).not.toBe(medium("Asia/Urumqi"));
    expect(dateFormatter("en", { dateStyle: "medium", timeZone: "Asia/Shanghai" })(LATE_31ST_UTC)).toBe(
      "1 Feb 2024",
    );
    expect(dateFormatter("en", { dateStyle: "medium", timeZone: "Asia/Urumqi" })(LATE_31ST_UTC)).toBe(
      "31 Jan 2024",
    );
  });

  describe("the numeric fallback where Intl has no data for the language", () => {
    const supported = Intl.DateTimeFormat.supportedLocalesOf;
    beforeEach(() => {
      Intl.DateTimeFormat.supportedLocalesOf = () => []; // as in Chromium, which has no Uyghur data
    });
    afterEach(() => {
      Intl.DateTimeFormat.supportedLocalesOf = supported;
    });

    it("writes the community's date and time, not the device's", () => {
      const short = (timeZone: string) =>
        dateFormatter("ug", { dateStyle: "short", timeStyle: "short", timeZone });
      expect(short("Asia/Shanghai")(SEED_SESSION)).toBe("2024-01-21 10:00");
      expect(short("UTC")(SEED_SESSION)).toBe("2024-01-21 02:00");
      expect(short("Asia/Shanghai")(LATE_31ST_UTC)).toBe("2024-02-01 01:30");
      expect(short("Asia/Urumqi")(LATE_31ST_UTC)).toBe("2024-01-31 23:30");
      expect(dateFormatter("ug", { dateStyle: "full", timeZone: "Asia/Shanghai" })(LATE_31ST_UTC)).toBe(
        "2024-02-01",
      );
      expect(dateFormatter("ug", { dateStyle: "full", timeZone: "Asia/Urumqi" })(LATE_31ST_UTC)).toBe(
        "2024-01-31",
      );
    });

    it("midnight is 00:00", () => {
      const short = dateFormatter("ug", {
        dateStyle: "short",
        timeStyle: "short",
        timeZone: "Asia/Shanghai",
      });
      expect(short(new Date("2024-02-01T00:00:00+08:00"))).toBe("2024-02-01 00:00");
    });

    it("formatDateTime and formatDate pass the zone through; a zone alone keeps the default style", () => {
      setLang("ug");
      try {
        expect(formatDateTime(SEED_SESSION, { timeZone: DEFAULT_TIME_ZONE })).toBe("2024-01-21 10:00");
        expect(formatDateTime(SEED_SESSION.getTime(), { timeZone: "UTC" })).toBe("2024-01-21 02:00");
        expect(
          formatDateTime("2024-01-21T10:00:00+08:00", { dateStyle: "short", timeZone: "Asia/Urumqi" }),
        ).toBe("2024-01-21");
        expect(formatDate(LATE_31ST_UTC, "Asia/Shanghai")).toBe("2024-02-01");
        expect(formatDate(LATE_31ST_UTC, "Asia/Urumqi")).toBe("2024-01-31");
      } finally {
        setLang("zh");
      }
    });
  });

  it("formatDateTime in Chinese shows the seed's session at 10:00 Beijing time", () => {
    setLang("zh");
    expect(formatDateTime(SEED_SESSION, { timeZone: DEFAULT_TIME_ZONE })).toBe("2024年1月21日 10:00");
    expect(formatDate("2024-01-31T17:30:00Z", DEFAULT_TIME_ZONE)).toBe("2024年2月1日");
  });
});
