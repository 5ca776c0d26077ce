-- Integrity rules that Prisma's schema language cannot express. The database enforces
-- them whatever the application does.

-- The audit log is append-only: UPDATE, DELETE and TRUNCATE are rejected.
CREATE FUNCTION "jixiao_reject_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % rejected', TG_OP USING ERRCODE = '42501';
END;
$$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "jixiao_reject_audit_change"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_reject_audit_change"();

-- A published version is frozen: it cannot be deleted, and only "supersededAt" may be set.
CREATE FUNCTION "jixiao_freeze_publication"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'ReportPublication is frozen: % rejected', TG_OP USING ERRCODE = '42501';
  END IF;
  IF (NEW."id", NEW."reportId", NEW."versionNo", NEW."snapshot", NEW."publishedAt", NEW."publishedById", NEW."correctionNote")
     IS DISTINCT FROM (OLD."id", OLD."reportId", OLD."versionNo", OLD."snapshot", OLD."publishedAt", OLD."publishedById", OLD."correctionNote") THEN
    RAISE EXCEPTION 'ReportPublication is frozen: only "supersededAt" may change' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "ReportPublication_frozen" BEFORE UPDATE OR DELETE ON "ReportPublication"
  FOR EACH ROW EXECUTE FUNCTION "jixiao_freeze_publication"();
CREATE TRIGGER "ReportPublication_no_truncate" BEFORE TRUNCATE ON "ReportPublication"
  FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_freeze_publication"();

-- Domain checks.
ALTER TABLE "User" ADD CONSTRAINT "User_owner_has_department"
  CHECK ("role" <> 'OWNER' OR "departmentId" IS NOT NULL);
ALTER TABLE "ProjectFunding" ADD CONSTRAINT "ProjectFunding_amounts_non_negative"
  CHECK ("initialBudget" >= 0 AND "annualBudget" >= 0 AND "executed" >= 0);
ALTER TABLE "FundAllocation" ADD CONSTRAINT "FundAllocation_amount_non_negative" CHECK ("amount" >= 0);
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_points_non_negative"
  CHECK (("weight" IS NULL OR "weight" >= 0) AND ("manualScore" IS NULL OR "manualScore" >= 0));
ALTER TABLE "FrameworkLevel1" ADD CONSTRAINT "FrameworkLevel1_points_range" CHECK ("points" >= 0 AND "points" <= 100);
ALTER TABLE "Report" ADD CONSTRAINT "Report_project_scope"
  CHECK (("kind" = 'PROJECT_SELF_EVALUATION') = ("projectId" IS NOT NULL));
ALTER TABLE "Project" ADD CONSTRAINT "Project_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Report" ADD CONSTRAINT "Report_version_positive" CHECK ("version" >= 1);
ALTER TABLE "FunctionClass" ADD CONSTRAINT "FunctionClass_code_shape"
  CHECK ("code" ~ '^[0-9]{3}([0-9]{2}([0-9]{2})?)?$' AND "level" = length("code") / 2);
