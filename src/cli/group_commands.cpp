// `donordesk-cli group create|list|add|remove|members|export|message|messages`:
// the WeChat and region groups a branch posts its reminders in
// (docs/retention.md, Groups). create prints the new group's id alone on
// stdout; add and remove report their counts on stderr.
#include "app/registry.h"
#include "app/volunteer_groups.h"
#include "cli/command.h"
#include "core/qt/localization.h"

namespace {

using dd::cli::printErr;
using dd::cli::tr;

int fail(const QString& command, const dd::Error& error) {
  printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(error)));
  return error.code.rfind("validation.", 0) == 0 ? dd::cli::exitUsage : dd::cli::exitFailure;
}

dd::app::Actor actorFrom(const QString& staff) {
  return staff.trimmed().isEmpty() ? dd::app::Actor::fromOperatingSystem() : dd::app::Actor{staff.trimmed()};
}

QCommandLineOption staffOption() {
  return QCommandLineOption(QStringLiteral("staff"), tr("Staff name for the audit log (default: OS user)."),
                            tr("NAME"));
}
QCommandLineOption groupOption() { return QCommandLineOption(QStringLiteral("group"), tr("The group's id."), tr("ID")); }
QCommandLineOption formatOption() {
  return QCommandLineOption(QStringLiteral("format"), tr("Output: table, json or csv (default table)."), tr("FORMAT"),
                            QStringLiteral("table"));
}

bool groupId(const QCommandLineParser& parser, const QCommandLineOption& option, const QString& command, qint64* id) {
  bool ok = false;
  *id = parser.value(option).toLongLong(&ok);
  if (ok && *id > 0) return true;
  printErr(tr("donordesk-cli %1: --group must be a group id (see group list)").arg(command));
  return false;
}

bool formatValue(const QCommandLineParser& parser, const QCommandLineOption& option, const QString& command,
                 QString* format) {
  *format = parser.value(option);
  if (*format == QLatin1String("table") || *format == QLatin1String("json") || *format == QLatin1String("csv"))
    return true;
  printErr(tr("donordesk-cli %1: --format must be table, json or csv, not '%2'").arg(command, *format));
  return false;
}

int runCreate(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("group create");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Create a volunteer group (a WeChat or region group); prints its id."));
  const QCommandLineOption name(QStringLiteral("name"), tr("The group's name (unique)."), tr("NAME"));
  const QCommandLineOption kind(QStringLiteral("kind"), tr("wechat or region."), tr("KIND"));
  const QCommandLineOption prefecture(QStringLiteral("prefecture"), tr("The prefecture the group serves."), tr("P"));
  const QCommandLineOption county(QStringLiteral("county"), tr("The county the group serves."), tr("C"));
  const QCommandLineOption note(QStringLiteral("note"), tr("A note (who runs the group, its QR code's place)."),
                                tr("TEXT"));
  const QCommandLineOption staff = staffOption();
  parser.addOptions({name, kind, prefecture, county, note, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  const auto parsedKind = dd::model::parseGroupKind(parser.value(kind).toStdString());
  if (!parsedKind) {
    printErr(tr("donordesk-cli %1: --kind must be wechat or region").arg(command));
    return dd::cli::exitUsage;
  }
  dd::app::GroupRequest request;
  request.name = parser.value(name);
  request.kind = *parsedKind;
  request.prefecture = parser.value(prefecture);
  request.county = parser.value(county);
  request.note = parser.value(note);
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(command, registry.error());
  auto created = dd::app::createGroup(**registry, request, actorFrom(parser.value(staff)));
  if (!created) return fail(command, created.error());
  dd::cli::printOut(QString::number(created->id) + QLatin1Char('\n'));
  return dd::cli::exitOk;
}

int runList(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("group list");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("List the groups: id, name, kind, prefecture, county, members."));
  const QCommandLineOption format = formatOption();
  parser.addOption(format);
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  QString f;
  if (!formatValue(parser, format, command, &f)) return dd::cli::exitUsage;
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::ReadOnly);
  if (!registry) return fail(command, registry.error());
  auto groups = dd::app::listGroups(**registry);
  if (!groups) return fail(command, groups.error());
  if (f == QLatin1String("json"))
    dd::cli::printOut(dd::app::groupsJson(*groups));
  else if (f == QLatin1String("csv"))
    dd::cli::printOut(dd::app::groupsCsv(*groups));
  else
    dd::cli::printOut(dd::app::groupsTable(*groups));
  return dd::cli::exitOk;
}

