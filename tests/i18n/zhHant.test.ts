// Traditional Chinese: chosen from the browser's language, worded as a Traditional reader writes, dated in the
// community's zone, and available for the minutes.
import * as Y from "yjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_TIME_ZONE } from "../../src/doc/civilTime.ts";
import { buildSampleSession, sampleTalkPoints } from "../../src/doc/sample/seedSession.ts";
import { snapshot } from "../../src/doc/session/snapshot.ts";
import { buildMinutes } from "../../src/export/minutesModel.ts";
import { MINUTES_STRINGS } from "../../src/export/minutesStrings.ts";
import { minutesToText } from "../../src/export/plainText.ts";
import { chineseOf, dateFormatter, LOCALES, translate } from "../../src/i18n/i18n.ts";
import { zh } from "../../src/i18n/zh.ts";
import { zhHant } from "../../src/i18n/zhHant.ts";

/** Characters that exist only in Simplified writing (their Traditional forms differ). */
const SIMPLIFIED_ONLY =
  "这们个来过还没让请认识语词话读写说议会时间问题记录设备开关发现对应为长门见东车点无数项单区网线电务动处码输导删辑编级态状显传从与后历达选择专业组织统计报总结负责联儿两产宁际难闭择钟导录类调";

/**
 * Words of the mainland's computing vocabulary, in Traditional characters: a reader in Taiwan or Hong Kong
 * writes the word on the right (信息 → 資訊, 网络 → 網路, 默认 → 預設, 设置 → 設定, 保存 → 儲存…).
 */
const MAINLAND_WORDS = [
  "信息",
  "網絡",
  "視頻",
  "打印",
  "默認",
  "用戶",
  "軟件",
  "鏈接",
  "設置",
  "屏幕",
  "二維碼",
  "導入",
  "導出",
  "服務器",
  "設備",
  "保存",
  "撤銷",
  "搜索",
  "剪貼板",
  "粘貼",
  "數據",
  "文檔",
  "界面",
  "點擊",
  "支持",
  "地址",
  "本周",
];

const allTexts = () => [
  ...Object.entries(zhHant).filter(([key]) => key !== "lang.zh"),
  ...Object.entries(MINUTES_STRINGS["zh-Hant"]).map(([key, text]) => [`minutes ${key}`, text] as const),
];

describe("the Traditional Chinese dictionary", () => {
  it("is in Traditional characters (only the switch's 简体中文 names Simplified)", () => {
    const simplified = new RegExp(`[${SIMPLIFIED_ONLY}]`);
    expect(allTexts().filter(([, text]) => simplified.test(text))).toEqual([]);
    expect(zhHant["lang.zh"]).toBe("简体中文");
    expect(zhHant["lang.zh-Hant"]).toBe("繁體中文");
  });

  it("uses a Traditional reader's words, not the mainland's written in Traditional characters", () => {
    const found = allTexts().flatMap(([key, text]) =>
      MAINLAND_WORDS.filter((word) => text.includes(word)).map((word) => `${key}: ${word}`),
    );
    expect(found).toEqual([]);
    // The examples, where the master uses the mainland word.
    expect(zhHant["device.signalingDefault"]).toContain("預設"); // 默认
    expect(zhHant["minutes.print"]).toContain("列印"); // 打印
    expect(zhHant["share.qrLabel"]).toContain("連結"); // 链接
    expect(zhHant["device.settings"]).toContain("設定"); // 设置
    expect(zhHant["import.tooLarge"]).toContain("檔案"); // 文件, a file
    expect(zhHant["minutes.docx"]).toBe("Word 文件"); // 文档, a document
    expect(zhHant["relay.explain"]).toContain("網路"); // 网络
    expect(zhHant["save.saved"]).toContain("儲存"); // 保存
    expect(zhHant["sync.searching"]).toContain("裝置"); // 设备
  });

  it("fills the same placeholders and plural forms as the master", () => {
    expect(translate("zh-Hant", "vote.countOf", { option: "贊成", n: 3 })).toBe("贊成：3 票");
    expect(translate("zh-Hant", "community.allMatters", { n: 1 })).toBe("全部事項（1 件）");
    expect(translate("zh-Hant", "error.storage.corrupt", { count: 2 })).toMatch(/^有 2 筆/);
    expect(Object.keys(zhHant).length).toBe(Object.keys(zh).length);
  });
});

