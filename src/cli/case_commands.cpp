// Workup cases from the command line, through the same use cases as the
// Cases page: case list/open/advance/stop, the late-withdrawal risk (risk,
// flag, resolve-flag, family, family-session, postpone), and a volunteer's
// reservation (reservation extend/release). stdout holds only results (a
// new case code, a table, JSON or CSV); every message goes to stderr.
// Exit 0 done, 1 the registry failed or the step was refused (open risk
// flags), 2 bad arguments or input the use case refused.
#include <optional>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/case_risk.h"
#include "app/registry.h"
#include "app/text_rules.h"
#include "cli/command.h"
#include "core/qt/localization.h"

namespace {

using dd::cli::printErr;
using dd::cli::printOut;
using dd::cli::tr;

QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

template <class Enum>
QStringList keysOf(int count) {
  QStringList keys;
  for (int i = 0; i < count; ++i) keys << keyText(dd::model::key(static_cast<Enum>(i)));
  return keys;
}

// One command's parser, registry and how it reports: shared by every
// command of this file so their options and messages read alike.
class CaseCommand {
 public:
  explicit CaseCommand(QString name) : name_(std::move(name)) {}

  QCommandLineParser parser;
  const QCommandLineOption staff{QStringLiteral("staff"), tr("Staff name for the audit log (default: OS user)."),
                                 tr("NAME")};

  // Parses args; false with *code set when the command must end now.
  bool parse(const QStringList& args, int* code) {
    parser.addOption(staff);
    if (!dd::cli::parseCommandLine(parser, name_, args, code)) return false;
    if (!dd::cli::noPositional(parser, name_)) {
      *code = dd::cli::exitUsage;
      return false;
    }
    const QString who = parser.value(staff);
    if (parser.isSet(staff) && (who.trimmed().isEmpty() || who.size() > 50 || dd::app::firstForbiddenCharacter(who) >= 0)) {
      *code = usage(tr("--staff must be a name of at most 50 characters without control characters"));
      return false;
    }
    return true;
  }

  int usage(const QString& message) const {
    printErr(QStringLiteral("donordesk-cli %1: %2").arg(name_, message));
    return dd::cli::exitUsage;
  }
  // A value the command cannot go on without.
  std::optional<QString> required(const QCommandLineOption& option, int* code) const {
    const QString value = parser.value(option).trimmed();
    if (!value.isEmpty()) return value;
    *code = usage(tr("--%1 is required").arg(option.names().constFirst()));
    return std::nullopt;
  }
  // An ISO date (yyyy-MM-dd); an option not given is an invalid date.
  std::optional<QDate> date(const QCommandLineOption& option, int* code) const {
    if (!parser.isSet(option)) return QDate();
    const QDate value = QDate::fromString(parser.value(option).trimmed(), Qt::ISODate);
    if (value.isValid()) return value;
    *code = usage(tr("--%1 must be a date written as 2026-11-28, not '%2'")
                      .arg(option.names().constFirst(), parser.value(option)));
    return std::nullopt;
  }
  template <class Enum, class Parse>
  std::optional<Enum> choice(const QCommandLineOption& option, int count, Parse parse, int* code) const {
    const auto value = required(option, code);
    if (!value) return std::nullopt;
    if (const auto parsed = parse(value->toStdString())) return *parsed;
    *code = usage(tr("--%1 '%2' is not one of: %3")
                      .arg(option.names().constFirst(), *value, keysOf<Enum>(count).join(QStringLiteral(", "))));
    return std::nullopt;
  }

  dd::app::Registry* open(int* code) {
    auto registry = dd::app::Registry::open(context_->settings.database, dd::app::Access::Upgrade);
    if (!registry) {
      *code = fail(registry.error());
      return nullptr;
    }
    registry_ = std::move(*registry);
    return registry_.get();
  }
  void setContext(dd::cli::Context& context) { context_ = &context; }
  dd::app::Actor actor() const {
    const QString who = parser.value(staff).trimmed();
    return who.isEmpty() ? dd::app::Actor::fromOperatingSystem() : dd::app::Actor{who};
  }

