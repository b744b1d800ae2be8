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
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write screenshot &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page to show first: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown page &apos;%1&apos; (use %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog &apos;%1&apos; has nothing to show (is the database empty?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-check: open every page, load the HLA tables, quit; exit 1 on any problem or Qt warning.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefecture or county; empty = the whole province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignsPanel</name>
    <message>
        <source>A campaign is the yearly contact clean-up sent through an operator&apos;s bulk-SMS platform: choose who it reaches and the message, write the platform&apos;s batch file, then read the platform&apos;s delivery-and-reply file back. Every change is shown before it is applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ew campaign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enco&amp;ding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write SMS &amp;batch file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read platform res&amp;ults…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseCommand</name>
    <message>
        <source>Staff name for the audit log (default: OS user).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--staff must be a name of at most 50 characters without control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a date written as 2026-11-28, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be table, json or csv, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseCommand::Parse</name>
    <message>
        <source>--%1 &apos;%2&apos; is not one of: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseRiskDialog</name>
    <message>
        <source>Risk and family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save attitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Opposed&quot; raises a family-opposed risk flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family &amp;letter printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who came:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record s&amp;ession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was seen or heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Raise flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolutio&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resol&amp;ve selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postponement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the donor asked to move a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record post&amp;ponement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by patient, case no or registry no (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Advance to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo last stage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back the furthest stage (a wrong click); the reason is kept in the record&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w stopped cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ad&amp;vance stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;op case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage rea&amp;ched:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stage the donor or patient had reached when the case stopped (counted for late withdrawals).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details (required for &quot;Other&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ris&amp;k and family…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family attitude, family sessions and the case&apos;s risk flags.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;my version over theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard mine, show theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogCatalogue</name>
    <message>
        <source>Zhang Wei</source>
        <comment>sample volunteer name</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsTemplateEditor</name>
    <message>
        <source>Document templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the version whenever the text changes: the version printed on a consent form is recorded on the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy to office folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefect&amp;ure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cr&amp;eate group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry num&amp;bers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paste registry numbers, separated by commas or line breaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;refecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ounty:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all counties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds every volunteer still in the pool (active, temporarily deferred, lost contact, reserved) of the region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove se&amp;lected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export&apos;s encoding: UTF-8 for current Excel and WPS, GB18030 for older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages posted in the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record message &amp;sent</source>
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
    <message>
        <source>&amp;New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchSearchPage</name>
    <message>
        <source>Match search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;GL String:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A*02:01+A*24:02^B*40:01+B*46:01^C*01:02+C*03:04^DRB1*09:01+DRB1*15:01^DQB1*03:03+DQB1*06:02</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minimum matches:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include &amp;unavailable volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reserve for this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;cale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pri&amp;nt report…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientEditor</name>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case no:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned when saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Diagnosis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AML, ALL, SAA …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hospital:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Physician:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABO:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMV:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight (kg):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search &amp;requested:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type each locus as reported by the transplant centre. The reading appears as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-A:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-B:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-C:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-DRB1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-DQB1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-DPB1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search s&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <source>Patients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a new search request (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for &amp;donors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by name, case no, hospital or diagnosis (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search &amp;status:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>&amp;Worklists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefecture or county</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record follow-up &amp;call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected donor&apos;s due follow-up call was made today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the rows of this page. The whole list: donordesk-cli worklist NAME --format csv --limit 10000</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenshotLaunch</name>
    <message>
        <source>Name the PNG file to write with --output PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown dialog &apos;%1&apos; (use %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render into the PNG file PATH and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render this dialog instead of the window (NAME:TAB for a tab): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this tab of the page first (0 = its first tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/donordesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new database is opened when you press OK; it is created and brought up to date if it is new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPD-IMGT/HLA &amp;release folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;MAC table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logo for forms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect the next time DonorDesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export charts as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteerContactLogTab</name>
    <message>
        <source>&amp;On:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add attempt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteerEditor</name>
    <message>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry no:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned when saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 characters; birth date and sex are read from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ethnicity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;unty / district:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Work unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABO:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMV:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight (kg):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent form &amp;version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 2024-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mobile phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Other phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;WeChat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type each locus as received (A*02:01, A2, A*02:XX, A*02:01/A*02:06, A*02:01+A*24:02). The reading appears as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-A:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-B:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-C:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-DRB1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-DQB1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-DPB1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laboratory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment &amp;place:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the recruitment drive was held, e.g. a university or a blood station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment &amp;organiser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Former numbers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers that were replaced are kept as history and still found by a phone search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. father, mother, spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second emergency contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. sibling, friend, colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>if they live elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteerReadinessTab</name>
    <message>
        <source>The yearly readiness check: is the volunteer still willing, any health changes or planned absences, does the family know and how does it stand. An answer &quot;no&quot; asks for withdrawal (staff confirm it on the Status tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked o&amp;n:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still &amp;willing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Health changes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty = none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned a&amp;bsence from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Famil&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family &amp;informed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details confir&amp;med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record chec&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteerStatusTab</name>
    <message>
        <source>Change &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (confirm) or note (cancel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel re&amp;quest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register volunteer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a new volunteer (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find by name, registry no, ID number or phone (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;egion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::app</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a quoted field starting on line %2 is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: no header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-%1 typing &apos;%2&apos; is invalid: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date (use YYYY-MM-DD, YYYY/M/D or an Excel date number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex &apos;%1&apos; must be 男/女 or M/F.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight &apos;%1&apos; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workup case %1 was stopped on %2; no consent form can be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workup case %1: no value for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer No. %1: no value for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No volunteers were chosen to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer No. %1 has no recorded donation: the certificate of honour is printed after a donation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1: no value for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation name is not set: enter it in Settings → Organisation before printing (it appears on every form).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number %1 is already registered as No. %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A volunteer with the same name, birth date and phone is already registered as No. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A volunteer whose status is &apos;%1&apos; cannot be changed to &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the age of 60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer No. %1 is &apos;%2&apos; and cannot start a workup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is already at stage &apos;%1&apos;; it cannot move to &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case was stopped on %1 and can no longer change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Definite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 TCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>definite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades per position: A allele match, P potential allele match, a allele mismatch (antigen match), X antigen mismatch, - not typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1 has no HLA typing to search with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is also on row %2 of this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry number %1 is already used in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: required column(s) missing from the header: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number &apos;%1&apos; is not a mainland mobile number (11 digits starting with 1) or a landline with area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood group &apos;%1&apos; must be A, B, AB or O.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rh &apos;%1&apos; must be + or -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMV status &apos;%1&apos; must be positive, negative or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight %1 kg is outside the plausible range 30–200 kg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number &apos;%1&apos; must have 18 characters: 17 digits and a check digit (0-9 or X).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number %1 contains an impossible birth date %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date %1 disagrees with the ID number, which says %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex disagrees with the ID number, which says %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age %1 on the registration date %2 is outside the joining range 18–45.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age %1 is 60 or over: the volunteer must be retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnic group &apos;%1&apos; is not one of the 56 recognised groups or 其他 (other).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one phone number can be the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail address &apos;%1&apos; is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent date %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency &apos;%1&apos; must be normal, urgent or critical.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a recruitment drive: use YYYY-MM-DD, YYYY-MM-DD@place or batch:N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No volunteers were registered at recruitment drive &apos;%1&apos; (see `donordesk-cli drives` for the drives on record).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for skipping a stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for undoing the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving from &apos;%1&apos; to &apos;%2&apos; skips %3: give the reason for skipping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs the donor&apos;s signed consent on file: record the stage &apos;%2&apos; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date %1 is before the date of the stage &apos;%2&apos; (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is at its first stage; there is nothing to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search requested on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be set by hand: reserve a volunteer from the match page, and a donation is recorded by the collection stage of a case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer No. %1 already has an open workup case (%2) for this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact date %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number %1 does not pass the check-digit test: one of its digits is wrong. Read the number again from the ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one way to reach the volunteer is required: a phone number, WeChat or e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment date %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA-%1 typing &apos;%2&apos; cannot be checked, so it is not saved: the HLA nomenclature could not be loaded (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it contains a character that cannot be stored (U+%1 at position %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: unverified HLA data (%1); results may be wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HLA data in %1 is refused: %2 Use the release folder as published, or start with --hla-data-unverified to use it anyway (every result then says so).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing or unreadable: the release files cannot be checked against the release&apos;s own checksums.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no &quot;MD5 (file) = sum&quot; lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has only %2 bytes; a whole release file has at least %3. It looks cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not start with the release header (&quot;%2&quot; and a &quot;# version:&quot; line): it is not the file it is named as.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing from the release folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not listed in %2, so it cannot be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not match its checksum in %2 (MD5 %3, expected %4): the file is damaged, cut short or edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This registry holds %1 real (not generated) volunteers: synthetic volunteers with realistic ID numbers would mix with them. Generate into a new database (donordesk-cli --db demo.sqlite init).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8: line %2, byte %3 (%4) is not part of any character. Nothing was imported; correct or re-save the file as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid GB18030: line %2, byte %3 (%4) is not part of any character. Nothing was imported; correct or re-save the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 looks like UTF-8 text with damaged bytes: line %2, byte %3 (%4) is not part of any character. Nothing was imported; correct the file, or give --encoding gb18030 if it really is GB18030.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is UTF-16 text but is cut short or damaged. Nothing was imported; re-save the file as CSV UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an Excel workbook (.xlsx), not a CSV file. Save it from Excel or WPS as &quot;CSV UTF-8&quot; and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an old Excel workbook (.xls), not a CSV file. Save it from Excel or WPS as &quot;CSV UTF-8&quot; and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starts with a UTF-16 byte-order mark, not %2 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starts with a UTF-8 byte-order mark, not %2 text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported encoding &apos;%1&apos; (use utf-8, gb18030 or utf-16).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed (it starts &apos;%4&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; contains a character that cannot be stored (%3 at position %4): control characters, line breaks and text-direction marks are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a header row but no data rows: nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: column(s) %2 fill a field that an earlier column already fills. Nothing imported; remove the extra column or pass --ignore-column NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: column(s) %2 match no field. Nothing imported; rename them to an accepted heading (see --help) or leave each out on purpose with --ignore-column NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry number &apos;%1&apos; must be this registry&apos;s prefix %2 and 8 digits, e.g. %3; leave it empty to have one assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is neither UTF-8 nor Chinese GB18030 text (line %2, byte %3, %4, starts no Chinese character; it may be Latin-1 or another Western encoding). Nothing was imported; re-save the file as CSV UTF-8, or give --encoding gb18030 if it really is GB18030.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is valid UTF-8 text, not GB18030: read as GB18030 its names would be garbled. Import it without --encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rejects file %1 would overwrite %2; choose another name (--rejects).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file being imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ignore-column %1: %2 has no column with that heading (its headings: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This registry holds %1 synthetic (generated) volunteers: it is a demonstration registry, and real volunteers imported into it would mix with invented ones. Import into the office&apos;s real registry (--db).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row has %1 cells but the header names only %2 columns: cell %3 (&apos;%4&apos;) belongs to no column. Check for a stray comma or a missing heading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is UTF-32 text, which is not read here. Save it as &quot;CSV UTF-8&quot; and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains NUL bytes (the first on line %2, byte %3, %4): it is not a text CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not look like UTF-16 text; import it without --encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent date %1 is before the birth date %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; starts with &apos;%3&apos;, which spreadsheets run as a formula; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved search index %1 was not used (%2); the index is built from the database again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search index could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results file&apos;s header must be %1 or %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 has %2 columns, not 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: status &apos;%2&apos; is not delivered, failed or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: time &apos;%2&apos; is not a date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: message %2 belongs to campaign %3, not this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2 (message %3) was not sent by this campaign; skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: reply &apos;%2&apos; gives no valid mobile number after 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message text is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown placeholder %1 in the message (known: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A campaign needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months not reached must be between 0 and 600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown encoding %1 (utf-8 or gb18030).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This system cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed contact attempt(s) since the case opened</source>
        <translation>
            <numerusform>%Ln failed contact attempt since the case opened</numerusform>
            <numerusform>%Ln failed contact attempts since the case opened</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 already has an open &apos;%2&apos; flag: resolve it or add to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk flag %1 was resolved on %2 already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session date %1 is before the case opened (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contact attempts failed and none reached them in %2 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reached again on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who came</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the postponement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on the release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered %1 year(s) ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed contact attempt(s) since the last success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the family is opposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the family is neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the family&apos;s attitude is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered &quot;unsure&quot; at a readiness check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asked to withdraw before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aged %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer %1 has no withdrawal request pending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked to withdraw on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the withdrawal request is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 has open risk flags (%2). The patient&apos;s conditioning begins around mobilisation: make sure the donor is still committed before going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has only reached the stage &apos;%1&apos;; it cannot have stopped at &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer No. %1 is &apos;%2&apos;, not reserved: there is no reservation to extend or release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reservation must run until a date after today, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reservation is released for the patient&apos;s side only (transplanted with another donor, patient died, search closed), not for &apos;%1&apos;: a donor who withdraws stops the case, or changes status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case %1 of this reservation is still open: stop the case (that releases the volunteer) instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of failed attempts must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of months must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check date %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A planned absence needs a start and an end, the end not before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health changes and the note may have at most 500 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both emergency contacts have the phone %1: a second person with a number of their own is a better backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both emergency contacts live at the same address: ask for a second person who lives elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer %1 is no longer on the register (status %2): there is no withdrawal to ask for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer %1 has no donation on record: there is no follow-up to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown follow-up point &apos;%1&apos;; use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up date %1 is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up &apos;%1&apos; of the donation on %2 is due on %3; it cannot have been done on %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up &apos;%1&apos; of the donation on %2 was already recorded on %3 by %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donation on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registry numbers were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the registry (%1): %2. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a group named &apos;%1&apos; (id %2): choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: not a list of registry numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn and retired volunteers are not added to groups: they left the registry and are not messaged (%1): %2. Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding by region needs a prefecture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page holds 1 to %1 members from an offset of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file to write was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message text is empty: record what was posted.</source>
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
        <source>Print the program version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times to load the tables (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds per reduction measurement (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure HLA table load time, memory and reductions per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark the matching engine on a synthetic registry (not a test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduce HLA typings to G, P, lg, lgx, S, U2, W or expand codes (exp).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check HLA typings and print their normal form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the loaded IPD-IMGT/HLA release and allele counts per locus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--out FILE is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote %1 (%2 pages, %3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The volunteer&apos;s registry number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A volunteer&apos;s registry number; repeat it to print several forms (a recruitment drive) into one PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s case number (or id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest grade listed, out of 10 (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most candidates listed (default 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--min-matches must be 0 to 10, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit must be a positive number, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent, registry-consent, registration, search-report, certificate or family-letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown document &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donation consent form for a workup case (PDF); records its version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer registration form(s) as one PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search report for a patient&apos;s hospital (PDF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donation certificate of honour (PDF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry joining consent form (PDF).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter explaining donation to a donor&apos;s family.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template filled with sample values, to check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank the registry&apos;s volunteers against a patient typing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create or upgrade the registry database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the database with synthetic volunteers and patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import volunteers from a recruitment drive CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online backup of the SQLite database to a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire the volunteers who have reached 60.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show schema version and row counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List recruitment drives and import batches (keys for print registration --drive).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every volunteer of a recruitment drive: YYYY-MM-DD, YYYY-MM-DD@place or batch:N (see `drives`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use either --volunteer or --drive, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--volunteer is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --drive once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 argument(s), got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting key, e.g. organisation/name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no setting &apos;%1&apos; (see settings list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a setting key (expected group/name, e.g. organisation/name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the settings file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the per-user settings (key, value).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one setting&apos;s value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a setting, e.g. organisation/name (used on every form).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 must be a non-negative number, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthetic registry size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of patients to search for (default 20).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search threads (default: all cores).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donors the naive reference runs on (default 2000; its time is scaled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match scale (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum matches (default 6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results per query (default 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haplotype frequency file (default: the bundled CAU file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--donors N is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>need --donors 1..200000000, --queries &gt;= 1, --limit &gt;= 1, --scale 10|8|6 and --min &lt;= scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fast engine: %1 donors, %2 queries, threads %3, median %4 ms (grading %5 ms), p95 %6 ms
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>naive reference: run on %1 donors%2; fast == naive on %3 of %4 queries
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, time scaled linearly to %1 donors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli bench search: first disagreement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NMDP multiple-allele code table (tab-separated CODE, allele list) for codes like A*02:AB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: expected one TYPING (or - to read lines from stdin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduction level: G, P, lg, lgx, S, U2, W or exp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA typing or GL String; - reads one per line from stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: --level must be one of G, P, lg, lgx, S, U2, W, exp (got &apos;%2&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require every allele to belong to this locus (e.g. DRB1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: &apos;%2&apos; is not an HLA locus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: unexpected argument &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient typing as a GL String.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for this patient case number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match scale: 10, 8 or 6 (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show donors with at least N matches on the scale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show at most N donors (default 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also show deferred, reserved, lost, withdrawn and retired volunteers (flagged).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output: table, json or csv (default table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --typing GL or --patient CASE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--scale must be 10, 8 or 6, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--min must be a number from 0 to %1, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit must be a number from 1 to 100000, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be table, json or csv, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli search: warning: %1: %2 (locus searched as untyped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: expected %2 argument(s), got %3 (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the registry database, or upgrade it to this program&apos;s schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: schema version %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the registry with realistic synthetic volunteers and patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of volunteers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of patients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed (same seed, same data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haplotype frequency file (default: the bundled CAU.freqs.gz).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff name for the audit log (default: OS user).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli generate: --volunteers, --patients and --seed take non-negative whole numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated %1/%2 volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated %1 volunteers (%2 contact attempts) and %3 patients in %4 s
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import volunteers from a recruitment drive CSV (UTF-8 or GB18030). Every row is checked first; nothing is imported unless all rows are valid, or with --skip-invalid the valid rows are imported and the others written to a rejects CSV.

Accepted column headings:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every row and report; import nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the valid rows; write the invalid ones to the rejects file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejects file (default: FILE.rejects.csv).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written %1/%2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checked %1/%2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1, %2: %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows checked (%2): %3 valid, %4 with problems; dry run, nothing imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows have problems; nothing imported (fix them, or use --skip-invalid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported %1 of %2 rows (batch %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected rows written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the SQLite registry to FILE while it stays in use (online backup). For PostgreSQL, prints the pg_dump command to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup file to create (must not exist).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backup written to %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire every volunteer who has reached 60 (a nightly job).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 volunteers retired at 60
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the database, its schema version and row counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also time the bulk read of every volunteer that the matching index uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database: %1
schema version: %2 (this program: %3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bulk read: %1 volunteers (%2 available) in %3 s
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workup case: its code (e.g. P2026-00001-01) or its id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--case must name a workup case (its code, e.g. P2026-00001-01)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli import volunteers: HLA typings cannot be checked, nothing imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>utf-8, gb18030 or utf-16 (default: decided from the file&apos;s bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave this column out on purpose (repeat for several); any other heading that fills no field refuses the import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns (%1):
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 -&gt; ignored
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none of the %1 rows is valid; nothing imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli retire-aged: %1 was not retired: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli retire-aged: %1 volunteers could not be retired; correct their records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quick check: ok
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quick check: DAMAGED (%1); run db check
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the registry: SQLite&apos;s full integrity check, rows whose volunteer or patient is missing, and the schema version. Only reads. Exit 0 when all is well, 1 when a problem was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integrity: ok
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>references: ok
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>references: rows pointing at missing records:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schema version: %1 (this program: %2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  older than this program: donordesk-cli init upgrades it
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli db check: problems found; restore the latest backup or ask the administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the registry&apos;s integrity, references and schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>integrity: %Ln problem(s)
</source>
        <translation>
            <numerusform>integrity: %Ln problem
</numerusform>
            <numerusform>integrity: %Ln problems
</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting for the database: another program or workstation is writing (%1 s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: --staff must be a name of at most 50 characters without control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli backup: the backup file name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot be read
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>floor: one plain pass over the %1 MB a scan of every donor reads, %2 threads: median %3 ms (fast engine / floor %4)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DonorDesk&apos;s matching reading instead of py-ard&apos;s: a null allele keeps its own name at P, lg, lgx and U2, lgx comes from P groups, and a name such as A*01:01 stands for its expressed alleles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times to time opening with the snapshot (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to write the snapshot (default: a temporary file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--runs must be a number from 1 to 100, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time opening a registry until its search index is ready, with and without the saved snapshot (not a test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranking criteria in order, comma-separated (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 TCE assignment: 2 (current algorithm, default) or 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--tce must be 1 or 2, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NMDP multiple-allele code table for codes like A*02:AB (default: the one named in the settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NMDP multiple-allele code table, so that typings such as A*02:AB are accepted (default: the one named in the settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an SMS campaign; prints its id. Placeholders: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this prefecture or county.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only volunteers not reached for this many months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this status (default: active, temporarily_deferred and lost_contact).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sms (the only channel so far).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHANNEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff name for the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: --not-reached-months must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: unknown status %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: --channel must be sms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the campaigns: id, name, region, months, status, created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: --campaign must be a campaign id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the bulk-SMS platform&apos;s batch file (phone,message,message_id) for a campaign. Re-exporting reuses the message ids given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>utf-8 (default) or gb18030.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: --out is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported %1 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages written to %2 (%3 with ids given before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply a bulk-SMS platform&apos;s delivery-and-reply file (phone,message_id,status,reply,time or its Chinese equivalent) to the contact log. Replies: 1 still willing, 2 NEW-PHONE a new number, 0 asks to withdraw, anything else kept as a note. Nothing is applied if any row is malformed; numbers not in the campaign are reported and skipped; a file applied before changes nothing. stdout: one line per change (row, kind, phone, detail).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results CSV (UTF-8 or GB18030).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the changes; apply nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>utf-8 or gb18030 (default: from the file&apos;s bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied %1/%2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 malformed rows: nothing applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied: %1; unknown numbers skipped: %2; status unknown: %3; applied before: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run, nothing applied: %1; unknown numbers: %2; status unknown: %3; applied before: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply a bulk-SMS platform&apos;s delivery and reply file (with a preview).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an SMS campaign (prints its id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the SMS campaigns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a campaign&apos;s bulk-SMS batch file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: postponed %Ln time(s)</source>
        <translation>
            <numerusform>%1: postponed %Ln time</numerusform>
            <numerusform>%1: postponed %Ln times</numerusform>
        </translation>
    </message>
    <message>
        <source>List workup cases (stage, stop, family, risk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workup case; prints its code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move a case on to a later stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop a case with a coded reason and the stage reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a case&apos;s late-withdrawal risk flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise a risk flag on a case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve a case&apos;s risk flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the donor&apos;s family&apos;s attitude.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a family-education session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a postponement asked for by the donor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend a volunteer&apos;s reservation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release a reserved volunteer (patient side: transplanted, died, closed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a volunteer&apos;s yearly readiness check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List a volunteer&apos;s readiness checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a retention worklist (who to contact next).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or set the lost-contact rule (--attempts N --months M).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table, json or csv (default table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count as of this date (yyyy-MM-dd; default today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format must be table, json or csv, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--today must be a date written yyyy-MM-dd, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry statistics: volunteers, contact rates, cases, withdrawals, donations and searches (table, json or csv).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: --volunteer is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that a volunteer asked to withdraw (out of searches at once, until staff confirm or cancel it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day it was asked (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donordesk-cli %1: --date must be a date YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm a pending withdrawal request: the volunteer&apos;s status becomes withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason kept with the status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel a pending withdrawal request (the volunteer is back in searches); the note says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the request is cancelled (required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a volunteer&apos;s request to withdraw (out of searches at once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm a pending withdrawal request (status withdrawn).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel a pending withdrawal request (back in searches).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many campaign messages to export and import (default 100000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--messages must be a number from 1 to 10000000, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time the worklists, the statistics and a campaign&apos;s export and results import on a registry, leaving it unchanged (not a test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a follow-up call after a donation (day2 ... year10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A donor&apos;s follow-up calls: done, due, overdue, to come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a WeChat or region group (prints its id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the volunteer groups with their member counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add volunteers to a group (by number or by region).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove volunteers from a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a group&apos;s members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a group&apos;s member list as CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that a message was posted in a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the messages recorded for a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with %1 workup cases (%2 stopped) and %3 follow-up calls after donations
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::documents</name>
    <message>
        <source>There is nothing to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start printing (the printer or file is not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start a new page on the printer or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donation consent form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry joining consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer registration form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donation certificate of honour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter to the donor&apos;s family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template %1 declares &lt;meta name=&quot;dd-template&quot; content=&quot;%2&quot;&gt; but should be &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template %1 has no version (&lt;meta name=&quot;dd-template-version&quot; content=&quot;...&quot;&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No templates for language &apos;%1&apos; (available: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read template %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No office template folder is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The office already has its own copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write template %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template line %1: &apos;%2&apos; is not a valid placeholder (expected a name like {{volunteer.name}})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template line %1: {{/%2}} closes a section that is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template line %1: section {{#%2}} is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document cannot be printed: no value for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor&apos;s registry number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor&apos;s ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor&apos;s sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor&apos;s age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor&apos;s date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donation date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of donation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s physician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s blood group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA nomenclature release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of volunteers searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s registry number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s city and county</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s work unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact&apos;s relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s blood group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer&apos;s weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the registry consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version of the registry consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment organiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second emergency contact&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second emergency contact&apos;s relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second emergency contact&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second emergency contact&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui</name>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated (demo data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (replaced %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (contact on %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a donor on the follow-up-due list first.</source>
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
    <name>dd::gui::CampaignDialog</name>
    <message>
        <source>Placeholders: %1. Say in one sentence how rare a match is and ask for a reply: 1 still willing, 2 and a new number, 0 to withdraw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active, deferred and lost contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::CampaignResultsDialog</name>
    <message>
        <source>Still willing (replied 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New phone number (replied 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks to withdraw (replied 0): to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other reply, kept as a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered, no reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform results: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) to apply; </source>
        <translation>
            <numerusform>%Ln change to apply; </numerusform>
            <numerusform>%Ln changes to apply; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) applied before; </source>
        <translation>
            <numerusform>%Ln row applied before; </numerusform>
            <numerusform>%Ln rows applied before; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with status unknown (nothing recorded); </source>
        <translation>
            <numerusform>%Ln row with status unknown (nothing recorded); </numerusform>
            <numerusform>%Ln rows with status unknown (nothing recorded); </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln number(s) not in this campaign (skipped).</source>
        <translation>
            <numerusform>%Ln number not in this campaign (skipped).</numerusform>
            <numerusform>%Ln numbers not in this campaign (skipped).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln malformed row(s): the file cannot be applied until they are corrected.</source>
        <translation>
            <numerusform>%Ln malformed row: the file cannot be applied until they are corrected.</numerusform>
            <numerusform>%Ln malformed rows: the file cannot be applied until they are corrected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::CampaignsPanel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GB18030 (older platforms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The character encoding the operator&apos;s platform expects in its batch file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whole province</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln month</numerusform>
            <numerusform>%Ln months</numerusform>
        </translation>
    </message>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign yet: start with New campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the batch file %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) written to %1.</source>
        <translation>
            <numerusform>%Ln message written to %1.</numerusform>
            <numerusform>%Ln messages written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them keep the message id of an earlier export.</source>
        <translation>
            <numerusform>%Ln of them keep the message id of an earlier export.</numerusform>
            <numerusform>%Ln of them keep the message id of an earlier export.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checked: %Ln change(s) ready to apply.</source>
        <translation>
            <numerusform>Checked: %Ln change ready to apply.</numerusform>
            <numerusform>Checked: %Ln changes ready to apply.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln malformed row(s): nothing can be applied.</source>
        <translation>
            <numerusform>%Ln malformed row: nothing can be applied.</numerusform>
            <numerusform>%Ln malformed rows: nothing can be applied.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing applied: the file has malformed rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Applied %Ln change(s) to the contact log.</source>
        <translation>
            <numerusform>Applied %Ln change to the contact log.</numerusform>
            <numerusform>Applied %Ln changes to the contact log.</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign created. Write its batch file for the platform next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write SMS batch file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read platform results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::CaseRiskDialog</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Case %1, stage &apos;%2&apos;; postponed %Ln time(s).</source>
        <translation>
            <numerusform>Case %1, stage &apos;%2&apos;; postponed %Ln time.</numerusform>
            <numerusform>Case %1, stage &apos;%2&apos;; postponed %Ln times.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (family letter handed over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No family session recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the contact log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the session&apos;s date as 2026-11-28.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an open flag to resolve (a flag from the contact log goes when the volunteer is reached or when it is raised and resolved by hand).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::CaseTableModel</name>
    <message>
        <source> (at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::CasesPage</name>
    <message>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load cases: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the case whose consent form you want to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case %1 (patient %2 %3, volunteer No. %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advance %1 to the stage &apos;%2&apos; on %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This records the donation: the volunteer&apos;s status becomes &apos;Donated&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip a stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not follow &apos;%2&apos;. Why is the stage in between skipped?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advance stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo last stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back the stage &apos;%1&apos; of %2? Give the reason (it is kept in the history).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date; write it as 2026-11-28.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open risk flags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case at risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advance anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1 for the reason &apos;%2&apos; at the stage &apos;%3&apos;? A stopped case cannot be continued; a volunteer reserved for this patient becomes available again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::ConflictDialog</name>
    <message>
        <source>%1 saved this record after you opened it. Nothing of yours has been saved yet. These fields differ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::DateField</name>
    <message>
        <source>yyyy-mm-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose from a calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::DocumentsTemplateEditor</name>
    <message>
        <source>Chinese (zh_CN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English (en)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled template (read-only): %1 — copy it to the office folder to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value for: %1. Printing stops at these names; use the names listed in docs/printing.md.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::DrivePickerDialog</name>
    <message>
        <source>Print registration forms for a drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the recruitment drive; every volunteer registered there gets a registration form, all in one document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no place recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print preview…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::GroupsPanel</name>
    <message>
        <source>UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GB18030</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No members yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members %1–%2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 already members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the region&apos;s volunteers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 members written to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln member(s)</source>
        <translation>
            <numerusform>%1: %Ln member</numerusform>
            <numerusform>%1: %Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) removed.</source>
        <translation>
            <numerusform>%Ln member removed.</numerusform>
            <numerusform>%Ln members removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded: posted to %Ln member(s).</source>
        <translation>
            <numerusform>Recorded: posted to %Ln member.</numerusform>
            <numerusform>Recorded: posted to %Ln members.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::gui::HlaFieldWatcher</name>
    <message>
        <source>P group: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serology: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::HlaReader</name>
    <message>
        <source>HLA tables are loading…</source>
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
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit form &amp;templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a form into the office template folder and edit it with a live preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::MatchSearchPage</name>
    <message>
        <source>Reserve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is reserved for this patient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case opened; the volunteer is reserved. See the Cases page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for a patient first; the report lists that patient&apos;s candidates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10/10 (A, B, C, DRB1, DQB1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8/8 (A, B, C, DRB1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6/6 (A, B, DRB1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HLA tables are still loading; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln donor(s) found in %1 ms.</source>
        <translation>
            <numerusform>%Ln donor found in %1 ms.</numerusform>
            <numerusform>%Ln donors found in %1 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reserve volunteer No. %1 for this patient? Other searches then show the volunteer as reserved, and only this patient&apos;s case can use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workup case for volunteer No. %1 and this patient? The volunteer is reserved for the patient until the case ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An untyped locus counts as a potential match; a donor typed there ranks first at the same count. Volunteers untyped at A, B or DRB1 are not searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the best %L1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all %L1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::NameOnlyIconProvider</name>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::PatientEditor</name>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This patient has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::PatientTableModel</name>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donor found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transplanted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA (A · B · DRB1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::PatientsPage</name>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load patients: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::RecordEditor</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::RecordHistoryTable</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::RetentionPage</name>
    <message>
        <source>Nobody on this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campa&amp;igns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record follow-up call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2), follow-up &apos;%3&apos; due on %4: what did the donor say? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::SearchIndex</name>
    <message>
        <source>The HLA tables are still loading; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the search index from every volunteer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search index could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Search index ready: %Ln donor(s) in %1 s.</source>
        <translation>
            <numerusform>Search index ready: %Ln donor in %1 s.</numerusform>
            <numerusform>Search index ready: %Ln donors in %1 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::gui::SearchResultModel</name>
    <message>
        <source>match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permissive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-permissive (GvH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-permissive (HvG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown TCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untyped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allele match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential allele match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allele mismatch (antigen match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antigen mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untyped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMV+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMV−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 on the chosen scale; %3 definite allele matches. * = includes potential matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 T-cell epitope (TCE) category: permissive mismatches are tolerated; non-permissive ones raise the risk of GvHD (GvH) or rejection (HvG).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved for this patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved (another patient)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>potential match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored (only the first results are).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late-withdrawal risk %1 of 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known predictor applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::SearchRunner</name>
    <message>
        <source>The HLA tables are still loading; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the search index to be built…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::SettingsDialog</name>
    <message>
        <source>Default SQLite file (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled release: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: MAC codes such as A*02:AB are not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the path of the SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the server as postgresql://user@host:port/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an IPD-IMGT/HLA release folder (it has no wmda folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPD-IMGT/HLA release folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAC table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::SmokeRun</name>
    <message>
        <source>The HLA tables did not finish loading within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HLA tables could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The translations are missing from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::StatisticsPage</name>
    <message>
        <source>Not coded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 volunteers. Reached in the last 12 months: %2 of %3 who can still be contacted (%4). Lost contact: %5 (%6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteers by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteers by prefecture (largest 12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteers by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over 60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteers by year joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases by stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at this stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawals by reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations per year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domestic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overseas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the charts in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln chart(s) saved in %1.</source>
        <translation>
            <numerusform>%Ln chart saved in %1.</numerusform>
            <numerusform>%Ln charts saved in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only %1 of %2 charts could be saved in %3: check that the folder can be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerContactLogTab</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact date is not a date: type it as 2026-11-28.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerEditor</name>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Register this volunteer anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This volunteer has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered as No. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not searchable until typed at HLA-A, -B and -DRB1; add the typing when it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gister another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerPrintActions</name>
    <message>
        <source>&amp;Registration form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry &amp;joining consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate of honour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Letter to the family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration forms for a &amp;drive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the registration forms of every volunteer of one recruitment drive into one document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a form or letter for the selected volunteer, or the forms of a drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate of honour (only after a recorded donation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a volunteer in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer No. %1 has no recorded donation: the certificate of honour is printed after a donation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recruitment drive is recorded on any volunteer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerReadinessTab</name>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, informed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Willing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date is not readable: type it as 2026-11-28.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerStatusTab</name>
    <message>
        <source>Current status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (until %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status, contacts and history are kept once the volunteer is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Asked to withdraw on %1&lt;/b&gt;: out of searches until confirmed or cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new date the reservation lapses on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved until &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved, with no end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is not readable: type it as 2026-11-28.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerTableModel</name>
    <message>
        <source>Registry no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA (A · B · DRB1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteersPage</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load volunteers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln volunteer(s)</source>
        <translation>
            <numerusform>%Ln volunteer</numerusform>
            <numerusform>%Ln volunteers</numerusform>
        </translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the volunteer whose registration form you want to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::gui::Workspace</name>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2

Still working with %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not exist yet; it will be created when you press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HLA tables not loaded: typings cannot be checked, saved or searched (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::hla</name>
    <message>
        <source>Cannot read the file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a multiple-allele code (2 to 6 capital letters, not XX).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expansion &apos;%1&apos; of code %2 is not a list like 01/02 or 01:01/02:01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected a code, a tab and an allele list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MAC table %1 contains no codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The typing is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a typing of %2, but this field is for %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; describes more than one allele slot (it contains &apos;%2&apos;); enter one slot at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a public epitope, not the typing of one locus; it has no alleles to reduce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No allele of IPD-IMGT/HLA %2 is assigned to &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lists %2 alleles that hla_nom.txt does not have; they were ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: &apos;%3&apos; / &apos;%4&apos; are not TCE group assignments (0-3, &apos;$&apos;, &apos;2a&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected %3 fields separated by &apos;;&apos;, found %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: &apos;%3&apos; is not a valid allele or group name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: skipped the unknown gene %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: &apos;%3&apos; is not a serological antigen number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected the header Allele,Protein,V1_Assignment,V2_Assignment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected at least 4 fields separated by &apos;,&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected AlleleID,Allele,Description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HLA data folder %1 does not exist or is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is missing; continuing without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lists no current alleles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty element: an operator (/ ~ + | ^) at the start or end, or two in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an HLA typing (expected e.g. A*02:01, A2 or A*02:XX).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains &apos;%2&apos;, which does not belong in an HLA name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; was removed from the HLA nomenclature (%2) and has no current name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer a current name (%2); read as %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses the multiple-allele code %2, but no MAC table is loaded (use --mac FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the multiple-allele code %2 is not in the loaded MAC table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: none of the alleles of code %2 exist in IPD-IMGT/HLA %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a recognised serological antigen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; names a locus but no allele (expected e.g. %1*02:01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 is not an HLA gene.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid allele name: after &apos;*&apos; come 1 to 4 fields of 2 or more digits separated by &apos;:&apos;, optionally ending in N, L, S, C, A or Q.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a group name of IPD-IMGT/HLA %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an allele of IPD-IMGT/HLA %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; mixes loci in one allele list (%2 and %3); use ^ between loci.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no serological equivalent: null (non-expressed) alleles and alleles without an assigned antigen have none.</source>
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
    <name>dd::match</name>
    <message>
        <source>allele match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>allele mismatch within a matching antigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>antigen mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 TCE permissive mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 TCE non-permissive (GvH direction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 TCE non-permissive (HvG direction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 TCE group unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 not typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved for another patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has donated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the haplotype frequency file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the haplotype frequency file %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected &apos;A~C~B~DRB1~DQB1,count,frequency&apos; but found &apos;%3&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the frequency &apos;%3&apos; is not a number above 0 and at most 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the haplotype &apos;%3&apos; does not have the five loci A~C~B~DRB1~DQB1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: &apos;%3&apos; is not an allele name of the locus expected at its position (A~C~B~DRB1~DQB1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The haplotype frequency file %1 contains no haplotypes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ranking criterion &apos;%1&apos; is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ranking must include &apos;matches&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scale must be 10, 8 or 6, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; lists several genotypes or phased haplotypes; give one typing per locus as SLOT+SLOT (alternatives with &apos;/&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must have one or two typings joined by &apos;+&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The typing is empty; give at least one locus, e.g. A*01:01+A*02:01^B*08:01+B*44:02.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; must name exactly one locus (loci are separated by &apos;^&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of the matching loci A, B, C, DRB1, DQB1, DPB1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The locus of &apos;%1&apos; is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The typing starting &apos;%1&apos; is %2 characters long; a locus holds at most %3 (no lab report is longer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; joins several loci with &apos;^&apos;; a locus cell holds the typing of its own locus only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The typing starting &apos;%1&apos; lists more than %2 alternatives for one position; give the lab&apos;s typing at a resolution it reports (a G group, P group or code).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s typing lacks %1: a search needs at least HLA-A, HLA-B and HLA-DRB1, or untyped loci would count as matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>potential allele match: %1 of %2 possible allele pairs match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ATLAS grade %1, confidence %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPB1 potential match (ambiguous typing that includes the patient&apos;s alleles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These ranking criteria do not fit together (%1 of %2 bits); leave one out, e.g. &apos;definite&apos;, which &apos;confidence&apos; covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mismatch in the graft-versus-host direction only (the donor presents one antigen here: homozygous, or a null beside it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mismatch in the host-versus-graft direction only (the patient presents one antigen here: homozygous, or a null beside it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown ranking criterion &apos;%1&apos; (use %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::model</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporarily deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permanently deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmatory typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>County / district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second emergency contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second emergency contact relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second emergency contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second emergency contact address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blood group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CMV status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruitment organiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typing date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent form version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deferred until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved for patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donation date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Donations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered, no reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supportive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still willing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer willing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family opposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work leave refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient transplanted with another donor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient died</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family opposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postponement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hesitation noted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After 2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After 1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After 1 month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After 6 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency contact address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No successful contact in the chosen number of months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All attempts failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As many failed attempts since the last success as the lost-contact rule allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone known bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every phone number in use is known to be wrong or undeliverable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case without contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved or in an open workup case, and not reached in 14 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning 60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 60th birthday is within a year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A withdrawal was asked for and is waiting for staff to confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness check due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active, and no readiness check in the last 12 months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservation expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reservation lapses within 14 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A donor&apos;s next follow-up call after the donation (2 days, 1 week, 1 month, 6 months, then yearly for 10 years) is due and not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::qt</name>
    <message>
        <source>%1 is a database file in use; choose another file name.</source>
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
    <message>
        <source>Use an HLA release folder even though its files fail the release&apos;s own checksums (every result then carries a warning).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dd::store</name>
    <message>
        <source>PostgreSQL databases are backed up with the server&apos;s own tools, e.g.: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup file %1 already exists; choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use database &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected postgresql://user[:password]@host[:port]/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database name is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the schema name must be letters, digits and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file path is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was rolled back because part of it failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has schema version %1, but this DonorDesk knows versions up to %2. It was written by a newer DonorDesk: install that version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to schema version %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database error while %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 %2 in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 %2 was changed by someone else (%3 at %4) since you opened it; reload it and make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 was not written: %2 Nothing was left at that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copy cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copy fails SQLite&apos;s integrity check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copy does not hold the registry&apos;s rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file %1 does not exist: check the path (a new registry is created by donordesk-cli init).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). Nothing will be written to it: run donordesk-cli db check, and restore the latest backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the registry number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value that must be unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While %1 the database refused a duplicate of %2: someone may have just saved the same record on another workstation. Nothing was changed; search for it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a DonorDesk registry (not an SQLite database), so nothing could be done while %1. Check the --db path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database can only be read here (read-only media or no write permission), so nothing was changed while %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged (found while %1). Nothing was changed; run donordesk-cli db check and restore the latest backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full, so nothing was changed while %1. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder %1 cannot be created or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the copy could not be flushed to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a registry file. Give the path of the registry&apos;s .sqlite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no DonorDesk registry (it is empty or another program&apos;s database). Check the --db path; a new registry is created by donordesk-cli init.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 can only be read here (read-only media or no write permission): commands that change it cannot run. db info, db check, search and backup still work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database stayed busy while %1: another program or workstation is writing (an import, a nightly job). Nothing was changed; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry has schema version %1, older than this program&apos;s %2; upgrade it first with donordesk-cli init.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rows of %1 cannot be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database cannot announce other workstations&apos; changes (only PostgreSQL can).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
