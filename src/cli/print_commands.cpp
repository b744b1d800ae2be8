// `donordesk-cli print ...`: consent forms, registration forms, search
// reports, certificates and letters as PDF files, in the --lang language.
// Exit 2 for a missing record or missing data (the message names it).
#include <QFileInfo>

#include "app/actor.h"
#include "app/print_documents.h"
#include "app/print_search_report.h"
#include "app/recruitment_drive_key.h"
#include "app/registry.h"
#include "cli/command.h"
#include "core/qt/localization.h"
#include "documents/specimen_data.h"

namespace {

using dd::app::DocumentPrinter;
using dd::documents::PreparedDocument;

// Errors that mean "the input names nothing printable" rather than "the work failed".
bool isInputError(const dd::Error& error) {
  const std::string& code = error.code;
  return code == "store.not_found" || code == "documents.missing_values" || code.rfind("print.", 0) == 0 ||
         code.rfind("validation.", 0) == 0 || code == "app.search_patient_untyped" || code == "match.patient_incomplete";
}

int fail(const QString& command, const dd::Error& error) {
  dd::cli::printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(error)));
  return isInputError(error) ? dd::cli::exitUsage : dd::cli::exitFailure;
}

int usage(const QString& command, const QString& message) {
  dd::cli::printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, message));
  return dd::cli::exitUsage;
}

// Parsed command line of one print command.
struct PrintArgs {
  QCommandLineParser parser;
  QString out;
};

// Adds --out and the record option, parses, and checks both are there
// (the record option only when recordRequired: the caller checks alternatives).
bool parse(PrintArgs& args, const QString& command, const QStringList& raw, const QCommandLineOption& record,
           int* code, const QList<QCommandLineOption>& extra = {}, bool recordRequired = true) {
  const QCommandLineOption out(QStringLiteral("out"), dd::cli::tr("The PDF file to write."), QStringLiteral("FILE"));
  args.parser.addOption(record);
  args.parser.addOption(out);
  for (const auto& option : extra) args.parser.addOption(option);
  if (!dd::cli::parseCommandLine(args.parser, command, raw, code)) return false;
  if (!args.parser.positionalArguments().isEmpty()) {
    *code = usage(command, dd::cli::tr("unexpected argument '%1'").arg(args.parser.positionalArguments().constFirst()));
    return false;
  }
  if (recordRequired && args.parser.value(record).trimmed().isEmpty()) {
    *code = usage(command, dd::cli::tr("--%1 is required").arg(record.names().constFirst()));
    return false;
  }
  args.out = args.parser.value(out).trimmed();
  if (args.out.isEmpty()) {
    *code = usage(command, dd::cli::tr("--out FILE is required"));
    return false;
  }
  return true;
}

dd::Expected<std::unique_ptr<dd::app::Registry>> openRegistry(const dd::cli::Context& context) {
  // Printing never creates an empty registry.
  return dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
}

int report(const QString& path, const QList<PreparedDocument>& documents);

// The end every print command shares: the prepared documents (or why not)
// written into one PDF at --out, and what was written.
int writeAndReport(const QString& command, const QString& out, DocumentPrinter& printer,
                   const dd::Expected<QList<PreparedDocument>>& documents) {
  if (!documents) return fail(command, documents.error());
  if (auto written = printer.writePdf(out, *documents); !written) return fail(command, written.error());
  return report(out, *documents);
}
int writeAndReport(const QString& command, const QString& out, DocumentPrinter& printer,
                   const dd::Expected<PreparedDocument>& document) {
  if (!document) return fail(command, document.error());
  return writeAndReport(command, out, printer, QList<PreparedDocument>{*document});
}

int report(const QString& path, const QList<PreparedDocument>& documents) {
  int pages = 0;
  for (const PreparedDocument& document : documents) pages += document.pageCount();
  dd::cli::printOut(dd::cli::tr("wrote %1 (%2 pages, %3)\n")
                        .arg(QFileInfo(path).absoluteFilePath())
                        .arg(pages)
                        .arg(documents.constFirst().source().versionLabel()));
  return dd::cli::exitOk;
}

// The commands that print one volunteer's document share everything but the use case.
using VolunteerDocument = dd::Expected<PreparedDocument> (DocumentPrinter::*)(const QString&);