  // Input the registry refused (validation, an unknown record) is a usage
  // error (2); the registry failing is 1.
  int fail(const dd::Error& error) const {
    printErr(QStringLiteral("donordesk-cli %1: %2").arg(name_, dd::qt::translated(error)));
    const bool input = error.code.rfind("validation.", 0) == 0 || error.code == dd::app::codes::notFound;
    return input ? dd::cli::exitUsage : dd::cli::exitFailure;
  }
  template <class T>
  int fail(const dd::app::SaveResult<T>& result) const {
    int code = dd::cli::exitUsage;
    for (const dd::Error& e : result.errors) code = qMin(code, fail(e));
    return code;
  }

  // The case named by --case (its code, or its id).
  std::optional<dd::model::WorkupCase> workupCase(const QCommandLineOption& option, int* code) {
    const auto value = required(option, code);
    if (!value) return std::nullopt;
    auto found = registry_->workupCaseByCode(*value);
    if (!found) {
      *code = fail(found.error());
      return std::nullopt;
    }
    return *found;
  }
  std::optional<dd::model::Volunteer> volunteer(const QCommandLineOption& option, int* code) {
    const auto value = required(option, code);
    if (!value) return std::nullopt;
    auto found = registry_->volunteerByRegistryNo(*value);
    if (!found) {
      *code = fail(found.error());
      return std::nullopt;
    }
    return *found;
  }
  // A patient by id (a plain number) or case number (P2026-00001).
  std::optional<dd::model::Patient> patient(const QCommandLineOption& option, int* code) {
    const auto value = required(option, code);
    if (!value) return std::nullopt;
    bool numeric = false;
    const qint64 id = value->toLongLong(&numeric);
    auto found = numeric ? registry_->patient(id) : registry_->patientByCaseNo(*value);
    if (!found) {
      *code = fail(found.error());
      return std::nullopt;
    }
    return *found;
  }

  QString format(const QCommandLineOption& option, int* code) const {
    const QString value = parser.value(option);
    if (value == QLatin1String("table") || value == QLatin1String("json") || value == QLatin1String("csv"))
      return value;
    *code = usage(tr("--format must be table, json or csv, not '%1'").arg(value));
    return {};
  }

