#pragma once
// The registry's entities: plain data with the few rules that belong to them
// (model/availability.h). No SQL, no widgets: the GUI edits copies of these,
// the app layer validates them, the store's repositories persist them.
// Every editable entity carries id (0 = not yet saved) and rowVersion (the
// optimistic lock: an update must present the version it read).
#include <array>
#include <optional>

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include "model/vocabulary.h"

namespace dd::model {

// One locus of a typing: the string as received and the engine's normalised
// form (empty until validated; e.g. "A2" stays raw, normalised "HLA-A*02").
struct LocusTyping {
  QString raw;
  QString normalised;
  bool operator==(const LocusTyping&) const = default;
};

struct HlaTyping {
  std::array<LocusTyping, kLocusCount> loci;  // kAllLoci order
  LocusTyping& at(Locus locus) { return loci[static_cast<int>(locus)]; }
  const LocusTyping& at(Locus locus) const { return loci[static_cast<int>(locus)]; }
  bool isEmpty() const;
  bool operator==(const HlaTyping&) const = default;
};

struct Phone {
  QString number;
  QString label;         // "mobile", "home", "work", free text
  bool current = false;  // the number to call first; at most one is current
  QDate replacedOn;      // set when staff replaced the number: kept as history, never called
  QDate knownBadOn;      // when an attempt found it wrong or undeliverable (schema 10); cleared when it reaches them
  bool inUse() const { return !replacedOn.isValid(); }
  bool operator==(const Phone&) const = default;
};

struct EmergencyContact {
  QString name;
  QString relation;  // 父亲, 母亲, 配偶, ...
  QString phone;
  QString address;   // where they live: the two backup contacts should live apart (emergency: schema 10)
  bool operator==(const EmergencyContact&) const = default;
};

struct RecruitmentDrive {
  QDate date;
  QString place;
  QString organiser;
  bool operator==(const RecruitmentDrive&) const = default;
};

// One recruitment drive as the volunteers record it (same date and place),
// with how many volunteers were registered there (batch printing).
struct DriveSummary {
  RecruitmentDrive drive;  // organiser: the first one recorded for that date and place
  int volunteerCount = 0;
};

struct Volunteer {
  qint64 id = 0;
  int rowVersion = 0;
  QString registryNo;  // assigned on registration when empty: prefix + serial
  QString name;
  Sex sex = Sex::Male;
  QDate birthDate;
  QString ethnicity;  // one of the 56 groups (汉族, 回族, ...) or 其他
  QString idNumber;   // 18-character mainland ID card number
  QList<Phone> phones;
  QString wechat;
  QString email;
  QString address;
  QString prefecture;  // 地级市 of the province, e.g. 济南市
  QString county;      // 区/县, e.g. 历下区
  QString workUnit;
  EmergencyContact emergency;
  EmergencyContact emergency2;  // a second person to ask (schema 8)
  QString abo;  // A, B, AB, O or empty
  QString rh;   // "+", "-" or empty
  Cmv cmv = Cmv::Unknown;
  double weightKg = 0;  // 0 = not recorded
  RecruitmentDrive drive;
  QString sampleId;
  QString lab;
  QDate typingDate;
  HlaTyping hla;
  QDate consentDate;
  QString consentVersion;
  // Current status; its history is in StatusChange rows.
  VolunteerStatus status = VolunteerStatus::Active;
  QString statusReason;       // deferral / withdrawal / retirement reason
  QDate statusUntil;          // end of a temporary deferral
  qint64 reservedForPatientId = 0;
  QString withdrawalStage;    // workup stage key at which the volunteer withdrew
  QDate donationDate;         // last donation
  int donationCount = 0;
  QDate lastContactOk;        // maintained by the store from the contact log
  // Contact freshness (schema 10), maintained from the contact log like
  // lastContactOk: the channel that last reached them and how many attempts
  // failed since (no answer, wrong number, not delivered).
  std::optional<ContactChannel> lastContactChannel;
  int failedContacts = 0;
  QDate lastReadinessCheck;     // the latest yearly readiness check (maintained from readiness_check)
  QDate reservationExpires;     // while reserved: when the reservation lapses unless extended
  QDate withdrawalRequestedOn;  // a withdrawal asked for (SMS reply 0, a call) but not yet confirmed by staff:
                                // out of searches until staff confirm or cancel it
  qint64 importBatchId = 0;
  QDateTime createdAt;        // UTC, set by the store
  QDateTime updatedAt;

