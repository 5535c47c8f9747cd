// @vitest-environment happy-dom
// The matter page over a real workspace document: what was raised (an anonymous raiser masked), the steps its
// status allows, refused steps (a message, and what was typed kept), a department added to the directory
// while escalating, and a step a concurrent one overtook shown as not applied.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { render } from "solid-js/web";
import { createSignal } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import * as Y from "yjs";
import { addDays, civilDate } from "../../src/doc/civilTime.ts";
import * as directory from "../../src/doc/community/directory.ts";
import * as matters from "../../src/doc/community/matters.ts";
import * as sessionIndex from "../../src/doc/community/sessionIndex.ts";
import * as talkPoints from "../../src/doc/community/talkPoints.ts";
import {
  readDirectory,
  readMatter,
  readMatters,
  workspaceSnapshot,
} from "../../src/doc/community/readers.ts";
import { updateCommunity } from "../../src/doc/community/workspaceDoc.ts";
import { setLang } from "../../src/i18n/i18n.ts";
import { bindActions } from "../../src/reactive/bindActions.ts";
import { dismiss, notices } from "../../src/reactive/notices.ts";
import { MatterView } from "../../src/ui/pages/MatterPage.tsx";
import { bureau, meters, newWorkspace } from "../helpers/workspace.ts";

const cleanups: (() => void)[] = [];
beforeEach(() => setLang("zh"));
afterEach(() => {
  cleanups.splice(0).forEach((c) => c());
  document.body.innerHTML = "";
  notices().forEach((n) => dismiss(n.id));
});

const TITLE = "鸿雁小区电表老化需更换";
const today = () => civilDate(Date.now(), "Asia/Shanghai");

/** A CommunityHandle-like object: the workspace's snapshot kept current, and its mutators bound. */
function fakeHandle(doc: Y.Doc) {
  const [state, setState] = createStore(workspaceSnapshot(doc));
  const [list, setList] = createSignal(readMatters(doc));
  const update = () => {
    setState(reconcile(workspaceSnapshot(doc)));
    setList(readMatters(doc));
  };
  doc.on("update", update);
  cleanups.push(() => doc.off("update", update));
  const modules = { directory, matters, sessionIndex, talkPoints, community: { updateCommunity } };
  return {
    id: "c-laochenglu",
    state,
    matters: list,
    load: () => {},
    actions: bindActions(doc, modules, () => {}),
  };
}

function mount(doc: Y.Doc, matterId = "m1") {
  const host = document.createElement("div");
  document.body.append(host);
  cleanups.push(render(() => <MatterView handle={fakeHandle(doc)} matterId={matterId} />, host));
  const byLabel = <E extends HTMLElement>(label: string) => {
    const el = host.querySelector<E>(`[aria-label="${label}"]`);
    if (!el) throw new Error(`nothing labelled ${label}`);
    return el;
  };
  const field = (f: HTMLElement, label: string) => {
    const l = [...f.querySelectorAll("label")].find((x) => x.textContent?.startsWith(label));
    if (!l) throw new Error(`no field ${label}`);
    return l.querySelector<HTMLInputElement | HTMLTextAreaElement>("input, textarea")!;
  };
  const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  };
  /** Opens a step's form with its button (named "解决：鸿雁…") and returns the form. */
  const open = (step: string) => {
    host.querySelector<HTMLButtonElement>(`.step-choices button[aria-label="${step}：${TITLE}"]`)!.click();
    const f = host.querySelector<HTMLFormElement>(`form[aria-label="${step}：${TITLE}"]`)!;
    expect(f.hidden).toBe(false);
    return f;
  };
  const confirm = (step: string) => byLabel<HTMLButtonElement>(`确定${step}：${TITLE}`).click();
  const status = () => host.querySelector("#matter-status .status-chip")!.textContent;
  const errors = () => notices().map((n) => n.key);
  return { host, field, type, open, confirm, status, errors };
}