 private:
  QString name_;
  dd::cli::Context* context_ = nullptr;
  std::unique_ptr<dd::app::Registry> registry_;
};

QCommandLineOption formatOption() {
  return {QStringLiteral("format"), tr("Output: table, json or csv (default table)."), tr("FORMAT"),
          QStringLiteral("table")};
}
QCommandLineOption caseOption() {
  return {QStringLiteral("case"), tr("The case: its code (P2026-00001-01) or id."), tr("CASE")};
}
QCommandLineOption dateOption(const QString& help) { return {QStringLiteral("date"), help, tr("DATE")}; }

QString csvField(const QString& text) {
  if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
    return text;
  return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// Rows of named values written as a tab-separated table with a heading
// line, a JSON array of objects, or CSV with a heading line.
QString formatRows(const QStringList& columns, const QList<QStringList>& rows, const QString& format) {
  QString out;
  if (format == QLatin1String("json")) {
    QJsonArray array;
    for (const QStringList& row : rows) {
      QJsonObject object;
      for (int c = 0; c < columns.size(); ++c) object.insert(columns.at(c), row.value(c));
      array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
  }
  const bool csv = format == QLatin1String("csv");
  const QLatin1Char separator(csv ? ',' : '\t');
  auto line = [&](const QStringList& values) {
    QStringList fields;
    for (const QString& v : values) fields << (csv ? csvField(v) : QString(v).replace(QLatin1Char('\t'), QLatin1Char(' ')));
    out += fields.join(separator) + QLatin1Char('\n');
  };
  line(columns);
  for (const QStringList& row : rows) line(row);
  return out;
}

QString isoDate(const QDate& date) { return date.isValid() ? date.toString(Qt::ISODate) : QString(); }

// --- case list

int runList(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case list"));
  command.setContext(context);
  command.parser.setApplicationDescription(tr("List workup cases with their stage, stop and risk."));
  const QCommandLineOption patient(QStringLiteral("patient"), tr("Only this patient's cases (id or case number)."),
                                   tr("PATIENT"));
  const QCommandLineOption volunteer(QStringLiteral("volunteer"), tr("Only this volunteer's cases (registry number)."),
                                     tr("NO"));
  const QCommandLineOption openOnly(QStringLiteral("open"), tr("Only cases not stopped."));
  const QCommandLineOption format = formatOption();
  command.parser.addOptions({patient, volunteer, openOnly, format});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  const QString outputFormat = command.format(format, &code);
  if (outputFormat.isEmpty()) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  qint64 patientId = 0, volunteerId = 0;
  if (command.parser.isSet(patient)) {
    const auto p = command.patient(patient, &code);
    if (!p) return code;
    patientId = p->id;
  }
  if (command.parser.isSet(volunteer)) {
    const auto v = command.volunteer(volunteer, &code);
    if (!v) return code;
    volunteerId = v->id;
  }
  auto cases = registry->listWorkupCases();
  if (!cases) return command.fail(cases.error());
  QHash<qint64, QString> caseNos, registryNos;
  QList<QStringList> rows;
  for (const dd::model::WorkupCase& w : *cases) {
    if ((patientId && w.patientId != patientId) || (volunteerId && w.volunteerId != volunteerId)) continue;
    if (command.parser.isSet(openOnly) && w.stopped()) continue;
    if (!caseNos.contains(w.patientId)) {
      auto p = registry->patient(w.patientId);
      caseNos.insert(w.patientId, p ? p->caseNo : QString());
    }
    if (!registryNos.contains(w.volunteerId)) {
      auto v = registry->volunteer(w.volunteerId);
      registryNos.insert(w.volunteerId, v ? v->registryNo : QString());
    }
    auto risk = dd::app::caseRisk(*registry, w.id);
    if (!risk) return command.fail(risk.error());
    QStringList kinds;
    for (const dd::model::CaseRiskFlag& f : risk->flags)
      if (!kinds.contains(keyText(dd::model::key(f.kind)))) kinds << keyText(dd::model::key(f.kind));
    rows.append({w.caseCode, caseNos.value(w.patientId), registryNos.value(w.volunteerId),
                 keyText(dd::model::key(w.stage)), isoDate(w.stageDates[static_cast<std::size_t>(w.stage)]),
                 isoDate(w.stoppedDate), w.stopCode ? keyText(dd::model::key(*w.stopCode)) : QString(),
                 w.regretStage && w.stopped() ? keyText(dd::model::key(*w.regretStage)) : QString(),
                 keyText(dd::model::key(w.familyAttitude)), kinds.join(QLatin1Char(' '))});
  }
  printOut(formatRows({QStringLiteral("case"), QStringLiteral("patient"), QStringLiteral("volunteer"),
                       QStringLiteral("stage"), QStringLiteral("stage_date"), QStringLiteral("stopped"),
                       QStringLiteral("stop_code"), QStringLiteral("stage_reached"), QStringLiteral("family"),
                       QStringLiteral("risk")},
                      rows, outputFormat));
  return dd::cli::exitOk;
}

// --- case open

int runOpen(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case open"));
  command.setContext(context);
  command.parser.setApplicationDescription(
      tr("Open a workup case for a patient and a volunteer (reserving the volunteer); prints the case code."));
  const QCommandLineOption patient(QStringLiteral("patient"), tr("The patient (id or case number)."), tr("PATIENT"));
  const QCommandLineOption volunteer(QStringLiteral("volunteer"), tr("The volunteer's registry number."), tr("NO"));
  const QCommandLineOption date = dateOption(tr("Date of the initial match (default today)."));
  command.parser.addOptions({patient, volunteer, date});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(patient, &code) || !command.required(volunteer, &code)) return code;
  const auto when = command.date(date, &code);
  if (!when) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto p = command.patient(patient, &code);
  if (!p) return code;
  const auto v = command.volunteer(volunteer, &code);
  if (!v) return code;
  auto started = registry->startWorkup(p->id, v->id, *when, command.actor());
  if (!started.ok()) return command.fail(started);
  printOut(started.value->caseCode + QLatin1Char('\n'));
  return dd::cli::exitOk;
}

// --- case advance

int runAdvance(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case advance"));
  command.setContext(context);
  command.parser.setApplicationDescription(
      tr("Move a case on to a later stage. Entering mobilisation while risk flags are open is refused unless "
         "--accept-risk."));
  const QCommandLineOption workup = caseOption();
  const QCommandLineOption stage(QStringLiteral("stage"), tr("The stage reached: %1.").arg(
                                     keysOf<dd::model::WorkupStage>(dd::model::kWorkupStageCount).join(QStringLiteral(", "))),
                                 tr("STAGE"));
  const QCommandLineOption date = dateOption(tr("Date the stage was reached (default today)."));
  const QCommandLineOption skip(QStringLiteral("skip-reason"), tr("Why stages in between are skipped."), tr("TEXT"));
  const QCommandLineOption acceptRisk(QStringLiteral("accept-risk"),
                                      tr("Go on into mobilisation although risk flags are open."));
  command.parser.addOptions({workup, stage, date, skip, acceptRisk});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(workup, &code)) return code;
  const auto next = command.choice<dd::model::WorkupStage>(stage, dd::model::kWorkupStageCount,
                                                           dd::model::parseWorkupStage, &code);
  if (!next) return code;
  const auto when = command.date(date, &code);
  if (!when) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto w = command.workupCase(workup, &code);
  if (!w) return code;
  auto advanced = registry->advanceWorkup(w->id, w->rowVersion, *next, *when, command.actor(),
                                          command.parser.value(skip), command.parser.isSet(acceptRisk));
  if (advanced.needsConfirmation()) {
    for (const dd::Error& warning : advanced.warnings)
      printErr(QStringLiteral("donordesk-cli case advance: %1").arg(dd::qt::translated(warning)));
    auto risk = dd::app::caseRisk(*registry, w->id);
    if (risk)
      for (const dd::model::CaseRiskFlag& f : risk->flags)
        printErr(QStringLiteral("  %1\t%2\t%3\t%4")
                     .arg(f.id ? QString::number(f.id) : QStringLiteral("-"), keyText(dd::model::key(f.kind)),
                          isoDate(f.raisedOn), f.note));
    printErr(tr("donordesk-cli case advance: nothing was changed; resolve the flags (case resolve-flag) or repeat "
                "with --accept-risk"));
    return dd::cli::exitFailure;
  }
  if (!advanced.ok()) return command.fail(advanced);
  printErr(tr("%1: stage %2 on %3")
               .arg(advanced.value->caseCode, keyText(dd::model::key(advanced.value->stage)),
                    isoDate(advanced.value->stageDates[static_cast<std::size_t>(advanced.value->stage)])));
  return dd::cli::exitOk;
}

// --- case stop

int runStop(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case stop"));
  command.setContext(context);
  command.parser.setApplicationDescription(
      tr("Stop a case for a coded reason at the stage reached; a volunteer reserved for the patient becomes "
         "active again."));
  const QCommandLineOption workup = caseOption();
  const QCommandLineOption reason(QStringLiteral("reason"), tr("Why: %1.").arg(
                                      keysOf<dd::model::StopReason>(dd::model::kStopReasonCount).join(QStringLiteral(", "))),
                                  tr("CODE"));
  const QCommandLineOption reached(QStringLiteral("stage-reached"), tr("The stage the case had reached when it stopped."),
                                   tr("STAGE"));
  const QCommandLineOption note(QStringLiteral("note"), tr("The reason in words (required for 'other')."), tr("TEXT"));
  const QCommandLineOption date = dateOption(tr("Date the case stopped (default today)."));
  command.parser.addOptions({workup, reason, reached, note, date});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(workup, &code)) return code;
  const auto why = command.choice<dd::model::StopReason>(reason, dd::model::kStopReasonCount,
                                                         dd::model::parseStopReason, &code);
  if (!why) return code;
  const auto stage = command.choice<dd::model::WorkupStage>(reached, dd::model::kWorkupStageCount,
                                                            dd::model::parseWorkupStage, &code);
  if (!stage) return code;
  const auto when = command.date(date, &code);
  if (!when) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto w = command.workupCase(workup, &code);
  if (!w) return code;
  auto stopped = registry->stopWorkup(w->id, w->rowVersion, *why, *stage, command.parser.value(note), *when,
                                      command.actor());
  if (!stopped.ok()) return command.fail(stopped);
  printErr(tr("%1: stopped on %2 (%3)").arg(stopped.value->caseCode, isoDate(stopped.value->stoppedDate),
                                            keyText(dd::model::key(*why))));
  return dd::cli::exitOk;
}

