"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "@/lib/zod";
import { Button } from "@/components/ui/button";
import { SaveBanner } from "@/components/ui/save-banner";
import { useUnsavedChangesWarning } from "@/components/ui/use-unsaved-changes-warning";
import type { ActionResult } from "@/lib/action-result";
import type { ReportKind, ReportStatus } from "@/lib/generated/prisma/enums";
import { saveSectionsAction, transitionReportAction } from "../actions";
import type { CheckItem, ReportCheck } from "../check-report";
import { sectionsSchema, type SectionsInput } from "../schema";
import type { ProjectView } from "../snapshot";
import { isDataSection, sectionsFor } from "../template";
import { TRANSITIONS, type TransitionAction } from "../workflow";
import { CheckItems, CheckPanel } from "./check-panel";
import { CommentComposer, type CommentItem, CommentList } from "./comments";
import { isGroupSection, sectionLevel } from "./labels";
import { NarrativeBody, SectionHeading } from "./narrative";
import { RegenerateSectionButton } from "./regenerate-section-button";
import { ReportProject } from "./report-project";
import { TransitionDialog } from "./transition-dialog";
import { onSaveShortcut } from "@/components/ui/save-shortcut";

export type ReportCan = Record<TransitionAction | "edit" | "comment" | "resolve", boolean>;

export type ReportViewProps = {
  report: { id: string; kind: ReportKind; status: ReportStatus; version: number; sections: { key: string; heading: string; body: string }[] };
  comments: CommentItem[];
  project: ProjectView | null;
  check: ReportCheck | null;
  can: ReportCan;
  /** Where the owner fixes an indicator row (the editor), when they may; else the report's read-only copy is linked. */
  indicatorEditorHref?: string | null;
};

type SectionsValues = z.output<typeof sectionsSchema>;
type Banner = { kind: "saved" | "error" | "conflict"; text: string };

const ACTION_ORDER: TransitionAction[] = ["submit", "deptApprove", "deptReturn", "approve", "return", "publish", "reopen"];
const DONE_TEXT: Record<TransitionAction, string> = {
  submit: "已提交审核。审核结果会通知您。",
  deptReturn: "已退回修改，填报人会收到通知。",
  deptApprove: "已通过部门审核，报告已报送财政审核。",
  return: "已退回修改，填报人会收到通知。",
  approve: "已审核通过。",
  publish: "已公开。公开页面已生成。",
  reopen: "已重新打开，报告回到草稿，填报人会收到通知。",
};

const timeNow = () => new Date().toLocaleTimeString("zh-CN", { hour12: false });

/**
 * The working view of one report: the action bar (what `can` allows), the
 * pre-submission check, reviewer comments in place, the narrative (an editor for the
 * owner while the report is a draft or returned, plain text otherwise) and the
 * project's figures and indicators. Every write carries the version the page was
 * loaded with; a "stale" answer shows the conflict banner.
 */
