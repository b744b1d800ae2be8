#include "store/schema_sql.h"

namespace dd::store::schema {
namespace {

// The six typed loci: the raw string as received and the engine's normal form.
QString hlaColumns() {
  QString columns;
  for (const char* locus : {"a", "b", "c", "drb1", "dqb1", "dpb1"})
    columns += QStringLiteral("  hla_%1_raw TEXT,\n  hla_%1 TEXT,\n").arg(QLatin1String(locus));
  return columns;
}

}  // namespace

QStringList version1() {
  return {
      QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
      QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', '0')"),
      QStringLiteral("INSERT INTO meta (key, value) VALUES ('registry_prefix', 'SD')"),
      QStringLiteral("INSERT INTO meta (key, value) VALUES ('volunteer_serial', '0')"),
      QStringLiteral("INSERT INTO meta (key, value) VALUES ('patient_serial', '0')"),
      QStringLiteral("CREATE TABLE staff_user (\n"
                     "  id %ID%,\n"
                     "  login TEXT NOT NULL UNIQUE,\n"
                     "  display_name TEXT NOT NULL,\n"
                     "  role TEXT NOT NULL,\n"
                     "  active INTEGER NOT NULL DEFAULT 1,\n"
                     "  password_hash TEXT,\n"
                     "  created_at TEXT NOT NULL,\n"
                     "  row_version INTEGER NOT NULL DEFAULT 1)"),
      QStringLiteral("CREATE TABLE import_batch (\n"
                     "  id %ID%,\n"
                     "  kind TEXT NOT NULL,\n"
                     "  source_file TEXT,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  created_at TEXT NOT NULL,\n"
                     "  row_count INTEGER NOT NULL DEFAULT 0,\n"
                     "  drive_date DATE,\n"
                     "  drive_place TEXT,\n"
                     "  drive_organiser TEXT,\n"
                     "  note TEXT)"),
      QStringLiteral("CREATE TABLE patient (\n"
                     "  id %ID%,\n"
                     "  case_no TEXT NOT NULL UNIQUE,\n"
                     "  name TEXT NOT NULL,\n"
                     "  sex TEXT NOT NULL CHECK (sex IN ('M', 'F')),\n"
                     "  birth_date DATE NOT NULL,\n"
                     "  diagnosis TEXT,\n"
                     "  hospital TEXT,\n"
                     "  physician TEXT,\n") +
          hlaColumns() +
          QStringLiteral("  abo TEXT,\n"
                         "  rh TEXT,\n"
                         "  cmv TEXT,\n"
                         "  weight_kg DOUBLE PRECISION,\n"
                         "  urgency TEXT NOT NULL DEFAULT 'normal',\n"
                         "  search_request_date DATE,\n"
                         "  search_status TEXT NOT NULL DEFAULT 'requested',\n"
                         "  notes TEXT,\n"
                         "  created_at TEXT NOT NULL,\n"
                         "  updated_at TEXT NOT NULL,\n"
                         "  row_version INTEGER NOT NULL DEFAULT 1)"),
      QStringLiteral("CREATE TABLE volunteer (\n"
                     "  id %ID%,\n"
                     "  registry_no TEXT NOT NULL UNIQUE,\n"
                     "  name TEXT NOT NULL,\n"
                     "  sex TEXT NOT NULL CHECK (sex IN ('M', 'F')),\n"
                     "  birth_date DATE NOT NULL,\n"
                     "  ethnicity TEXT,\n"
                     "  id_number TEXT NOT NULL UNIQUE,\n"
                     "  wechat TEXT,\n"
                     "  email TEXT,\n"
                     "  address TEXT,\n"
                     "  prefecture TEXT,\n"
                     "  county TEXT,\n"
                     "  work_unit TEXT,\n"
                     "  emergency_name TEXT,\n"
                     "  emergency_relation TEXT,\n"
                     "  emergency_phone TEXT,\n"
                     "  abo TEXT,\n"
                     "  rh TEXT,\n"
                     "  cmv TEXT,\n"
                     "  weight_kg DOUBLE PRECISION,\n"
                     "  drive_date DATE,\n"
                     "  drive_place TEXT,\n"
                     "  drive_organiser TEXT,\n"
                     "  sample_id TEXT,\n"
                     "  lab TEXT,\n"
                     "  typing_date DATE,\n") +
          hlaColumns() +
          QStringLiteral("  consent_date DATE,\n"
                         "  consent_version TEXT,\n"
                         "  status TEXT NOT NULL CHECK (status IN ('active', 'temporarily_deferred',\n"
                         "    'permanently_deferred', 'reserved', 'lost_contact', 'withdrawn', 'donated', 'retired')),\n"
                         "  status_reason TEXT,\n"
                         "  status_until DATE,\n"
                         "  reserved_patient_id BIGINT REFERENCES patient (id),\n"
                         "  withdrawal_stage TEXT,\n"
                         "  donation_date DATE,\n"
                         "  donation_count INTEGER NOT NULL DEFAULT 0,\n"
                         "  import_batch_id BIGINT REFERENCES import_batch (id),\n"
                         "  created_at TEXT NOT NULL,\n"
                         "  updated_at TEXT NOT NULL,\n"
                         "  row_version INTEGER NOT NULL DEFAULT 1)"),
      QStringLiteral("CREATE INDEX volunteer_name ON volunteer (name)"),
      QStringLiteral("CREATE INDEX volunteer_birth ON volunteer (birth_date)"),
      QStringLiteral("CREATE INDEX volunteer_status ON volunteer (status)"),
      QStringLiteral("CREATE INDEX volunteer_region ON volunteer (prefecture, county)"),
      QStringLiteral("CREATE TABLE volunteer_phone (\n"
                     "  id %ID%,\n"
                     "  volunteer_id BIGINT NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,\n"
                     "  position INTEGER NOT NULL,\n"
                     "  number TEXT NOT NULL,\n"
                     "  label TEXT,\n"
                     "  is_current INTEGER NOT NULL DEFAULT 0)"),
      QStringLiteral("CREATE INDEX volunteer_phone_owner ON volunteer_phone (volunteer_id)"),
      QStringLiteral("CREATE INDEX volunteer_phone_number ON volunteer_phone (number)"),
      QStringLiteral("CREATE TABLE status_change (\n"
                     "  id %ID%,\n"
                     "  volunteer_id BIGINT NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,\n"
                     "  changed_at TEXT NOT NULL,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  old_status TEXT,\n"
                     "  new_status TEXT NOT NULL,\n"
                     "  reason TEXT,\n"
                     "  until_date DATE,\n"
                     "  patient_id BIGINT REFERENCES patient (id),\n"
                     "  stage TEXT)"),
      QStringLiteral("CREATE INDEX status_change_volunteer ON status_change (volunteer_id)"),
      QStringLiteral("CREATE TABLE contact_attempt (\n"
                     "  id %ID%,\n"
                     "  volunteer_id BIGINT NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,\n"
                     "  contacted_at TEXT NOT NULL,\n"
                     "  channel TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'wechat', 'mail', 'visit')),\n"
                     "  staff TEXT NOT NULL,\n"
                     "  outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'refused')),\n"
                     "  note TEXT)"),
      QStringLiteral("CREATE INDEX contact_attempt_volunteer ON contact_attempt (volunteer_id, contacted_at)"),
      QStringLiteral("CREATE TABLE workup_case (\n"
                     "  id %ID%,\n"
                     "  patient_id BIGINT NOT NULL REFERENCES patient (id),\n"
                     "  volunteer_id BIGINT NOT NULL REFERENCES volunteer (id),\n"
                     "  stage TEXT NOT NULL,\n"
                     "  initial_match_date DATE,\n"
                     "  confirmatory_typing_date DATE,\n"
                     "  medical_exam_date DATE,\n"
                     "  consent_signed_date DATE,\n"
                     "  mobilisation_date DATE,\n"
                     "  collection_date DATE,\n"
                     "  product_delivered_date DATE,\n"
                     "  follow_up_date DATE,\n"
                     "  stopped_date DATE,\n"
                     "  stop_reason TEXT,\n"
                     "  regret_stage TEXT,\n"
                     "  notes TEXT,\n"
                     "  created_at TEXT NOT NULL,\n"
                     "  updated_at TEXT NOT NULL,\n"
                     "  row_version INTEGER NOT NULL DEFAULT 1)"),
      QStringLiteral("CREATE INDEX workup_case_patient ON workup_case (patient_id)"),
      QStringLiteral("CREATE INDEX workup_case_volunteer ON workup_case (volunteer_id)"),
      QStringLiteral("CREATE TABLE audit_log (\n"
                     "  id %ID%,\n"
                     "  at TEXT NOT NULL,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  action TEXT NOT NULL,\n"
                     "  entity TEXT NOT NULL,\n"
                     "  entity_id BIGINT,\n"
                     "  field TEXT,\n"
                     "  old_value TEXT,\n"
                     "  new_value TEXT)"),
      QStringLiteral("CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)"),
  };
}

QStringList version2() {
  return {
      QStringLiteral("ALTER TABLE volunteer ADD COLUMN last_contact_ok DATE"),
      // Backfill from the contact log so existing registries keep their history.
      QStringLiteral("UPDATE volunteer SET last_contact_ok = (\n"
                     "  SELECT MAX(substr(c.contacted_at, 1, 10)) FROM contact_attempt c\n"
                     "  WHERE c.volunteer_id = volunteer.id AND c.outcome = 'reached')%TODATE%"),
      QStringLiteral("CREATE INDEX volunteer_last_contact ON volunteer (last_contact_ok)"),
  };
}

// The donation consent printed for a case: template version and fingerprint
// (documents::DocumentTemplate::versionLabel), so the signed text can be traced.
QStringList version3() { return {QStringLiteral("ALTER TABLE workup_case ADD COLUMN consent_template TEXT")}; }

QStringList version4() { return {QStringLiteral("ALTER TABLE workup_case ADD COLUMN stage_note TEXT")}; }

QStringList version5() { return {QStringLiteral("ALTER TABLE volunteer_phone ADD COLUMN replaced_on TEXT")}; }

QStringList version6() {
  // Existing cases get the code a new case would have had: the patient's
  // case number and the case's place among that patient's cases.
  // (Plain SQL both SQLite and PostgreSQL run: no LPAD in SQLite.)
  const QString nth = QStringLiteral("(SELECT COUNT(*) FROM workup_case w2 WHERE w2.patient_id = "
                                     "workup_case.patient_id AND w2.id <= workup_case.id)");
  return {QStringLiteral("ALTER TABLE workup_case ADD COLUMN case_code TEXT"),
          QStringLiteral("UPDATE workup_case SET case_code = (SELECT p.case_no FROM patient p WHERE p.id = "
                         "workup_case.patient_id) || '-' || CASE WHEN %1 < 10 THEN '0' ELSE '' END || CAST(%1 AS TEXT)")
              .arg(nth),
          QStringLiteral("CREATE UNIQUE INDEX workup_case_code ON workup_case (case_code)")};
}

QStringList version7() {
  // Volunteers generate wrote before this version sit in its "generated"
  // import batches; its patients cannot be told apart and stay unmarked.
  return {QStringLiteral("ALTER TABLE volunteer ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("ALTER TABLE patient ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("UPDATE volunteer SET synthetic = 1 WHERE import_batch_id IN "
                         "(SELECT id FROM import_batch WHERE kind = 'generated')")};
}

QStringList version8() {
  // Added columns only: every stored volunteer keeps its data and has no
  // second contact until staff record one.
  return {QStringLiteral("ALTER TABLE volunteer ADD COLUMN emergency2_name TEXT"),
          QStringLiteral("ALTER TABLE volunteer ADD COLUMN emergency2_relation TEXT"),
          QStringLiteral("ALTER TABLE volunteer ADD COLUMN emergency2_phone TEXT"),
          QStringLiteral("ALTER TABLE volunteer ADD COLUMN emergency2_address TEXT")};
}

QStringList version9() {
  // Every open GUI on a shared PostgreSQL registry keeps a search index and
  // a volunteer list: this tells them which volunteer another workstation
  // wrote as soon as it commits (LISTEN donordesk_volunteer), so they update
  // that volunteer instead of rebuilding from a million rows before the
  // next search. The payload is "<schema> <volunteer id>" (several registries
  // may share one database). A transaction writing more than a thousand
  // volunteers (an import, generate) sends one "<schema> 0" instead: re-read
  // them all. SQLite has no LISTEN and gets the index below only.
  return {
      QStringLiteral(
          "%POSTGRES%CREATE OR REPLACE FUNCTION volunteer_notify_change() RETURNS trigger "
          "LANGUAGE plpgsql AS $body$\n"
          "DECLARE\n"
          "  sent integer := COALESCE(NULLIF(current_setting('donordesk.volunteer_notices', true), "
          "'')::integer, 0);\n"
          "BEGIN\n"
          "  IF sent < 1000 THEN\n"
          "    PERFORM pg_notify('donordesk_volunteer', TG_TABLE_SCHEMA || ' ' || "
          "CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);\n"
          "  ELSIF sent = 1000 THEN\n"
          "    PERFORM pg_notify('donordesk_volunteer', TG_TABLE_SCHEMA || ' 0');\n"
          "  END IF;\n"
          "  IF sent <= 1000 THEN\n"
          "    PERFORM set_config('donordesk.volunteer_notices', (sent + 1)::text, true);\n"
          "  END IF;\n"
          "  RETURN NULL;\n"
          "END\n"
          "$body$"),
      QStringLiteral("%POSTGRES%CREATE TRIGGER volunteer_notify_change AFTER INSERT OR UPDATE OR DELETE ON "
                     "volunteer FOR EACH ROW EXECUTE FUNCTION volunteer_notify_change()"),
      // The change stamp (count, highest id, sum of row versions) is
      // read on every open and before searches: from this narrow index
      // it reads a few MB instead of every volunteer's row.
      QStringLiteral("CREATE INDEX volunteer_row_version ON volunteer (row_version)")};
}

}  // namespace dd::store::schema