// --- case risk

int runRisk(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case risk"));
  command.setContext(context);
  command.parser.setApplicationDescription(
      tr("A case's risk flags, open and resolved, and the derived missed-contacts flag (id '-')."));
  const QCommandLineOption workup = caseOption();
  const QCommandLineOption format = formatOption();
  command.parser.addOptions({workup, format});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(workup, &code)) return code;
  const QString outputFormat = command.format(format, &code);
  if (outputFormat.isEmpty()) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto w = command.workupCase(workup, &code);
  if (!w) return code;
  auto flags = dd::app::caseRiskFlags(*registry, w->id);
  if (!flags) return command.fail(flags.error());
  auto risk = dd::app::caseRisk(*registry, w->id);
  if (!risk) return command.fail(risk.error());
  for (const dd::model::CaseRiskFlag& derived : risk->flags)
    if (derived.id == 0) flags->append(derived);
  QList<QStringList> rows;
  for (const dd::model::CaseRiskFlag& f : *flags)
    rows.append({f.id ? QString::number(f.id) : QStringLiteral("-"), keyText(dd::model::key(f.kind)),
                 f.open() ? QStringLiteral("open") : QStringLiteral("resolved"), isoDate(f.raisedOn), f.staff, f.note,
                 isoDate(f.resolvedOn), f.resolution});
  printOut(formatRows({QStringLiteral("flag"), QStringLiteral("kind"), QStringLiteral("state"),
                       QStringLiteral("raised_on"), QStringLiteral("staff"), QStringLiteral("note"),
                       QStringLiteral("resolved_on"), QStringLiteral("resolution")},
                      rows, outputFormat));
  return dd::cli::exitOk;
}