int runVolunteerDocument(dd::cli::Context& context, const QStringList& raw, const QString& command,
                         VolunteerDocument which) {
  PrintArgs args;
  const QCommandLineOption volunteer(QStringLiteral("volunteer"), dd::cli::tr("The volunteer's registry number."),
                                     QStringLiteral("NO"));
  int code = 0;
  if (!parse(args, command, raw, volunteer, &code)) return code;
  auto registry = openRegistry(context);
  if (!registry) return fail(command, registry.error());
  DocumentPrinter printer(**registry, dd::app::loadPrintSettings(), context.settings.language);
  return writeAndReport(command, args.out, printer, (printer.*which)(args.parser.value(volunteer)));
}

int runRegistration(dd::cli::Context& context, const QStringList& raw) {
  const QString command = QStringLiteral("print registration");
  PrintArgs args;
  const QCommandLineOption volunteer(QStringLiteral("volunteer"),
                                     dd::cli::tr("A volunteer's registry number; repeat it to print several "
                                                 "forms (a recruitment drive) into one PDF."),
                                     QStringLiteral("NO"));
  const QCommandLineOption drive(QStringLiteral("drive"),
                                 dd::cli::tr("Every volunteer of a recruitment drive: YYYY-MM-DD, YYYY-MM-DD@place "
                                             "or batch:N (see `drives`)."),
                                 QStringLiteral("KEY"));
  int code = 0;
  if (!parse(args, command, raw, volunteer, &code, {drive}, false)) return code;
  const bool byDrive = args.parser.isSet(drive);
  if (byDrive && args.parser.isSet(volunteer))
    return usage(command, dd::cli::tr("use either --volunteer or --drive, not both"));
  if (!byDrive && args.parser.value(volunteer).trimmed().isEmpty())
    return usage(command, dd::cli::tr("--volunteer is required"));
  if (byDrive && args.parser.values(drive).size() > 1)
    return usage(command, dd::cli::tr("give --drive once"));
  if (byDrive) {  // a malformed key is a usage error before the database is opened
    if (auto key = dd::app::parseDriveKey(args.parser.value(drive)); !key) return fail(command, key.error());
  }
  auto registry = openRegistry(context);
  if (!registry) return fail(command, registry.error());
  QStringList registryNos = args.parser.values(volunteer);
  if (byDrive) {
    auto members = dd::app::driveVolunteers(**registry, args.parser.value(drive));
    if (!members) return fail(command, members.error());
    registryNos = *members;
  }
  DocumentPrinter printer(**registry, dd::app::loadPrintSettings(), context.settings.language);
  return writeAndReport(command, args.out, printer, printer.registrations(registryNos));
}

int runConsent(dd::cli::Context& context, const QStringList& raw) {
  const QString command = QStringLiteral("print consent");
  PrintArgs args;
  const QCommandLineOption caseOption(QStringLiteral("case"),
                                      dd::cli::tr("The workup case: its code (e.g. P2026-00001-01) or its id."),
                                      QStringLiteral("CASE"));
  int code = 0;
  if (!parse(args, command, raw, caseOption, &code)) return code;
  if (args.parser.value(caseOption).trimmed().isEmpty())
    return usage(command, dd::cli::tr("--case must name a workup case (its code, e.g. P2026-00001-01)"));
  auto registry = openRegistry(context);
  if (!registry) return fail(command, registry.error());
  auto workup = (*registry)->workupCaseByCode(args.parser.value(caseOption));
  if (!workup) return fail(command, workup.error());
  const qint64 caseId = workup->id;
  DocumentPrinter printer(**registry, dd::app::loadPrintSettings(), context.settings.language);
  auto document = printer.consent(caseId);  // checked first so a bad case writes nothing
  if (!document) return fail(command, document.error());
  if (auto printed = printer.printConsentToPdf(caseId, args.out, dd::app::Actor::fromOperatingSystem()); !printed)
    return fail(command, printed.error());
  return report(args.out, {*document});
}