describe("Traditional Chinese dates", () => {
  const SEED_SESSION = new Date("2024-01-21T10:00:00+08:00");

  it("are written as in Taiwan (zh-TW), in the community's zone", () => {
    expect(LOCALES["zh-Hant"]).toBe("zh-TW");
    const f = (timeZone: string) =>
      dateFormatter("zh-Hant", { dateStyle: "medium", timeStyle: "short", timeZone })(SEED_SESSION);
    expect(f(DEFAULT_TIME_ZONE)).toBe("2024年1月21日 上午10:00");
    expect(f("Asia/Urumqi")).toBe("2024年1月21日 上午8:00");
    expect(f("UTC")).toBe("2024年1月21日 凌晨2:00");
  });
});

describe("the browser's language", () => {
  it("Taiwan, Hong Kong, Macao and any zh-Hant tag read Traditional; other Chinese reads Simplified", () => {
    for (const tag of [
      "zh-TW",
      "zh-HK",
      "zh-MO",
      "zh-Hant",
      "zh-Hant-TW",
      "zh-Hant-CN",
      "zh-hant-hk",
      "zh_TW",
    ])
      expect(chineseOf([tag]), tag).toBe("zh-Hant");
    for (const tag of ["zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-HK", "zh-Hans-TW"])
      expect(chineseOf([tag]), tag).toBe("zh");
    expect(chineseOf(["en-US", "fr"])).toBeUndefined();
    expect(chineseOf([])).toBeUndefined();
    // The first Chinese tag in the browser's list decides.
    expect(chineseOf(["en-US", "zh-TW", "zh-CN"])).toBe("zh-Hant");
    expect(chineseOf(["zh-CN", "zh-TW"])).toBe("zh");
  });

  describe("opens the app in", () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.resetModules();
    });
    const openWith = async (globals: { languages?: string[]; search?: string; saved?: string }) => {
      vi.unstubAllGlobals();
      vi.stubGlobal("navigator", { languages: globals.languages ?? [], language: globals.languages?.[0] });
      if (globals.search !== undefined) vi.stubGlobal("location", { search: globals.search });
      if (globals.saved !== undefined)
        vi.stubGlobal("localStorage", { getItem: () => globals.saved, setItem: () => {} });
      vi.resetModules();
      return (await import("../../src/i18n/i18n.ts")).lang();
    };

    it("Traditional Chinese on a zh-TW or zh-HK browser, Simplified otherwise", async () => {
      expect(await openWith({ languages: ["zh-TW"] })).toBe("zh-Hant");
      expect(await openWith({ languages: ["zh-HK", "en"] })).toBe("zh-Hant");
      expect(await openWith({ languages: ["zh-CN"] })).toBe("zh");
      expect(await openWith({ languages: ["en-GB"] })).toBe("zh");
    });

    it("the language of ?lang= or the one chosen on this device, before the browser's", async () => {
      expect(await openWith({ languages: ["zh-CN"], search: "?lang=zh-Hant" })).toBe("zh-Hant");
      expect(await openWith({ languages: ["zh-TW"], search: "?lang=en" })).toBe("en");
      expect(await openWith({ languages: ["zh-TW"], saved: "zh" })).toBe("zh");
      expect(await openWith({ languages: ["zh-CN"], saved: "zh-Hant" })).toBe("zh-Hant");
    });
  });
});

describe("minutes in Traditional Chinese", () => {
  const m = buildMinutes(snapshot(buildSampleSession(new Y.Doc(), sampleTalkPoints(0)[0]!)), "zh-Hant");

  it("are worded in Traditional Chinese, the data left as typed, with a Chinese colon after a label", () => {
    expect(m.title.startsWith("會議紀要")).toBe(true);
    const text = minutesToText(m);
    expect(text).toContain("反映的問題");
    expect(text).toContain("追蹤事項");
    expect(text).toContain("贊成");
    expect(text).toContain("鸿雁小区"); // what the recorder typed stays in Simplified
    expect(text).toContain("上午10:00");
    expect(text).toMatch(/主持人：王炎/);
  });
});