// --- case flag / resolve-flag

int runFlag(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case flag"));
  command.setContext(context);
  command.parser.setApplicationDescription(tr("Raise a risk flag on a case; prints the flag's id."));
  const QCommandLineOption workup = caseOption();
  const QCommandLineOption kind(QStringLiteral("kind"), tr("The kind: %1.").arg(
                                    keysOf<dd::model::RiskFlagKind>(dd::model::kRiskFlagKindCount).join(QStringLiteral(", "))),
                                tr("KIND"));
  const QCommandLineOption note(QStringLiteral("note"), tr("What was seen or heard."), tr("TEXT"));
  command.parser.addOptions({workup, kind, note});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(workup, &code)) return code;
  const auto which = command.choice<dd::model::RiskFlagKind>(kind, dd::model::kRiskFlagKindCount,
                                                             dd::model::parseRiskFlagKind, &code);
  if (!which) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto w = command.workupCase(workup, &code);
  if (!w) return code;
  auto raised = dd::app::raiseRiskFlag(*registry, w->id, *which, command.parser.value(note), command.actor());
  if (!raised) return command.fail(raised.error());
  printOut(QString::number(raised->id) + QLatin1Char('\n'));
  return dd::cli::exitOk;
}

int runResolveFlag(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case resolve-flag"));
  command.setContext(context);
  command.parser.setApplicationDescription(tr("Resolve an open risk flag, saying how."));
  const QCommandLineOption flag(QStringLiteral("flag"), tr("The flag's id (case risk lists them)."), tr("ID"));
  const QCommandLineOption resolution(QStringLiteral("resolution"), tr("What was done and what came of it."),
                                      tr("TEXT"));
  command.parser.addOptions({flag, resolution});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  const auto id = command.required(flag, &code);
  if (!id) return code;
  bool numeric = false;
  const qint64 flagId = id->toLongLong(&numeric);
  if (!numeric || flagId <= 0) return command.usage(tr("--flag takes a flag's id (a positive number), not '%1'").arg(*id));
  if (!command.required(resolution, &code)) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  auto resolved = dd::app::resolveRiskFlag(*registry, flagId, command.parser.value(resolution), command.actor());
  if (!resolved) return command.fail(resolved.error());
  return dd::cli::exitOk;
}