  QString currentPhone() const;  // the current phone, else the first in use, else empty
  bool availableOn(const QDate& today) const;  // model/availability.h's rule
};

// A row of the volunteer list (paged listing for the GUI).
struct VolunteerSummary {
  qint64 id = 0;
  int rowVersion = 0;
  QString registryNo;
  QString name;
  Sex sex = Sex::Male;
  QDate birthDate;
  QString idNumber;
  QString phone;  // current phone
  VolunteerStatus status = VolunteerStatus::Active;
  QString prefecture;
  QString county;
  QDate lastContactOk;
};

struct Patient {
  qint64 id = 0;
  int rowVersion = 0;
  QString caseNo;  // assigned on creation when empty
  QString name;
  Sex sex = Sex::Male;
  QDate birthDate;
  QString diagnosis;
  QString hospital;
  QString physician;
  HlaTyping hla;
  QString abo;
  QString rh;
  Cmv cmv = Cmv::Unknown;
  double weightKg = 0;
  QString urgency = QStringLiteral("normal");  // normal, urgent, critical
  QDate searchRequestDate;
  QString searchStatus = QStringLiteral("requested");  // requested, searching, donor_found, transplanted, closed
  bool overseas = false;  // the transplant centre is abroad (statistics: donations domestic/overseas; schema 10)
  QString notes;
  QDateTime createdAt;
  QDateTime updatedAt;
};

struct ContactAttempt {
  qint64 id = 0;
  qint64 volunteerId = 0;
  QDateTime at;  // UTC
  ContactChannel channel = ContactChannel::Phone;
  QString staff;
  ContactOutcome outcome = ContactOutcome::Reached;
  QString note;
  // schema 10:
  QString phone;                                // the number tried (phone, SMS), empty if none
  ContactPerson person = ContactPerson::Volunteer;  // whom: the volunteer or a backup contact
  qint64 campaignId = 0;                        // the campaign whose message this was (0 = none)
  QString messageId;                            // that message's id on the SMS platform
};

// A workup linking one patient and one volunteer.
struct WorkupCase {
  qint64 id = 0;
  int rowVersion = 0;
  qint64 patientId = 0;
  qint64 volunteerId = 0;
  WorkupStage stage = WorkupStage::InitialMatch;       // furthest stage reached
  std::array<QDate, kWorkupStageCount> stageDates{};   // date each stage was reached
  QDate stoppedDate;                                   // set when stopped
  QString stopReason;
  std::optional<WorkupStage> regretStage;              // stage at which it stopped
  QString notes;
  QString consentTemplate;  // version label of the consent form printed last (app/print_documents)
  QString stageNote;        // why the last skip or undo of a stage happened (history: audit trail)
  QString caseCode;         // what staff and forms call the case: patient case no + "-" + nth case (e.g. P2026-00001-02)
  // schema 10: late-withdrawal risk
  FamilyAttitude familyAttitude = FamilyAttitude::Unknown;
  std::optional<StopReason> stopCode;  // the coded reason of a stop (stopReason keeps the words)
  int postponements = 0;               // times the donor asked to move a date
  QDateTime createdAt;
  QDateTime updatedAt;
  bool stopped() const { return stoppedDate.isValid(); }
};

// A case with what the documents need of its two parties.
struct WorkupCaseDetail {
  WorkupCase workup;
  Patient patient;
  Volunteer volunteer;
};

// A sign of a late withdrawal on one case (schema 10); open until resolved.
struct CaseRiskFlag {
  qint64 id = 0;
  qint64 caseId = 0;
  RiskFlagKind kind = RiskFlagKind::Hesitation;
  QDate raisedOn;
  QString staff;
  QString note;
  QDate resolvedOn;  // invalid while open
  QString resolution;
  bool open() const { return !resolvedOn.isValid(); }
};

// A talk with the donor's family about the donation (schema 10).
struct FamilySession {
  qint64 id = 0;
  qint64 caseId = 0;
  QDate heldOn;
  QString attendees;  // who came: 父亲、母亲, ...
  bool letterPrinted = false;  // the family letter was printed and handed over
  QString staff;
  QString note;
};

// One recorded follow-up call after a donation (schema 10).
struct DonationFollowUp {
  qint64 id = 0;
  qint64 volunteerId = 0;
  qint64 caseId = 0;  // the case of the donation, 0 if recorded without one
  QDate donationDate;
  FollowUpPoint point = FollowUpPoint::Day2;
  QDate doneOn;
  QString staff;
  QString note;
};

// The yearly readiness check (schema 10): is the volunteer still one of the
// quickly available donors?
struct ReadinessCheck {
  qint64 id = 0;
  qint64 volunteerId = 0;
  QDate checkedOn;
  QString staff;
  Willingness willing = Willingness::Yes;
  QString healthChanges;  // empty = none
  QDate absenceFrom;      // a planned absence (work abroad, study, pregnancy), invalid = none
  QDate absenceUntil;
  bool familyInformed = false;
  FamilyAttitude familyAttitude = FamilyAttitude::Unknown;
  bool contactUpdated = false;  // phone or address confirmed or changed at the check
  QString note;
};

// A contact campaign (schema 10): who it is for and the message they get.
struct Campaign {
  qint64 id = 0;
  int rowVersion = 0;
  QString name;
  QString messageTemplate;  // with placeholders such as {name}, {registry_no}
  ContactChannel channel = ContactChannel::Sms;
  QString region;           // prefecture or county; empty = all
  int notReachedMonths = 0; // 0 = any
  std::optional<VolunteerStatus> status;  // nullopt = the statuses a clean-up is for
  QString staff;
  QString note;
  QDateTime createdAt;
  QDateTime updatedAt;
};

// One message of a campaign as exported and as the platform reported it.
struct CampaignMessage {
  qint64 id = 0;
  qint64 campaignId = 0;
  qint64 volunteerId = 0;
  QString phone;
  QString messageId;  // unique, what the platform's result file refers to
  QString text;       // the personalised text
  QDateTime exportedAt;
  QString delivery;   // delivered, failed, unknown; empty until results came
  QString reply;
  QDateTime repliedAt;
  QDateTime appliedAt;  // when its result was applied to the contact log
};

// A WeChat or region group volunteers are kept in touch through (schema 10).
struct VolunteerGroup {
  qint64 id = 0;
  int rowVersion = 0;
  QString name;
  GroupKind kind = GroupKind::WeChat;
  QString prefecture;
  QString county;
  QString note;
  int memberCount = 0;  // read-only: filled by listings
  QDateTime createdAt;
  QDateTime updatedAt;
};

struct GroupMessage {
  qint64 id = 0;
  qint64 groupId = 0;
  QDateTime sentAt;
  QString staff;
  QString text;
  int memberCount = 0;  // members at the time it was sent
};

// One search run (schema 10): the statistics count searches per month.
struct SearchRun {
  qint64 id = 0;
  QDateTime at;
  QString staff;
  qint64 patientId = 0;  // 0 = an ad-hoc typing
  QString frontEnd;      // gui, cli, report
  int resultCount = 0;
};

struct StatusChange {
  qint64 id = 0;
  qint64 volunteerId = 0;
  QDateTime at;
  QString staff;
  std::optional<VolunteerStatus> from;  // nullopt for the registration itself
  VolunteerStatus to = VolunteerStatus::Active;
  QString reason;
  QDate until;
  qint64 patientId = 0;
  QString stage;
};

struct AuditEntry {
  qint64 id = 0;
  QDateTime at;
  QString staff;
  QString action;  // create, update, delete, status, import, generate, ...
  QString entity;  // volunteer, patient, workup_case, contact_attempt, import_batch, ...
  qint64 entityId = 0;
  QString field;   // column name, or "*" for a whole-record snapshot
  QString oldValue;
  QString newValue;
};

struct ImportBatch {
  qint64 id = 0;
  QString kind;  // volunteers-csv, generated
  QString sourceFile;
  QString staff;
  QDateTime at;
  int rowCount = 0;
  RecruitmentDrive drive;
  QString note;
};

struct StaffUser {
  qint64 id = 0;
  int rowVersion = 0;
  QString login;
  QString displayName;
  QString role;  // the accounts issue defines roles
  bool active = true;
  QString passwordHash;
};

}  // namespace dd::model
