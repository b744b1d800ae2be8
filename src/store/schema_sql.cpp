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

QStringList version10() {
  // Retention: contact freshness, readiness checks, campaigns, groups, the
  // late-withdrawal risk of cases, follow-ups after a donation, and a log of
  // searches for the statistics. Added columns and new tables only, except
  // contact_attempt, whose outcome list grows by the two results an SMS
  // platform reports (delivered, undelivered): PostgreSQL swaps the check,
  // SQLite (which cannot alter a check) copies the table over.
  const QString outcomes = QStringLiteral(
      "outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'refused', 'delivered', "
      "'undelivered'))");
  return {
      // volunteer: the freshness columns are maintained from the contact log
      // like last_contact_ok; the backfill counts the failed attempts since
      // the last one that reached them.
      QStringLiteral("ALTER TABLE volunteer ADD COLUMN emergency_address TEXT"),
      QStringLiteral("ALTER TABLE volunteer ADD COLUMN last_contact_channel TEXT"),
      QStringLiteral("ALTER TABLE volunteer ADD COLUMN failed_contacts INTEGER NOT NULL DEFAULT 0"),
      QStringLiteral("ALTER TABLE volunteer ADD COLUMN last_readiness_check DATE"),
      QStringLiteral("ALTER TABLE volunteer ADD COLUMN reservation_expires DATE"),
      QStringLiteral("ALTER TABLE volunteer ADD COLUMN withdrawal_requested_on DATE"),
      QStringLiteral("UPDATE volunteer SET last_contact_channel = (\n"
                     "  SELECT c.channel FROM contact_attempt c WHERE c.volunteer_id = volunteer.id\n"
                     "  AND c.outcome = 'reached' ORDER BY c.contacted_at DESC, c.id DESC LIMIT 1)"),
      QStringLiteral("UPDATE volunteer SET failed_contacts = (\n"
                     "  SELECT COUNT(*) FROM contact_attempt c WHERE c.volunteer_id = volunteer.id\n"
                     "  AND c.outcome IN ('no_answer', 'wrong_number')\n"
                     "  AND c.contacted_at > COALESCE((SELECT MAX(r.contacted_at) FROM contact_attempt r\n"
                     "    WHERE r.volunteer_id = volunteer.id AND r.outcome = 'reached'), ''))"),
      QStringLiteral("CREATE INDEX volunteer_failed_contacts ON volunteer (failed_contacts)"),
      QStringLiteral("CREATE INDEX volunteer_readiness ON volunteer (last_readiness_check)"),
      QStringLiteral("CREATE INDEX volunteer_reservation_expires ON volunteer (reservation_expires)"),
      QStringLiteral("CREATE INDEX volunteer_withdrawal_requested ON volunteer (withdrawal_requested_on)"),
      QStringLiteral("ALTER TABLE volunteer_phone ADD COLUMN known_bad_on TEXT"),
      // the phone-bad worklist starts from the few numbers marked bad
      QStringLiteral("CREATE INDEX volunteer_phone_known_bad ON volunteer_phone (known_bad_on)"),
      QStringLiteral("ALTER TABLE patient ADD COLUMN overseas INTEGER NOT NULL DEFAULT 0"),
      // campaigns first: contact_attempt refers to them
      QStringLiteral("CREATE TABLE campaign (\n"
                     "  id %ID%,\n"
                     "  name TEXT NOT NULL,\n"
                     "  message_template TEXT NOT NULL,\n"
                     "  channel TEXT NOT NULL DEFAULT 'sms',\n"
                     "  region TEXT,\n"
                     "  not_reached_months INTEGER NOT NULL DEFAULT 0,\n"
                     "  status_filter TEXT,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  note TEXT,\n"
                     "  created_at TEXT NOT NULL,\n"
                     "  updated_at TEXT NOT NULL,\n"
                     "  row_version INTEGER NOT NULL DEFAULT 1)"),
      QStringLiteral("CREATE TABLE campaign_message (\n"
                     "  id %ID%,\n"
                     "  campaign_id BIGINT NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,\n"
                     "  volunteer_id BIGINT NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,\n"
                     "  phone TEXT NOT NULL,\n"
                     "  message_id TEXT NOT NULL UNIQUE,\n"
                     "  text TEXT NOT NULL,\n"
                     "  exported_at TEXT,\n"
                     "  delivery TEXT,\n"
                     "  reply TEXT,\n"
                     "  replied_at TEXT,\n"
                     "  applied_at TEXT)"),
      QStringLiteral("CREATE INDEX campaign_message_campaign ON campaign_message (campaign_id, phone)"),
      QStringLiteral("CREATE INDEX campaign_message_volunteer ON campaign_message (volunteer_id)"),
      QStringLiteral("%POSTGRES%ALTER TABLE contact_attempt DROP CONSTRAINT contact_attempt_outcome_check"),
      QStringLiteral("%POSTGRES%ALTER TABLE contact_attempt ADD CONSTRAINT contact_attempt_outcome_check CHECK "
                     "(outcome IN ('reached', 'no_answer', 'wrong_number', 'refused', 'delivered', "
                     "'undelivered'))"),
      QStringLiteral("%POSTGRES%ALTER TABLE contact_attempt ADD COLUMN phone TEXT"),
      QStringLiteral("%POSTGRES%ALTER TABLE contact_attempt ADD COLUMN person TEXT NOT NULL DEFAULT 'volunteer'"),
      QStringLiteral("%POSTGRES%ALTER TABLE contact_attempt ADD COLUMN campaign_id BIGINT REFERENCES campaign (id) "
                     "ON DELETE SET NULL"),
      QStringLiteral("%POSTGRES%ALTER TABLE contact_attempt ADD COLUMN message_id TEXT"),
      QStringLiteral("%SQLITE%CREATE TABLE contact_attempt_v10 (\n"
                     "  id %ID%,\n"
                     "  volunteer_id BIGINT NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,\n"
                     "  contacted_at TEXT NOT NULL,\n"
                     "  channel TEXT NOT NULL CHECK (channel IN ('phone', 'sms', 'wechat', 'mail', 'visit')),\n"
                     "  staff TEXT NOT NULL,\n  ") +
          outcomes +
          QStringLiteral(",\n  note TEXT,\n"
                         "  phone TEXT,\n"
                         "  person TEXT NOT NULL DEFAULT 'volunteer',\n"
                         "  campaign_id BIGINT REFERENCES campaign (id) ON DELETE SET NULL,\n"
                         "  message_id TEXT)"),
      QStringLiteral("%SQLITE%INSERT INTO contact_attempt_v10 (id, volunteer_id, contacted_at, channel, staff, "
                     "outcome, note) SELECT id, volunteer_id, contacted_at, channel, staff, outcome, note FROM "
                     "contact_attempt"),
      QStringLiteral("%SQLITE%DROP TABLE contact_attempt"),
      QStringLiteral("%SQLITE%ALTER TABLE contact_attempt_v10 RENAME TO contact_attempt"),
      QStringLiteral("%SQLITE%CREATE INDEX contact_attempt_volunteer ON contact_attempt (volunteer_id, "
                     "contacted_at)"),
      // one message's result is applied once, whatever file repeats it
      QStringLiteral("CREATE UNIQUE INDEX contact_attempt_message ON contact_attempt (campaign_id, message_id)"),
      QStringLiteral("CREATE TABLE readiness_check (\n"
                     "  id %ID%,\n"
                     "  volunteer_id BIGINT NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,\n"
                     "  checked_on DATE NOT NULL,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  willing TEXT NOT NULL CHECK (willing IN ('yes', 'unsure', 'no')),\n"
                     "  health_changes TEXT,\n"
                     "  absence_from DATE,\n"
                     "  absence_until DATE,\n"
                     "  family_informed INTEGER NOT NULL DEFAULT 0,\n"
                     "  family_attitude TEXT NOT NULL DEFAULT 'unknown',\n"
                     "  contact_updated INTEGER NOT NULL DEFAULT 0,\n"
                     "  note TEXT,\n"
                     "  created_at TEXT NOT NULL)"),
      QStringLiteral("CREATE INDEX readiness_check_volunteer ON readiness_check (volunteer_id, checked_on)"),
      QStringLiteral("CREATE TABLE volunteer_group (\n"
                     "  id %ID%,\n"
                     "  name TEXT NOT NULL UNIQUE,\n"
                     "  kind TEXT NOT NULL CHECK (kind IN ('wechat', 'region')),\n"
                     "  prefecture TEXT,\n"
                     "  county TEXT,\n"
                     "  note TEXT,\n"
                     "  created_at TEXT NOT NULL,\n"
                     "  updated_at TEXT NOT NULL,\n"
                     "  row_version INTEGER NOT NULL DEFAULT 1)"),
      QStringLiteral("CREATE TABLE volunteer_group_member (\n"
                     "  group_id BIGINT NOT NULL REFERENCES volunteer_group (id) ON DELETE CASCADE,\n"
                     "  volunteer_id BIGINT NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,\n"
                     "  added_at TEXT NOT NULL,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  PRIMARY KEY (group_id, volunteer_id))"),
      QStringLiteral("CREATE INDEX volunteer_group_member_volunteer ON volunteer_group_member (volunteer_id)"),
      QStringLiteral("CREATE TABLE group_message (\n"
                     "  id %ID%,\n"
                     "  group_id BIGINT NOT NULL REFERENCES volunteer_group (id) ON DELETE CASCADE,\n"
                     "  sent_at TEXT NOT NULL,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  text TEXT NOT NULL,\n"
                     "  member_count INTEGER NOT NULL DEFAULT 0)"),
      QStringLiteral("CREATE INDEX group_message_group ON group_message (group_id, sent_at)"),
      // cases: the late-withdrawal risk
      QStringLiteral("ALTER TABLE workup_case ADD COLUMN family_attitude TEXT NOT NULL DEFAULT 'unknown'"),
      QStringLiteral("ALTER TABLE workup_case ADD COLUMN stop_code TEXT"),
      QStringLiteral("ALTER TABLE workup_case ADD COLUMN postponements INTEGER NOT NULL DEFAULT 0"),
      QStringLiteral("CREATE TABLE case_risk_flag (\n"
                     "  id %ID%,\n"
                     "  case_id BIGINT NOT NULL REFERENCES workup_case (id) ON DELETE CASCADE,\n"
                     "  kind TEXT NOT NULL CHECK (kind IN ('family_opposed', 'missed_contacts', 'postponement', "
                     "'hesitation')),\n"
                     "  raised_on DATE NOT NULL,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  note TEXT,\n"
                     "  resolved_on DATE,\n"
                     "  resolution TEXT)"),
      QStringLiteral("CREATE INDEX case_risk_flag_case ON case_risk_flag (case_id)"),
      QStringLiteral("CREATE TABLE family_session (\n"
                     "  id %ID%,\n"
                     "  case_id BIGINT NOT NULL REFERENCES workup_case (id) ON DELETE CASCADE,\n"
                     "  held_on DATE NOT NULL,\n"
                     "  attendees TEXT NOT NULL,\n"
                     "  letter_printed INTEGER NOT NULL DEFAULT 0,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  note TEXT,\n"
                     "  created_at TEXT NOT NULL)"),
      QStringLiteral("CREATE INDEX family_session_case ON family_session (case_id)"),
      QStringLiteral("CREATE TABLE donation_follow_up (\n"
                     "  id %ID%,\n"
                     "  volunteer_id BIGINT NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,\n"
                     "  case_id BIGINT REFERENCES workup_case (id) ON DELETE SET NULL,\n"
                     "  donation_date DATE NOT NULL,\n"
                     "  point TEXT NOT NULL,\n"
                     "  done_on DATE NOT NULL,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  note TEXT,\n"
                     "  created_at TEXT NOT NULL,\n"
                     "  UNIQUE (volunteer_id, donation_date, point))"),
      QStringLiteral("CREATE TABLE search_run (\n"
                     "  id %ID%,\n"
                     "  at TEXT NOT NULL,\n"
                     "  staff TEXT NOT NULL,\n"
                     "  patient_id BIGINT REFERENCES patient (id) ON DELETE SET NULL,\n"
                     "  front_end TEXT NOT NULL,\n"
                     "  result_count INTEGER NOT NULL DEFAULT 0)"),
      QStringLiteral("CREATE INDEX search_run_at ON search_run (at)"),
      QStringLiteral("CREATE INDEX volunteer_created ON volunteer (created_at)"),
  };
}

// readStatistics counts a million volunteers by status (with who was reached
// in the last 12 months), by region, by birth date and by the date they
// joined: each from an index that holds all it reads, in the index's order,
// instead of four reads of the whole volunteer table. The status index gains
// last_contact_ok (it still serves every lookup by status); the join dates
// get their own. A campaign's or a worklist's region is "prefecture or
// county": with an index on county too, the volunteers of the region are
// found from the two indexes instead of among every volunteer. The
// follow-up-due worklist reads the donors (a few in a thousand) by their
// donation date instead of scanning every volunteer.
QStringList version11() {
  return {
      QStringLiteral("DROP INDEX volunteer_status"),
      QStringLiteral("CREATE INDEX volunteer_status ON volunteer (status, last_contact_ok)"),
      QStringLiteral("CREATE INDEX volunteer_joined ON volunteer (consent_date, drive_date)"),
      QStringLiteral("CREATE INDEX volunteer_county ON volunteer (county)"),
      QStringLiteral("CREATE INDEX volunteer_donation ON volunteer (donation_date)"),
  };
}

}  // namespace dd::store::schema