// --- case family / family-session / postpone

int runFamily(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case family"));
  command.setContext(context);
  command.parser.setApplicationDescription(
      tr("Record how the donor's family stands towards the donation; 'opposed' raises a family_opposed flag."));
  const QCommandLineOption workup = caseOption();
  const QCommandLineOption attitude(QStringLiteral("attitude"), tr("supportive, neutral, opposed or unknown."),
                                    tr("ATTITUDE"));
  command.parser.addOptions({workup, attitude});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(workup, &code)) return code;
  const auto which = command.choice<dd::model::FamilyAttitude>(attitude, dd::model::kFamilyAttitudeCount,
                                                               dd::model::parseFamilyAttitude, &code);
  if (!which) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto w = command.workupCase(workup, &code);
  if (!w) return code;
  auto saved = dd::app::setFamilyAttitude(*registry, w->id, w->rowVersion, *which, command.actor());
  if (!saved.ok()) return command.fail(saved);
  return dd::cli::exitOk;
}

int runFamilySession(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case family-session"));
  command.setContext(context);
  command.parser.setApplicationDescription(tr("Record a talk with the donor's family about the donation."));
  const QCommandLineOption workup = caseOption();
  const QCommandLineOption date = dateOption(tr("When the session was held."));
  const QCommandLineOption attendees(QStringLiteral("attendees"), tr("Who came (父亲、母亲, ...)."), tr("TEXT"));
  const QCommandLineOption letter(QStringLiteral("letter-printed"), tr("The family letter was printed and handed over."));
  const QCommandLineOption note(QStringLiteral("note"), tr("What was said."), tr("TEXT"));
  command.parser.addOptions({workup, date, attendees, letter, note});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(workup, &code) || !command.required(date, &code) || !command.required(attendees, &code))
    return code;
  const auto when = command.date(date, &code);
  if (!when) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto w = command.workupCase(workup, &code);
  if (!w) return code;
  dd::model::FamilySession session;
  session.caseId = w->id;
  session.heldOn = *when;
  session.attendees = command.parser.value(attendees);
  session.letterPrinted = command.parser.isSet(letter);
  session.note = command.parser.value(note);
  auto saved = dd::app::recordFamilySession(*registry, session, command.actor());
  if (!saved) return command.fail(saved.error());
  printOut(QString::number(saved->id) + QLatin1Char('\n'));
  return dd::cli::exitOk;
}

int runPostpone(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("case postpone"));
  command.setContext(context);
  command.parser.setApplicationDescription(
      tr("Record that the donor asked to move a date: counts it and raises a postponement flag."));
  const QCommandLineOption workup = caseOption();
  const QCommandLineOption note(QStringLiteral("note"), tr("Why the donor asked."), tr("TEXT"));
  command.parser.addOptions({workup, note});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(workup, &code) || !command.required(note, &code)) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto w = command.workupCase(workup, &code);
  if (!w) return code;
  auto saved = dd::app::recordPostponement(*registry, w->id, w->rowVersion, command.parser.value(note),
                                           command.actor());
  if (!saved.ok()) return command.fail(saved);
  printErr(QCoreApplication::translate("dd::cli", "%1: postponed %Ln time(s)", nullptr, saved.value->postponements)
               .arg(saved.value->caseCode));
  return dd::cli::exitOk;
}

// --- reservation extend / release