export function ReportView({ report, comments, project, check, can, indicatorEditorHref }: ReportViewProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [version, setVersion] = useState(report.version);
  const [seenVersion, setSeenVersion] = useState(report.version);
  if (seenVersion !== report.version) {
    // Fresh server data (after router.refresh or someone else's change): take its version.
    setSeenVersion(report.version);
    setVersion(report.version);
  }
  const [banner, setBanner] = useState<Banner | null>(null);
  const [blocking, setBlocking] = useState<CheckItem[] | null>(null);
  const [dialog, setDialog] = useState<TransitionAction | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const allowLeave = useRef(false);

  const template = sectionsFor(report.kind);
  const editableSections = template.filter((s) => !s.group);
  const editing = can.edit && editableSections.length > 0;
  const bodyByKey = new Map(report.sections.map((s) => [s.key, s.body]));
  // Stored headings win (a year document's headings carry its year and the printed wording).
  const headingByKey = new Map(report.sections.map((s) => [s.key, s.heading]));
  const form = useForm<SectionsInput, unknown, SectionsValues>({
    resolver: zodResolver(sectionsSchema),
    defaultValues: { sections: editableSections.map((s) => ({ key: s.key, body: bodyByKey.get(s.key) ?? "" })) },
  });
  const {
    register,
    formState: { isDirty, errors },
  } = form;
  useUnsavedChangesWarning(editing && isDirty, allowLeave);

  // Where each comment is shown: under its section or indicator row, else at the top.
  const sectionSlots = new Set(editing ? editableSections.map((s) => s.key) : report.sections.filter((s) => !isGroupSection(template, s.key, s.body)).map((s) => s.key));
  const indicatorSlots = new Set(project?.indicators.map((i) => i.id) ?? []);
  const placed = (c: CommentItem) => (c.sectionKey != null && sectionSlots.has(c.sectionKey)) || (c.indicatorId != null && indicatorSlots.has(c.indicatorId));
  const general = comments.filter((c) => !placed(c));
  const commentsOfSection = (key: string) => comments.filter((c) => c.sectionKey === key && sectionSlots.has(key));
  const commentsOfIndicator = (id: string) => comments.filter((c) => c.indicatorId === id && !(c.sectionKey && sectionSlots.has(c.sectionKey)));
  const openComments = comments.filter((c) => !c.resolved).length;

  const refusal = (r: Extract<ActionResult, { ok: false }>) => {
    setBanner({ kind: r.reason === "stale" ? "conflict" : "error", text: r.message });
  };

  /** Saves the narrative; the new version, or null when refused or invalid. */
  const saveNow = (current: number) =>
    new Promise<number | null>((resolve) => {
      void form.handleSubmit(
        async (values) => {
          const r = await saveSectionsAction(report.id, current, values);
          if (!r.ok) {
            refusal(r);
            resolve(null);
            return;
          }
          setVersion(r.version);
          form.reset(values);
          resolve(r.version);
        },
        () => {
          setBanner({ kind: "error", text: "正文有误，请按提示修改后再保存" });
          resolve(null);
        },
      )();
    });

  const onSave = () => {
    if (!editing || pending) return;
    setBanner(null);
    startTransition(async () => {
      const v = await saveNow(version);
      if (v !== null) {
        setBlocking(null); // the check panel below shows the fresh state
        setBanner({ kind: "saved", text: `已保存（${timeNow()}）` });
        router.refresh();
      }
    });
  };

  const confirm = (action: TransitionAction, comment: string) =>
    startTransition(async () => {
      setDialogError(null);
      let v = version;
      if (action === "submit" && editing && form.formState.isDirty) {
        const saved = await saveNow(v);
        if (saved === null) {
          setDialog(null);
          return;
        }
        v = saved;
      }
      const r = await transitionReportAction(report.id, v, { action, comment });
      if (r.ok) {
        setVersion(r.version);
        setDialog(null);
        setBlocking(null);
        setBanner({ kind: "saved", text: DONE_TEXT[action] });
        router.refresh();
        return;
      }
      if ("blocking" in r) {
        setDialog(null);
        setBanner(null);
        setBlocking(r.blocking);
        router.refresh();
        return;
      }
      if (r.reason === "invalid") {
        setDialogError(r.fieldErrors?.[0]?.message ?? r.message);
        return;
      }
      setDialog(null);
      refusal(r);
    });

  const actions = ACTION_ORDER.filter((a) => can[a]);
  const showCheck = check && (can.resolve || can.comment) && report.status !== "PUBLISHED";

  return (
    <div className="space-y-6">
      {actions.length > 0 || editing ? (
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white/95 px-4 py-3 shadow-sm backdrop-blur" role="toolbar" aria-label="报告操作">
          {editing ? (
            <>
              <Button onClick={onSave} disabled={pending || !isDirty} variant={isDirty ? "primary" : "secondary"}>
                {pending ? "正在处理…" : "保存"}
              </Button>
              <span className="text-xs text-slate-500" data-testid="save-hint">
                快捷键 Ctrl+S 保存{isDirty ? " · 有未保存的修改" : ""}
              </span>
            </>
          ) : null}
          <div className="ml-auto flex flex-wrap gap-2">
            {actions.map((a) => (
              <Button
                key={a}
                variant={TRANSITIONS[a].commentRequired ? "secondary" : "primary"}
                disabled={pending}
                onClick={() => {
                  setDialogError(null);
                  setDialog(a);
                }}
              >
                {TRANSITIONS[a].label}
              </Button>
            ))}
          </div>
        </div>
      ) : null}

      {banner ? (
        <SaveBanner
          banner={banner}
          testIdPrefix="report"
          hasUnsavedEdits={editing && isDirty}
          onBeforeReload={() => {
            allowLeave.current = true;
          }}
        />
      ) : null}

      {blocking ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3" data-testid="submit-blocked">
          <p className="mb-2 text-sm font-semibold text-red-800">还有 {blocking.length} 个问题需要处理后才能提交：</p>
          <CheckItems items={blocking} tone="blocking" indicatorEditorHref={indicatorEditorHref} />
        </div>
      ) : null}

      {showCheck ? <CheckPanel check={check} kind={report.kind} indicatorEditorHref={indicatorEditorHref} /> : null}

      {general.length > 0 || can.comment ? (
        <section aria-labelledby="general-comments-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="general-comments">
          <h2 id="general-comments-heading" className="mb-3 text-base font-semibold">
            审核意见
            {comments.length > 0 ? (
              <span className="ml-2 text-sm font-normal text-slate-500">
                共 {comments.length} 条，未解决 {openComments} 条
              </span>
            ) : null}
          </h2>
          {general.length === 0 ? <p className="mb-2 text-sm text-slate-500">暂无针对整个报告的意见。</p> : null}
          <CommentList reportId={report.id} comments={general} canResolve={can.resolve} label="针对整个报告的意见" />
          {can.comment ? (
            <div className="mt-3">
              <CommentComposer reportId={report.id} target="整个报告" />
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="narrative-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="narrative-heading" className="mb-4 text-lg font-semibold">
          报告正文
        </h2>
        {editing ? (
          <form
            id="report-editor"
            noValidate
            className="space-y-6"
            onSubmit={(e) => {
              e.preventDefault();
              onSave();
            }}
            onKeyDown={onSaveShortcut(onSave)}
          >
            <p className="text-sm text-slate-600">正文按纯文本保存和显示，换行会保留。带“必填”标记的章节须填写后才能提交。</p>
            {template.map((def) => {
              if (def.group) {
                return (
                  <SectionHeading key={def.key} level={def.level} id={`section-${def.key}`}>
                    {headingByKey.get(def.key) ?? def.heading}
                  </SectionHeading>
                );
              }
              const i = editableSections.indexOf(def);
              const fieldId = `section-body-${def.key}`;
              const error = errors.sections?.[i]?.body?.message;
              return (
                <div key={def.key} id={`section-${def.key}`} className="scroll-mt-24 space-y-2" data-testid="section-editor">
                  <div className="flex flex-wrap items-baseline gap-2">
                    <SectionHeading level={def.level}>
                      <label htmlFor={fieldId}>{headingByKey.get(def.key) ?? def.heading}</label>
                    </SectionHeading>
                    {def.required ? <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">必填</span> : null}
                    {isDataSection(report.kind, def.key) ? (
                      <RegenerateSectionButton
                        reportId={report.id}
                        sectionKey={def.key}
                        heading={def.heading}
                        fieldId={fieldId}
                        disabled={pending}
                        current={() => form.getValues(`sections.${i}.body`) ?? ""}
                        onReplace={(body) => form.setValue(`sections.${i}.body`, body, { shouldDirty: true })}
                      />
                    ) : null}
                  </div>
                  {def.hint ? (
                    <p id={`${fieldId}-hint`} className="text-xs text-slate-500">
                      {def.hint}
                    </p>
                  ) : null}
                  <textarea
                    id={fieldId}
                    rows={5}
                    aria-required={def.required}
                    aria-invalid={!!error}
                    aria-describedby={def.hint ? `${fieldId}-hint` : undefined}
                    disabled={pending}
                    className="block w-full resize-y rounded-md border border-slate-300 px-3 py-2 text-[15px] leading-7 aria-[invalid=true]:border-red-600 disabled:bg-slate-50"
                    {...register(`sections.${i}.body`)}
                  />
                  {error ? <p className="text-sm text-red-700">{error}</p> : null}
                  <CommentList reportId={report.id} comments={commentsOfSection(def.key)} canResolve={can.resolve} label={`对“${def.heading}”的意见`} />
                </div>
              );
            })}
          </form>
        ) : (
          <div className="space-y-5" data-testid="narrative">
            {can.edit && !editing ? (
              <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">此类报告暂不支持在线编辑正文。</p>
            ) : null}
            {report.sections.length === 0 ? <p className="text-sm text-slate-500">暂无正文。</p> : null}
            {report.sections.map((s) => {
              const group = isGroupSection(template, s.key, s.body);
              return (
                <div key={s.key} id={`section-${s.key}`} className="scroll-mt-24 space-y-2" data-testid={group ? undefined : "section"}>
                  <div className="flex flex-wrap items-center gap-2">
                    <SectionHeading level={sectionLevel(s.heading, s.key)}>{s.heading}</SectionHeading>
                    {!group && can.comment ? <CommentComposer reportId={report.id} sectionKey={s.key} target={s.heading} /> : null}
                  </div>
                  {group && !s.body.trim() ? null : <NarrativeBody body={s.body} />}
                  <CommentList reportId={report.id} comments={commentsOfSection(s.key)} canResolve={can.resolve} label={`对“${s.heading}”的意见`} />
                </div>
              );
            })}
          </div>
        )}
      </section>

      {project ? (
        <section aria-labelledby="project-part-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="project-part-heading" className="mb-4 text-lg font-semibold">
            项目支出绩效自评表
          </h2>
          <ReportProject
            project={project}
            indicatorExtra={({ id, name }) => {
              const list = commentsOfIndicator(id);
              if (list.length === 0 && !can.comment) return null;
              return (
                <div className="space-y-2">
                  <CommentList reportId={report.id} comments={list} canResolve={can.resolve} label={`对指标“${name}”的意见`} />
                  {can.comment ? <CommentComposer reportId={report.id} indicatorId={id} target={`指标“${name}”`} /> : null}
                </div>
              );
            }}
          />
        </section>
      ) : null}

      {dialog ? (
        <TransitionDialog
          key={dialog}
          action={dialog}
          pending={pending}
          serverError={dialogError}
          onConfirm={(comment) => confirm(dialog, comment)}
          onClose={() => {
            if (!pending) setDialog(null);
          }}
        />
      ) : null}
    </div>
  );
}
