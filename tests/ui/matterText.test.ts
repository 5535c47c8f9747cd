// What the register writes about a matter: default category names, masked raisers, short titles, civil dates
// that no zone moves, the department lookup of the escalate form and the zones offered.
import { afterEach, describe, expect, it } from "vitest";
import { setLang } from "../../src/i18n/i18n.ts";
import type { DirectoryEntry, Matter } from "../../src/doc/community/schema.ts";
import {
  categoryName,
  civilDateText,
  findDirectoryEntry,
  matterCategory,
  matterTitle,
  raiserName,
  timeZoneChoices,
  timeZoneName,
  truncate,
} from "../../src/ui/matterText.ts";

afterEach(() => setLang("zh"));

const entry = (name: string, retired = false): DirectoryEntry => ({
  id: `d-${name}`,
  order: "a0",
  name,
  kind: "department",
  contact: "",
  retired,
});

describe("matter text", () => {
  it("names a default category in the UI language, and a community's own label as it is", () => {
    expect(categoryName("utilities")).toBe("线路与水电");
    setLang("en");
    expect(categoryName("utilities")).toBe("Wiring & utilities");
    expect(categoryName("x1", "菜市场")).toBe("菜市场");
    expect(categoryName("unknown-id")).toBe("unknown-id");
    const categories = [{ id: "utilities", order: "a0", label: "水电气" }];
    expect(matterCategory({ categoryId: "utilities", category: "" }, categories)).toBe("水电气");
  });

  it("never shows the name of an anonymous raiser", () => {
    expect(raiserName({ anonymous: true, raisedBy: "张阿姨" })).toBe("匿名");
    expect(raiserName({ anonymous: false, raisedBy: "张阿姨" })).toBe("张阿姨");
    expect(raiserName({ anonymous: false, raisedBy: "" })).toBe("—");
  });

  it("cuts long text by characters, never inside one", () => {
    expect(truncate("鸿雁小区电表老化需更换", 5)).toBe("鸿雁小区…");
    expect(truncate("短", 5)).toBe("短");
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
    const action = (text: string) => [{ action: text } as Matter["actions"][number]];
    expect(matterTitle({ text: "", actions: action("协调电力局") })).toBe("协调电力局");
    expect(matterTitle({ text: " ", actions: action("") })).toBe("（未填写内容）");
  });

  it("writes a civil date as that day in any device zone", () => {
    setLang("en");
    expect(civilDateText("2023-04-28")).toBe("28 Apr 2023");
    expect(civilDateText("")).toBe("—");
    expect(civilDateText("not a date")).toBe("not a date");
  });

  it("finds a department by name among the non-retired ones", () => {
    const directory = [entry("电力局"), entry("水务局", true)];
    expect(findDirectoryEntry(directory, " 电力局 ")?.id).toBe("d-电力局");
    expect(findDirectoryEntry(directory, "水务局")).toBeUndefined();
    expect(findDirectoryEntry(directory, "")).toBeUndefined();
  });

  it("offers Beijing and Xinjiang time, and the community's own zone when it is another", () => {
    expect(timeZoneChoices("Asia/Shanghai")).toEqual(["Asia/Shanghai", "Asia/Urumqi"]);
    expect(timeZoneChoices("Europe/London")).toEqual(["Asia/Shanghai", "Asia/Urumqi", "Europe/London"]);
    expect(timeZoneChoices("Mars/Olympus")).toEqual(["Asia/Shanghai", "Asia/Urumqi"]);
    expect(timeZoneName("Asia/Urumqi")).toBe("新疆时间（Asia/Urumqi）");
    expect(timeZoneName("Europe/London")).toBe("Europe/London");
  });
});
