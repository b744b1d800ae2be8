// The `hla` command contract scripts rely on: stdout carries only results,
// exit codes 0 / 1 / 2, and stdin batches with one output line per input line.
#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QStringList>

#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using dd::test::runCli;

namespace {
// stderr lines written by donordesk-cli itself (Qt may add its own notes, e.g. about XDG_RUNTIME_DIR).
QStringList ownMessages(const QString& err) {
  QStringList own;
  for (const QString& line : err.split('\n'))
    if (line.startsWith(QLatin1String("donordesk-cli"))) own << line;
  return own;
}

const QString macTable = QStringLiteral(DONORDESK_TEST_DATA_DIR "/hla/mac_small.txt");

QString reduced(const QString& level, const QString& typing) {
  const auto result = runCli({"hla", "reduce", "--level", level, "--mac", macTable, typing});
  INFO(result.err.toStdString());
  CHECK(result.exitCode == 0);
  CHECK(result.out.endsWith('\n'));
  CHECK(result.out.count('\n') == 1);
  return result.out.trimmed();
}
}  // namespace

TEST_CASE("hla reduce prints the reduced GL String for every level") {
  CHECK(reduced("lgx", "C*02:10") == "C*02:02");
  CHECK(reduced("lg", "A*01:01:01") == "A*01:01g");
  CHECK(reduced("G", "A*01:01:01:01") == "A*01:01:01G");
  CHECK(reduced("P", "C*02:10:01:01") == "C*02:02P");
  CHECK(reduced("S", "B*13:04") == "B15/B21");
  CHECK(reduced("U2", "A*01:04:01:01N") == "A*01:04N");
  CHECK(reduced("W", "DRB4*01:03N") == "DRB4*01:03:01:02N/DRB4*01:03:01:13N");
  CHECK(reduced("exp", "A*02:AB") == "A*02:01/A*02:02");
  CHECK(reduced("exp", "A*02:XX").startsWith("A*02:01/A*02:02/"));
  // py-ard keeps HLA- on every allele of the result (glstring.feature); each token keeps its own.
  CHECK(reduced("lgx", "HLA-A*01:01:01:01+HLA-A*02:01:01:01^B*07:02:01:01") ==
        "HLA-A*01:01+HLA-A*02:01^B*07:02");
  CHECK(reduced("lgx", "DRB4*01:03N") == "DRB4*01:01");  // py-ard: a null reduces with its G group
}

TEST_CASE("hla reduce --strict-nulls keeps a null allele apart from expressed groups") {
  auto strict = [](const QString& level, const QString& typing) {
    const auto result = runCli({"hla", "reduce", "--strict-nulls", "--level", level, typing});
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 0);
    return result.out.trimmed();
  };
  CHECK(strict("lgx", "DRB4*01:03N") == "DRB4*01:03N");
  CHECK(strict("lg", "A*01:04:01:01N") == "A*01:04N");
  CHECK(strict("P", "A*01:04:01:01N") == "A*01:04N");
  CHECK(strict("lgx", "HLA-C*02:10") == "HLA-C*02:02");
  CHECK(reduced("P", "A*01:04:01:01N") == "A*01:04:01:01N");  // the default: as py-ard, in no P group
  // The option changes nothing for an expressed allele in a P group, and it is an option, not a level.
  CHECK(strict("lgx", "A*01:01:01:01") == reduced("lgx", "A*01:01:01:01"));
  const auto bad = runCli({"hla", "reduce", "--strict-nulls", "A*01:01"});
  CHECK(bad.exitCode == 2);  // --level is still required
  CHECK(bad.out.isEmpty());
}

TEST_CASE("hla reduce reports bad input on stderr with exit 2 and nothing on stdout") {
  auto result = runCli({"hla", "reduce", "--level", "lgx", "A*99:99"});
  CHECK(result.exitCode == 2);
  CHECK(result.out.isEmpty());
  CHECK(result.err.contains("A*99:99"));
  CHECK(result.err.contains("3.58.0"));
  result = runCli({"hla", "reduce", "--level", "S", "DRB4*01:03N"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("DRB4*01:03N"));
  result = runCli({"hla", "reduce", "--level", "lgx", "A*02:AB"});  // no --mac
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("--mac"));
  result = runCli({"hla", "reduce", "--level", "fine", "A*02:01"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("fine"));
  result = runCli({"hla", "reduce", "A*02:01"});  // --level missing
  CHECK(result.exitCode == 2);
  result = runCli({"hla", "reduce", "--level", "lgx"});  // TYPING missing
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("TYPING"));
}

TEST_CASE("hla reduce warns about renamed alleles on stderr and reduces the current name") {
  const auto result = runCli({"hla", "reduce", "--level", "W", "A*01:34N"});
  CHECK(result.exitCode == 0);
  CHECK(result.out == "A*01:01:38L\n");
  CHECK(result.err.contains("A*01:34N"));
}

