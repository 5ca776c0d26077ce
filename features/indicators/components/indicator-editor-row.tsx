"use client";

/**
 * One row of the indicator editor. Memoised, and subscribed (useWatch with `compute`) only
 * to what it shows from its own values, so typing in one row re-renders that row alone.
 * Inputs are uncontrolled (react-hook-form `register`).
 */
import { memo } from "react";
import { type Control, type UseFormGetValues, type UseFormRegister, type UseFormSetValue, useWatch } from "react-hook-form";
import { NATURES, NATURE_LABELS } from "../schema";
import { type RowErrors, type RowField, sameRowErrors } from "./editor-errors";
import { type RowView, rowView } from "./editor-scoring";
import type { EditorFormOutput, EditorFormValues, EditorFramework } from "./editor-types";
import { choicesOf, Select } from "@/components/ui/field";

export type RowAction = "up" | "down" | "insert" | "delete" | "library";

/** Everything rows share; one stable object, so memoised rows only re-render when their own props change. */
export type RowContext = {
  control: Control<EditorFormValues, unknown, EditorFormOutput>;
  register: UseFormRegister<EditorFormValues>;
  setValue: UseFormSetValue<EditorFormValues>;
  getValues: UseFormGetValues<EditorFormValues>;
  idPrefix: string;
  groups: EditorFramework["groups"];
  level2ByGroup: ReadonlyMap<string, readonly { id: string; name: string }[]>;
  unitListId: string;
  hasLibrary: boolean;
  /** `focusKey` is the data-field of the control the action came from (to keep focus on the same column). */
  onAction: (action: RowAction, index: number, focusKey?: string) => void;
};

export type ActionKey = "action-up" | "action-down" | "action-insert" | "action-delete" | "action-library";
export const fieldDomId = (prefix: string, index: number, key: RowField | ActionKey) => `${prefix}-r${index}-${key}`;

const INPUT =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";
/**
 * Text inputs and textareas have a fixed height and size + layout containment: typing in one
 * then re-lays out that control only, not the whole table (which costs tens of ms per keystroke
 * with hundreds of rows).
 */
const TEXT = `${INPUT} h-9 [contain:size_layout]`;
/**
 * The editor's <table> is laid out as a CSS grid (see indicator-editor.tsx), so each row can use
 * `content-visibility: auto`: rows out of view are not styled, laid out or painted, which keeps
 * typing fast with a thousand rows. Explicit ARIA roles keep the table semantics.
 */
export const ROW_LAYOUT =
  "grid items-start [grid-template-columns:var(--indicator-cols)] [content-visibility:auto] [contain-intrinsic-size:auto_76px] max-md:mb-3 max-md:rounded-md max-md:border max-md:border-slate-200 max-md:p-2 max-md:[grid-template-columns:minmax(0,1fr)] max-md:[contain-intrinsic-size:auto_640px]";
/**
 * On a phone or at 200 % zoom (narrower than 48rem) a row is a card: each cell on its own line,
 * its column name (data-label) beside the field, so that every field is visible and labelled
 * without scrolling sideways. The same inputs, order and keyboard handling as the table.
 */
const CELL = "px-1 py-1.5 max-md:grid max-md:grid-cols-[6rem_minmax(0,1fr)] max-md:items-start max-md:gap-x-2 max-md:text-left max-md:*:col-start-2 max-md:before:pt-2 max-md:before:text-xs max-md:before:text-slate-600 max-md:before:content-[attr(data-label)]";
const AREA = `${INPUT} h-14 resize-y [contain:size_layout]`;
const ROW_BUTTON =
  "inline-flex h-7 min-w-7 items-center justify-center rounded border border-slate-300 bg-white px-1.5 text-xs text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40";

const VALUE_CELLS = {
  target: { label: "指标值", qualitativeLabel: "指标值（定性）", text: "targetText", value: "targetValue" },
  actual: { label: "实际完成值", qualitativeLabel: "实际完成情况（定性）", text: "actualText", value: "actualValue" },
} as const;

type RowProps = {
  index: number;
  isLast: boolean;
  errors: RowErrors | undefined;
  ctx: RowContext;
};