int runAdd(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("group add");
  QCommandLineParser parser;
  parser.setApplicationDescription(
      tr("Add volunteers to a group: by registry numbers, from a file of numbers, or every volunteer still in the "
         "pool (active, temporarily deferred, lost contact, reserved) of a prefecture or county. Nothing is added "
         "when a number is unknown or names a withdrawn or retired volunteer; members already in the group are "
         "skipped and counted."));
  const QCommandLineOption group = groupOption();
  const QCommandLineOption volunteers(QStringLiteral("volunteers"), tr("Registry numbers, separated by commas."),
                                      tr("NO,NO,..."));
  const QCommandLineOption fromFile(QStringLiteral("from-file"),
                                    tr("A file of registry numbers, one per line or separated by commas."),
                                    tr("FILE"));
  const QCommandLineOption prefecture(QStringLiteral("prefecture"), tr("Every volunteer in the pool of this "
                                                                       "prefecture."),
                                      tr("P"));
  const QCommandLineOption county(QStringLiteral("county"), tr("With --prefecture: only this county."), tr("C"));
  const QCommandLineOption staff = staffOption();
  parser.addOptions({group, volunteers, fromFile, prefecture, county, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  qint64 id = 0;
  if (!groupId(parser, group, command, &id)) return dd::cli::exitUsage;
  const int ways = int(parser.isSet(volunteers)) + int(parser.isSet(fromFile)) + int(parser.isSet(prefecture));
  if (ways != 1) {
    printErr(tr("donordesk-cli %1: give one of --volunteers, --from-file or --prefecture").arg(command));
    return dd::cli::exitUsage;
  }
  if (parser.isSet(county) && !parser.isSet(prefecture)) {
    printErr(tr("donordesk-cli %1: --county needs --prefecture").arg(command));
    return dd::cli::exitUsage;
  }
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(command, registry.error());
  const dd::app::Actor actor = actorFrom(parser.value(staff));
  dd::Expected<dd::app::MembersAdded> added = dd::app::MembersAdded{};
  if (parser.isSet(prefecture)) {
    added = dd::app::addGroupMembersByRegion(**registry, id, parser.value(prefecture), parser.value(county), actor);
  } else {
    QStringList numbers;
    if (parser.isSet(fromFile)) {
      auto read = dd::app::registryNumbersFromFile(parser.value(fromFile));
      if (!read) return fail(command, read.error());
      numbers = *read;
    } else {
      numbers = dd::app::parseRegistryNumbers(parser.value(volunteers));
    }
    added = dd::app::addGroupMembers(**registry, id, numbers, actor);
  }
  if (!added) return fail(command, added.error());
  printErr(tr("%1 added, %2 already members").arg(added->added).arg(added->alreadyMembers));
  return dd::cli::exitOk;
}

int runRemove(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("group remove");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Remove volunteers from a group. Nothing is removed when a number is "
                                      "unknown."));
  const QCommandLineOption group = groupOption();
  const QCommandLineOption volunteers(QStringLiteral("volunteers"), tr("Registry numbers, separated by commas."),
                                      tr("NO,NO,..."));
  const QCommandLineOption staff = staffOption();
  parser.addOptions({group, volunteers, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  qint64 id = 0;
  if (!groupId(parser, group, command, &id)) return dd::cli::exitUsage;
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(command, registry.error());
  auto removed = dd::app::removeGroupMembers(**registry, id, dd::app::parseRegistryNumbers(parser.value(volunteers)),
                                             actorFrom(parser.value(staff)));
  if (!removed) return fail(command, removed.error());
  printErr(tr("%1 removed, %2 were not members").arg(removed->removed).arg(removed->notMembers));
  return dd::cli::exitOk;
}

int runMembers(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("group members");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Print a group's members by registry number: registry no, name, phone, "
                                      "prefecture, county, status."));
  const QCommandLineOption group = groupOption();
  const QCommandLineOption format = formatOption();
  const QCommandLineOption limit(QStringLiteral("limit"), tr("Rows per page (default 10000)."), tr("N"),
                                 QString::number(dd::app::kMaxGroupPage));
  const QCommandLineOption offset(QStringLiteral("offset"), tr("Rows to skip (default 0)."), tr("N"),
                                  QStringLiteral("0"));
  parser.addOptions({group, format, limit, offset});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  qint64 id = 0;
  if (!groupId(parser, group, command, &id)) return dd::cli::exitUsage;
  QString f;
  if (!formatValue(parser, format, command, &f)) return dd::cli::exitUsage;
  bool limitOk = false, offsetOk = false;
  const int limitValue = parser.value(limit).toInt(&limitOk);
  const int offsetValue = parser.value(offset).toInt(&offsetOk);
  if (!limitOk || !offsetOk) {
    printErr(tr("donordesk-cli %1: --limit and --offset must be whole numbers").arg(command));
    return dd::cli::exitUsage;
  }
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::ReadOnly);
  if (!registry) return fail(command, registry.error());
  auto members = dd::app::groupMembers(**registry, id, limitValue, offsetValue);
  if (!members) return fail(command, members.error());
  if (f == QLatin1String("json"))
    dd::cli::printOut(dd::app::groupMembersJson(*members));
  else if (f == QLatin1String("csv"))
    dd::cli::printOut(dd::app::groupMembersCsv(*members));
  else
    dd::cli::printOut(dd::app::groupMembersTable(*members));
  return dd::cli::exitOk;
}