describe("MatterView and MatterSteps", () => {
  it("shows what was raised, what is to be done and the steps an open matter allows", () => {
    const doc = newWorkspace();
    meters(doc);
    const { host, status } = mount(doc);
    expect(host.querySelector("h1")!.textContent).toBe(TITLE);
    expect(host.textContent).toContain("张阿姨");
    expect(host.textContent).toContain("协调电力局更换电表");
    expect(host.textContent).toContain("线路与水电");
    expect(status()).toBe("待办");
    const steps = [...host.querySelectorAll(".step-choices button")].map((b) => b.textContent);
    expect(steps).toEqual(["开始办理", "指派", "吹哨", "解决", "撤销"]);
    expect(host.querySelector(".matter-history")!.textContent).toContain("登记入册");
  });

  it("never shows an anonymous raiser's name", () => {
    const doc = newWorkspace();
    matters.createMatter(doc, {
      id: "m2",
      sessionId: "s1",
      talkPointId: "tp-1",
      raisedOn: "2023-05-01",
      text: "楼道堆放杂物",
      raisedBy: "李四",
      anonymous: true,
    });
    const { host } = mount(doc, "m2");
    expect(host.textContent).not.toContain("李四");
    expect(host.textContent).toContain("匿名");
  });

  it("refuses a resolution without a note (with the message), then resolves with one", () => {
    const doc = newWorkspace();
    meters(doc);
    const { open, confirm, field, type, status, errors } = mount(doc);
    const form = open("解决");
    confirm("解决");
    expect(errors()).toContain("error.required");
    expect(notices().find((n) => n.key === "error.required")!.params).toEqual({ field: "办理结果" });
    expect(readMatter(doc, "m1")!.status).toBe("open");
    expect(form.hidden).toBe(false);
    type(field(form, "办理结果"), "电表已全部更换");
    confirm("解决");
    expect(readMatter(doc, "m1")!.status).toBe("resolved");
    expect(readMatter(doc, "m1")!.resolution!.note).toBe("电表已全部更换");
    expect(status()).toBe("已解决");
    expect(form.hidden).toBe(true);
  });

  it("keeps what was typed when a step is refused (a deadline before today)", () => {
    const doc = newWorkspace();
    meters(doc);
    const { open, confirm, field, type, errors } = mount(doc);
    const form = open("吹哨");
    type(field(form, "部门"), "电力局");
    type(field(form, "原因"), "电表属供电公司产权");
    type(field(form, "报到期限"), addDays(today(), -1));
    confirm("吹哨");
    expect(errors()).toContain("error.deadlineBeforeEscalation");
    expect(readMatter(doc, "m1")!.status).toBe("open");
    expect(field(form, "原因").value).toBe("电表属供电公司产权");
    expect(field(form, "部门").value).toBe("电力局");
    type(field(form, "报到期限"), addDays(today(), 7));
    confirm("吹哨");
    const m = readMatter(doc, "m1")!;
    expect(m.status).toBe("escalated");
    expect(m.escalation!.departmentId).toBe(bureau(doc));
  });

  it("offers to add a department that is not in the directory, then escalates to it", () => {
    const doc = newWorkspace();
    meters(doc);
    const { host, open, confirm, field, type } = mount(doc);
    const form = open("吹哨");
    type(field(form, "部门"), "水务局");
    type(field(form, "原因"), "水表也要换");
    type(field(form, "报到期限"), addDays(today(), 3));
    confirm("吹哨");
    expect(readMatter(doc, "m1")!.status).toBe("open");
    const add = host.querySelector<HTMLButtonElement>(".offer button")!;
    expect(add.textContent).toBe("把「水务局」加入名录并吹哨");
    add.click();
    const water = readDirectory(doc).find((d) => d.name === "水务局")!;
    expect(water.kind).toBe("department");
    expect(readMatter(doc, "m1")!.escalation).toMatchObject({ departmentId: water.id, department: "水务局" });
  });

  it("takes a matter through acknowledgement, resolution, feedback not satisfied (reopened) and a reopen reason", () => {
    const doc = newWorkspace();
    meters(doc);
    matters.escalateMatter(doc, "m1", {
      departmentId: bureau(doc),
      reason: "产权",
      deadline: addDays(today(), 5),
    });
    const { host, open, confirm, field, type, status } = mount(doc);
    expect(status()).toBe("已吹哨");
    const ack = open("报到");
    expect(field(ack, "日期").value).toBe(today());
    type(field(ack, "报到人"), "电力局 王工");
    type(field(ack, "承诺事项"), "五月底前全部更换");
    confirm("报到");
    expect(status()).toBe("已报到");
    expect(host.textContent).toContain("五月底前全部更换");
    type(field(open("解决"), "办理结果"), "已更换 297 户电表");
    confirm("解决");
    const feedback = open("反馈");
    const notSatisfied = [...feedback.querySelectorAll("label")].find((l) => l.textContent === "不满意")!;
    notSatisfied.querySelector("input")!.click();
    type(field(feedback, "备注"), "还有两户没换");
    confirm("反馈");
    const m = readMatter(doc, "m1")!;
    expect(m.feedback).toMatchObject({ how: "inPerson", satisfied: false, note: "还有两户没换" });
    expect(m.reopened).toBe(1);
    expect(m.status).toBe("open");
    expect(host.textContent).toContain("1 次");
  });

  it("an assign sends only what was changed in the form: an owner set on another tablet meanwhile is kept", () => {
    const doc = newWorkspace();
    meters(doc);
    matters.startMatter(doc, "m1", { owner: "王炎", due: "2030-01-01" });
    const { open, confirm, field, type } = mount(doc);
    const form = open("指派");
    // Another tablet's change arrives while the form is open (it still shows 王炎).
    matters.assignMatter(doc, "m1", { owner: "李四" });
    type(field(form, "期限"), "2030-02-01");
    confirm("指派");
    expect(readMatter(doc, "m1")).toMatchObject({ owner: "李四", due: "2030-02-01" });
    expect(readMatter(doc, "m1")!.history.at(-1)).toMatchObject({ kind: "assign", due: "2030-02-01" });
    expect(readMatter(doc, "m1")!.history.at(-1)!.owner).toBeUndefined();
  });

  it("shows a step a concurrent one overtook as not applied, and names status and step in a refusal", () => {
    const doc = newWorkspace();
    meters(doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    // Two tablets take it on at once: whichever start comes second in the log finds it in progress already.
    matters.startMatter(doc, "m1", { owner: "网格员 王" });
    matters.startMatter(peer, "m1", { owner: "网格员 赵" });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    const { host } = mount(doc);
    const skipped = host.querySelectorAll(".matter-history li.not-applied");
    expect(skipped.length).toBe(1);
    expect(skipped[0]!.textContent).toContain("开始办理");
    expect(skipped[0]!.textContent).toContain("未采用：当时的状态不允许这一步");
    expect(host.querySelector("#matter-status .status-chip")!.textContent).toBe("办理中");
    expect([...host.querySelectorAll(".step-choices button")].map((b) => b.textContent)).not.toContain(
      "开始办理",
    );
    const handle = fakeHandle(doc);
    expect(handle.actions.matters.startMatter("m1", { owner: "网格员 钱" })).toBeUndefined();
    expect(notices().find((n) => n.key === "error.transition")!.params).toEqual({
      from: "办理中",
      step: "开始办理",
    });
  });
});