function EditorRowImpl({ index, isLast, errors, ctx }: RowProps) {
  const { control, register, idPrefix } = ctx;
  const view: RowView = useWatch({ control, name: `rows.${index}` as const, compute: rowView });
  const n = index + 1;
  const id = (f: RowField | ActionKey) => fieldDomId(idPrefix, index, f);
  const name = <F extends RowField>(f: F) => `rows.${index}.${f}` as const;
  const qualitative = view.nature === "QUALITATIVE";
  const level2Options = ctx.level2ByGroup.get(view.level1Id) ?? [];

  // aria-label rather than <label> elements: one attribute instead of a dozen extra DOM nodes per row.
  const a11y = (f: RowField, text: string) => ({
    id: id(f),
    "aria-label": `第${n}行 ${text}`,
    "data-field": f,
    "aria-invalid": errors?.[f] ? true : undefined,
    "aria-describedby": errors?.[f] ? `${id(f)}-error` : undefined,
  });
  const errorText = (...fields: RowField[]) =>
    fields.map((f) =>
      errors?.[f] ? (
        <p key={f} id={`${id(f)}-error`} className="mt-1 text-xs text-red-700">
          {errors[f]}
        </p>
      ) : null,
    );

  // A row action's button: its key names the action, its DOM id and data-field (focus returns to it).
  const rowButton = (action: RowAction, text: string, label: string, title: string, { disabled, danger }: { disabled?: boolean; danger?: boolean } = {}) => {
    const key = `action-${action}` as const;
    return (
      <button type="button" id={id(key)} data-field={key} className={danger ? `${ROW_BUTTON} text-red-700` : ROW_BUTTON} aria-label={`第${n}行 ${label}`} title={title} disabled={disabled} onClick={() => ctx.onAction(action, index, key)}>
        {text}
      </button>
    );
  };

  // The 指标值 and 实际完成值 cells: a text for a qualitative indicator; otherwise a number (the
  // target with an optional note under it).
  const valueCell = (side: keyof typeof VALUE_CELLS) => {
    const c = VALUE_CELLS[side];
    return (
      <td role="cell" data-label={c.label} className={CELL}>
        {qualitative ? (
          <>
            <textarea rows={2} {...register(name(c.text))} {...a11y(c.text, c.qualitativeLabel)} className={AREA} placeholder="如：达成预期指标" />
            {errorText(c.text, c.value)}
          </>
        ) : (
          <>
            <input type="text" inputMode="decimal" {...register(name(c.value))} {...a11y(c.value, c.label)} className={`${TEXT} text-right tabular-nums`} autoComplete="off" />
            {side === "target" ? (
              <>
                {errorText(c.value)}
                <input type="text" {...register(name(c.text))} {...a11y(c.text, "说明：指标值（可选）")} className={`${INPUT} mt-1 h-7 py-1 text-xs [contain:size_layout]`} placeholder="说明（可选）" autoComplete="off" />
                {errorText(c.text)}
              </>
            ) : (
              errorText(c.value, c.text)
            )}
          </>
        )}
      </td>
    );
  };

  const level1 = register(name("level1Id"), {
    onChange: (e: { target: { value: string } }) => {
      const l2 = ctx.getValues(name("level2Id"));
      const allowed = ctx.level2ByGroup.get(e.target.value) ?? [];
      if (l2 && !allowed.some((o) => o.id === l2)) ctx.setValue(name("level2Id"), "", { shouldDirty: true });
    },
  });

  return (
    <tr role="row" data-row-index={index} className={`${ROW_LAYOUT} border-b border-slate-200 ${view.applicable ? "" : "bg-slate-100 text-slate-500"}`}>
      <th role="rowheader" scope="row" className="px-2 py-2 text-right text-xs font-normal text-slate-500 tabular-nums max-md:px-1 max-md:text-left max-md:text-sm max-md:font-semibold max-md:text-slate-700">
        <span className="hidden max-md:inline">第 </span>
        {String(n)}
        <span className="hidden max-md:inline"> 项</span>
      </th>
      <td role="cell" data-label="一级指标" className={CELL}>
        <Select {...level1} {...a11y("level1Id", "一级指标")} className={`${INPUT} h-9`} empty="请选择" choices={ctx.groups.map((g) => ({ value: g.id, label: g.name }))} />
        {errorText("level1Id")}
      </td>
      <td role="cell" data-label="二级指标" className={CELL}>
        <Select {...register(name("level2Id"))} {...a11y("level2Id", "二级指标")} className={`${INPUT} h-9`} empty={view.level1Id ? "请选择" : "请先选一级"} choices={level2Options.map((o) => ({ value: o.id, label: o.name }))} />
        {errorText("level2Id")}
      </td>
      <td role="cell" data-label="三级指标" className={CELL}>
        <input type="text" {...register(name("name"))} {...a11y("name", "三级指标")} className={TEXT} autoComplete="off" />
        {errorText("name")}
      </td>
      <td role="cell" data-label="指标性质" className={CELL}>
        <Select {...register(name("nature"))} {...a11y("nature", "指标性质")} className={`${INPUT} h-9`} choices={choicesOf(NATURES, NATURE_LABELS)} />
        {errorText("nature")}
      </td>
      {valueCell("target")}
      <td role="cell" data-label="计量单位" className={CELL}>
        {qualitative ? (
          <span className="block px-2 py-1.5 text-center text-slate-600" title="定性指标无计量单位">
            —
          </span>
        ) : (
          <>
            <input type="text" list={ctx.unitListId} {...register(name("unit"))} {...a11y("unit", "计量单位")} className={TEXT} autoComplete="off" />
          </>
        )}
        {errorText("unit")}
      </td>
      {valueCell("actual")}
      <td role="cell" data-label="分值" className={CELL}>
        <input type="text" inputMode="decimal" {...register(name("weight"))} {...a11y("weight", "分值")} className={`${TEXT} text-right tabular-nums`} autoComplete="off" />
        {errorText("weight")}
      </td>
      <td role="cell" data-label="得分" className={`${CELL} text-right tabular-nums`}>
        {qualitative && view.applicable ? (
          <>
            <input type="text" inputMode="decimal" {...register(name("manualScore"))} {...a11y("manualScore", "得分（定性，手工评分）")} className={`${TEXT} text-right tabular-nums`} autoComplete="off" />
          </>
        ) : (
          <span className="block px-1 py-1.5" title={!view.applicable ? "不适用，不计分" : view.incomplete ? "填写指标值、实际完成值和分值后自动计算" : "按指标值、实际完成值和分值自动计算"}>
            {!view.applicable ? "不适用" : (view.score ?? "—")}
          </span>
        )}
        {errorText("manualScore")}
      </td>
      <td role="cell" data-label="适用" className={`${CELL} text-center`}>
        <input type="checkbox" {...register(name("applicable"))} {...a11y("applicable", "适用")} className="mt-2 h-4 w-4 accent-brand-700" />
        {errorText("applicable")}
      </td>
      <td role="cell" data-label="偏差原因分析及改进措施" className={CELL}>
        <textarea
          rows={2}
          {...register(name("deviationReason"))}
          {...a11y("deviationReason", "偏差原因分析及改进措施")}
          aria-required={view.reasonRequired || undefined}
          className={`${AREA} ${view.reasonRequired ? "border-amber-500 bg-amber-50" : ""}`}
          placeholder={view.reasonRequired ? "未达到指标值，请填写偏差原因分析及改进措施" : ""}
        />
        {view.reasonMissing && !errors?.deviationReason ? <p className="mt-1 text-xs text-amber-800">未达到指标值，需填写</p> : null}
        {errorText("deviationReason")}
      </td>
      <td role="cell" data-label="操作" className={CELL}>
        <div className="flex flex-wrap gap-1">
          {rowButton("up", "↑", "上移", "上移（Alt+↑）", { disabled: index === 0 })}
          {rowButton("down", "↓", "下移", "下移（Alt+↓）", { disabled: isLast })}
          {rowButton("insert", "插入", "在下方插入", "在下方插入一行（Alt+Insert 或 Ctrl+Enter）")}
          {ctx.hasLibrary ? rowButton("library", "指标库", "选用指标库（插入到下方）", "从指标库选择，插入到本行下方") : null}
          {rowButton("delete", "删除", "删除", "删除本行", { danger: true })}
        </div>
      </td>
    </tr>
  );
}

export const EditorRow = memo(
  EditorRowImpl,
  (a, b) => a.index === b.index && a.isLast === b.isLast && a.ctx === b.ctx && sameRowErrors(a.errors, b.errors),
);