int runSearchReport(dd::cli::Context& context, const QStringList& raw) {
  const QString command = QStringLiteral("print search-report");
  PrintArgs args;
  const QCommandLineOption patient(QStringLiteral("patient"), dd::cli::tr("The patient's case number (or id)."),
                                   QStringLiteral("ID"));
  const QCommandLineOption minMatches(QStringLiteral("min-matches"),
                                      dd::cli::tr("Lowest grade listed, out of 10 (default 8)."), QStringLiteral("N"),
                                      QStringLiteral("8"));
  const QCommandLineOption limit(QStringLiteral("limit"), dd::cli::tr("Most candidates listed (default 20)."),
                                 QStringLiteral("N"), QStringLiteral("20"));
  int code = 0;
  if (!parse(args, command, raw, patient, &code, {minMatches, limit})) return code;
  dd::app::SearchReportOptions options;
  bool okMin = false;
  bool okLimit = false;
  options.minMatches = args.parser.value(minMatches).toInt(&okMin);
  options.limit = args.parser.value(limit).toInt(&okLimit);
  if (!okMin || options.minMatches < 0 || options.minMatches > 10)
    return usage(command, dd::cli::tr("--min-matches must be 0 to 10, not '%1'").arg(args.parser.value(minMatches)));
  if (!okLimit || options.limit < 1)
    return usage(command, dd::cli::tr("--limit must be a positive number, not '%1'").arg(args.parser.value(limit)));
  options.hlaDataDir = context.settings.hlaData;
  auto registry = openRegistry(context);
  if (!registry) return fail(command, registry.error());
  DocumentPrinter printer(**registry, dd::app::loadPrintSettings(), context.settings.language);
  return writeAndReport(command, args.out, printer,
                        dd::app::prepareSearchReport(printer, **registry, args.parser.value(patient), options));
}

// A template (the office copy if there is one) filled with invented sample
// values: lets an office check an edited template without real records.
int runSpecimen(dd::cli::Context& context, const QStringList& raw) {
  const QString command = QStringLiteral("print specimen");
  PrintArgs args;
  const QCommandLineOption document(QStringLiteral("document"),
                                    dd::cli::tr("consent, registry-consent, registration, search-report, certificate "
                                                "or family-letter."),
                                    QStringLiteral("KIND"));
  int code = 0;
  if (!parse(args, command, raw, document, &code)) return code;
  const auto kind = dd::documents::parseDocumentKind(args.parser.value(document).trimmed());
  if (!kind) return usage(command, dd::cli::tr("unknown document '%1'").arg(args.parser.value(document)));
  const dd::app::PrintSettings settings = dd::app::loadPrintSettings();
  auto source = dd::app::templateLibrary(settings).load(*kind, context.settings.language);
  if (!source) return fail(command, source.error());
  const dd::documents::DocumentData sample = dd::documents::specimenData(context.settings.language);
  auto prepared = PreparedDocument::create(*source, sample);
  if (!prepared) return fail(command, prepared.error());
  dd::documents::PageDecoration decoration = settings.organisation;
  if (decoration.organisationName.isEmpty()) {
    decoration.organisationName = sample.value(QStringLiteral("org.name"));
    decoration.organisationAddress = sample.value(QStringLiteral("org.address"));
  }
  if (auto written = dd::documents::writePdf(args.out, {*prepared}, decoration); !written)
    return fail(command, written.error());
  return report(args.out, {*prepared});
}

int runCertificate(dd::cli::Context& c, const QStringList& a) {
  return runVolunteerDocument(c, a, QStringLiteral("print certificate"), &DocumentPrinter::certificate);
}
int runRegistryConsent(dd::cli::Context& c, const QStringList& a) {
  return runVolunteerDocument(c, a, QStringLiteral("print registry-consent"), &DocumentPrinter::registryConsent);
}
int runFamilyLetter(dd::cli::Context& c, const QStringList& a) {
  return runVolunteerDocument(c, a, QStringLiteral("print family-letter"), &DocumentPrinter::familyLetter);
}

}  // namespace

DD_CLI_COMMAND("print consent",
               QT_TRANSLATE_NOOP("dd::cli", "Donation consent form for a workup case (PDF); records its version."),
               runConsent)
DD_CLI_COMMAND("print registration", QT_TRANSLATE_NOOP("dd::cli", "Volunteer registration form(s) as one PDF."),
               runRegistration)
DD_CLI_COMMAND("print search-report", QT_TRANSLATE_NOOP("dd::cli", "Search report for a patient's hospital (PDF)."),
               runSearchReport)
DD_CLI_COMMAND("print certificate", QT_TRANSLATE_NOOP("dd::cli", "Donation certificate of honour (PDF)."),
               runCertificate)
DD_CLI_COMMAND("print registry-consent", QT_TRANSLATE_NOOP("dd::cli", "Registry joining consent form (PDF)."),
               runRegistryConsent)
DD_CLI_COMMAND("print family-letter", QT_TRANSLATE_NOOP("dd::cli", "Letter explaining donation to a donor's family."),
               runFamilyLetter)
DD_CLI_COMMAND("print specimen", QT_TRANSLATE_NOOP("dd::cli", "A template filled with sample values, to check it."),
               runSpecimen)