int runExtend(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("reservation extend"));
  command.setContext(context);
  command.parser.setApplicationDescription(tr("Let a volunteer's reservation run on to a later date."));
  const QCommandLineOption volunteer(QStringLiteral("volunteer"), tr("The volunteer's registry number."), tr("NO"));
  const QCommandLineOption until(QStringLiteral("until"), tr("The new expiry date (after today)."), tr("DATE"));
  command.parser.addOptions({volunteer, until});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(volunteer, &code) || !command.required(until, &code)) return code;
  const auto when = command.date(until, &code);
  if (!when) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto v = command.volunteer(volunteer, &code);
  if (!v) return code;
  auto saved = registry->extendReservation(v->id, v->rowVersion, *when, command.actor());
  if (!saved.ok()) return command.fail(saved);
  printErr(tr("No. %1: reserved until %2").arg(v->registryNo, isoDate(saved.value->reservationExpires)));
  return dd::cli::exitOk;
}

int runRelease(dd::cli::Context& context, const QStringList& args) {
  CaseCommand command(QStringLiteral("reservation release"));
  command.setContext(context);
  command.parser.setApplicationDescription(
      tr("Give a reserved volunteer back to the registry for the patient's side of things."));
  const QCommandLineOption volunteer(QStringLiteral("volunteer"), tr("The volunteer's registry number."), tr("NO"));
  const QCommandLineOption reason(QStringLiteral("reason"),
                                  tr("transplanted_other_donor, patient_died or search_closed."), tr("CODE"));
  const QCommandLineOption note(QStringLiteral("note"), tr("A note for the status history."), tr("TEXT"));
  command.parser.addOptions({volunteer, reason, note});
  int code = 0;
  if (!command.parse(args, &code)) return code;
  if (!command.required(volunteer, &code)) return code;
  const auto why = command.choice<dd::model::StopReason>(reason, dd::model::kStopReasonCount,
                                                         dd::model::parseStopReason, &code);
  if (!why) return code;
  dd::app::Registry* registry = command.open(&code);
  if (!registry) return code;
  const auto v = command.volunteer(volunteer, &code);
  if (!v) return code;
  auto saved = registry->releaseReservation(v->id, v->rowVersion, *why, command.parser.value(note), command.actor());
  if (!saved.ok()) return command.fail(saved);
  printErr(tr("No. %1: released, active again").arg(v->registryNo));
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("case list", QT_TRANSLATE_NOOP("dd::cli", "List workup cases (stage, stop, family, risk)."), runList)
DD_CLI_COMMAND("case open", QT_TRANSLATE_NOOP("dd::cli", "Open a workup case; prints its code."), runOpen)
DD_CLI_COMMAND("case advance", QT_TRANSLATE_NOOP("dd::cli", "Move a case on to a later stage."), runAdvance)
DD_CLI_COMMAND("case stop", QT_TRANSLATE_NOOP("dd::cli", "Stop a case with a coded reason and the stage reached."),
               runStop)
DD_CLI_COMMAND("case risk", QT_TRANSLATE_NOOP("dd::cli", "Show a case's late-withdrawal risk flags."), runRisk)
DD_CLI_COMMAND("case flag", QT_TRANSLATE_NOOP("dd::cli", "Raise a risk flag on a case."), runFlag)
DD_CLI_COMMAND("case resolve-flag", QT_TRANSLATE_NOOP("dd::cli", "Resolve a case's risk flag."), runResolveFlag)
DD_CLI_COMMAND("case family", QT_TRANSLATE_NOOP("dd::cli", "Record the donor's family's attitude."), runFamily)
DD_CLI_COMMAND("case family-session", QT_TRANSLATE_NOOP("dd::cli", "Record a family-education session."),
               runFamilySession)
DD_CLI_COMMAND("case postpone", QT_TRANSLATE_NOOP("dd::cli", "Record a postponement asked for by the donor."),
               runPostpone)
DD_CLI_COMMAND("reservation extend", QT_TRANSLATE_NOOP("dd::cli", "Extend a volunteer's reservation."), runExtend)
DD_CLI_COMMAND("reservation release",
               QT_TRANSLATE_NOOP("dd::cli", "Release a reserved volunteer (patient side: transplanted, died, closed)."),
               runRelease)