int runExport(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("group export");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Write a group's member list as CSV for the group's WeChat admin: registry "
                                      "no, name, phone, prefecture, county, status."));
  const QCommandLineOption group = groupOption();
  const QCommandLineOption out(QStringLiteral("out"), tr("The CSV file to write."), tr("FILE"));
  const QCommandLineOption encoding(QStringLiteral("encoding"), tr("utf-8 (default, with a BOM) or gb18030."),
                                    tr("NAME"));
  const QCommandLineOption staff = staffOption();
  parser.addOptions({group, out, encoding, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  qint64 id = 0;
  if (!groupId(parser, group, command, &id)) return dd::cli::exitUsage;
  if (parser.value(out).isEmpty()) {
    printErr(tr("donordesk-cli %1: --out is required").arg(command));
    return dd::cli::exitUsage;
  }
  dd::app::GroupExportOptions options;
  options.path = parser.value(out);
  if (parser.isSet(encoding)) options.encoding = parser.value(encoding);
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(command, registry.error());
  auto written = dd::app::exportGroupMembers(**registry, id, options, actorFrom(parser.value(staff)));
  if (!written) return fail(command, written.error());
  printErr(tr("%1 members written to %2").arg(*written).arg(options.path));
  return dd::cli::exitOk;
}

int runMessage(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("group message");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Record that a message was posted in a group (with how many members it had "
                                      "then). DonorDesk does not send it: WeChat does."));
  const QCommandLineOption group = groupOption();
  const QCommandLineOption text(QStringLiteral("text"), tr("The text that was posted."), tr("TEXT"));
  const QCommandLineOption staff = staffOption();
  parser.addOptions({group, text, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  qint64 id = 0;
  if (!groupId(parser, group, command, &id)) return dd::cli::exitUsage;
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(command, registry.error());
  auto recorded = dd::app::recordGroupMessage(**registry, id, parser.value(text), actorFrom(parser.value(staff)));
  if (!recorded) return fail(command, recorded.error());
  printErr(tr("recorded: %1 members").arg(recorded->memberCount));
  return dd::cli::exitOk;
}

int runMessages(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("group messages");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("List the messages recorded for a group, newest first: sent at, staff, "
                                      "members, text."));
  const QCommandLineOption group = groupOption();
  parser.addOption(group);
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  qint64 id = 0;
  if (!groupId(parser, group, command, &id)) return dd::cli::exitUsage;
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::ReadOnly);
  if (!registry) return fail(command, registry.error());
  auto messages = dd::app::groupMessages(**registry, id);
  if (!messages) return fail(command, messages.error());
  QString out;
  for (const dd::model::GroupMessage& m : *messages) {
    QString oneLine = m.text;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    oneLine.replace(QLatin1Char('\r'), QLatin1Char(' '));
    out += QStringLiteral("%1\t%2\t%3\t%4\n")
               .arg(m.sentAt.toLocalTime().toString(Qt::ISODate), m.staff)
               .arg(m.memberCount)
               .arg(oneLine);
  }
  dd::cli::printOut(out);
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("group create", QT_TRANSLATE_NOOP("dd::cli", "Create a WeChat or region group (prints its id)."),
               runCreate)
DD_CLI_COMMAND("group list", QT_TRANSLATE_NOOP("dd::cli", "List the volunteer groups with their member counts."),
               runList)
DD_CLI_COMMAND("group add", QT_TRANSLATE_NOOP("dd::cli", "Add volunteers to a group (by number or by region)."),
               runAdd)
DD_CLI_COMMAND("group remove", QT_TRANSLATE_NOOP("dd::cli", "Remove volunteers from a group."), runRemove)
DD_CLI_COMMAND("group members", QT_TRANSLATE_NOOP("dd::cli", "Print a group's members."), runMembers)
DD_CLI_COMMAND("group export", QT_TRANSLATE_NOOP("dd::cli", "Write a group's member list as CSV."), runExport)
DD_CLI_COMMAND("group message", QT_TRANSLATE_NOOP("dd::cli", "Record that a message was posted in a group."),
               runMessage)
DD_CLI_COMMAND("group messages", QT_TRANSLATE_NOOP("dd::cli", "List the messages recorded for a group."),
               runMessages)