TEST_CASE("hla validate: exit 0 with the normal form, exit 2 with the message") {
  auto result = runCli({"hla", "validate", "hla-a*02:01/HLA-A*02:xx"});
  CHECK(result.exitCode == 0);
  CHECK(result.out == "A*02:01/A*02:XX\n");
  CHECK(ownMessages(result.err).isEmpty());
  result = runCli({"hla", "validate", "A*02:01:0x"});
  CHECK(result.exitCode == 2);
  CHECK(result.out.isEmpty());
  CHECK(result.err.contains("A*02:01:0x"));
  result = runCli({"hla", "validate", "--locus", "DRB1", "DR15"});
  CHECK(result.exitCode == 0);
  result = runCli({"hla", "validate", "--locus", "DRB1", "B*07:02"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("DRB1"));
  result = runCli({"hla", "validate", "--locus", "XYZ", "B*07:02"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("XYZ"));
}

TEST_CASE("hla info prints the release and allele counts per locus") {
  const auto result = runCli({"hla", "info"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.contains("IPD-IMGT/HLA 3.58.0"));
  CHECK(result.out.contains("folder\t" DONORDESK_RESOURCE_DIR "/hla/imgt-3.58.0\n"));
  const QStringList lines = result.out.split('\n');
  for (const char* locus : {"A", "B", "C", "DRB1", "DQB1", "DPB1"}) {
    INFO(locus);
    bool found = false;
    for (const QString& line : lines) {
      const QStringList cells = line.split('\t');
      if (cells.size() == 2 && cells[0] == locus) found = cells[1].toInt() > 500;
    }
    CHECK(found);
  }
}

TEST_CASE("hla info with a --hla-data folder that does not exist fails with exit 1 and names it") {
  const auto result = runCli({"--hla-data", "/nonexistent/imgt", "hla", "info"});
  CHECK(result.exitCode == 1);
  CHECK(result.err.contains("/nonexistent/imgt"));
}

TEST_CASE("stdin batch: one output line per input line, errors as ERROR lines") {
  const QByteArray input = "A*01:01:01:01\nA*99:99\nB*13:04\n\nC*02:10\n";
  auto result = runCli({"hla", "reduce", "--level", "lgx", "-"}, input);
  CHECK(result.exitCode == 0);
  const QStringList lines = result.out.split('\n');
  REQUIRE(lines.size() == 6);  // five lines and the final newline
  CHECK(lines[0] == "A*01:01");
  CHECK(lines[1].startsWith("ERROR: "));
  CHECK(lines[1].contains("A*99:99"));
  CHECK(lines[2] == "B*13:04");
  CHECK(lines[3].startsWith("ERROR: "));  // an empty line is an error, not a skipped line
  CHECK(lines[4] == "C*02:02");
  CHECK(lines[5].isEmpty());

  result = runCli({"hla", "validate", "-"}, "A*02:01\nnonsense\n");
  CHECK(result.exitCode == 0);
  CHECK(result.out.split('\n').value(0) == "A*02:01");
  CHECK(result.out.split('\n').value(1).startsWith("ERROR: "));

  result = runCli({"hla", "reduce", "--level", "lgx", "-"}, "A*99:99\nQ*01:01\n");
  CHECK(result.exitCode == 2);  // every line failed
  CHECK(result.out.count('\n') == 2);
}

TEST_CASE("stdin batch of 100,000 typings is fast and line-for-line correct") {
  const QStringList typings = {"A*01:01:01:01", "C*02:10",       "B*07:02:01:01+B*08:01:01:01",
                               "DRB1*15:01",    "A*02:01:01G",   "DQB1*06:02:01:01",
                               "A*99:99",       "B*44:02:01:01", "DPB1*04:01:01:01"};
  QStringList expected;
  for (const QString& typing : typings) {
    const auto one = runCli({"hla", "reduce", "--level", "lgx", typing});
    expected << (one.exitCode == 0 ? one.out.trimmed() : QStringLiteral("ERROR: ") + ownMessages(one.err).value(0).section(": ", 1));
  }
  QByteArray input;
  for (int i = 0; i < 100000; ++i) input += typings[i % typings.size()].toUtf8() + '\n';
  QElapsedTimer timer;
  timer.start();
  const auto result = runCli({"hla", "reduce", "--level", "lgx", "-"}, input);
  const qint64 elapsed = timer.elapsed();
  CHECK(result.exitCode == 0);
  const QStringList lines = result.out.split('\n');
  REQUIRE(lines.size() == 100001);
  for (int i = 0; i < 100000; i += 997) {
    INFO(i);
    CHECK(lines[i] == expected[i % expected.size()]);
  }
  WARN("100,000 lines in " << elapsed << " ms");
  CHECK(elapsed < 15000);  // about 1 s on an idle core; generous for a shared machine
}

TEST_CASE("bench hla prints load time, memory and reductions per second") {
  const auto result = runCli({"bench", "hla", "--loads", "1", "--seconds", "0.05"});
  CHECK(result.exitCode == 0);
  for (const char* key : {"load_ms", "memory_mb", "lgx_per_s", "G_per_s"}) CHECK(result.out.contains(key));
}
