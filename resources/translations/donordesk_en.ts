<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About DonorDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits and licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPD-IMGT/HLA licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>DonorDesk — stem-cell donor registry desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start, show the main window, quit after one event-loop turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window into the PNG file PATH and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write screenshot &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DonorDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About DonorDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::cli</name>
    <message>
        <source>Show help for this command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DonorDesk command line: registry data, HLA tools, search, print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run, then its arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (see donordesk-cli --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli version: unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the program version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::AboutDialog</name>
    <message>
        <source>&lt;h2&gt;DonorDesk %1&lt;/h2&gt;&lt;p&gt;Desktop software for a stem-cell donor registry branch office.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;HLA nomenclature&lt;/h3&gt;&lt;p&gt;HLA allele names, groups and serology relations come from the IPD-IMGT/HLA Database, release 3.58.0 (2024-10-09), shipped unmodified under the Creative Commons Attribution-NoDerivs licence.&lt;/p&gt;&lt;p&gt;Please cite: Barker D, Maccari G, Georgiou X, Cooper M, Flicek P, Robinson J, Marsh SGE. The IPD-IMGT/HLA Database. &lt;i&gt;Nucleic Acids Research&lt;/i&gt; (2023), 51(D1): D948-D955.&lt;/p&gt;&lt;h3&gt;Haplotype frequencies&lt;/h3&gt;&lt;p&gt;The sample haplotype frequency file (CAU.freqs) is from the NMDP bioinformatics py-graph-imputation project, licensed under the LGPL-3.0.&lt;/p&gt;&lt;h3&gt;Libraries&lt;/h3&gt;&lt;p&gt;Qt 6 (LGPL-3.0), SQLite (public domain), PostgreSQL client library (PostgreSQL licence), spdlog and fmt (MIT), Catch2 (BSL-1.0), Noto Sans CJK fonts (SIL OFL 1.1).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::MainWindow</name>
    <message>
        <source>DonorDesk — stem-cell donor registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register of volunteers: find anyone by name, registry number, ID number or phone; register new volunteers from a recruitment drive; edit contact details, HLA typing and status with a full audit history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patients for whom a transplant hospital has requested a search: typing, diagnosis, urgency and the state of each search request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank every volunteer against a patient&apos;s HLA typing (10/10, 8/8, 6/6, DPB1 permissiveness) in milliseconds, reserve the best donors and print the search report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each matched volunteer&apos;s path from confirmatory typing through medical exam, signed donation consent and collection, with dates, stop reasons and the forms to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeping in touch: volunteers who have lost contact, contact details that are getting old, and matched volunteers at risk of withdrawing late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures for the branch: registrations per drive and region, status mix, searches, workups and donations over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::log</name>
    <message>
        <source>Cannot open log file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::qt::CommonOptions</name>
    <message>
        <source>Database to open: a SQLite file path, sqlite:PATH, or postgresql://user[:password]@host:port/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPD-IMGT/HLA release folder to load instead of the bundled 3.58.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log level: trace, debug, info, warn, error, critical or off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en (default: system locale).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid value for --log-level: &apos;%1&apos; (use trace, debug, info, warn, error, critical or off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported value for --lang: &apos;%1&apos; (use zh_CN or en).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
