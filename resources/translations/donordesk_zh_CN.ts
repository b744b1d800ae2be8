<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About DonorDesk</source>
        <translation>关于 DonorDesk</translation>
    </message>
    <message>
        <source>Credits and licences</source>
        <translation>致谢与许可</translation>
    </message>
    <message>
        <source>IPD-IMGT/HLA licence</source>
        <translation>IPD-IMGT/HLA 许可</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>DonorDesk — stem-cell donor registry desktop.</source>
        <translation>DonorDesk — 造血干细胞捐献者资料库桌面程序。</translation>
    </message>
    <message>
        <source>Start, show the main window, quit after one event-loop turn.</source>
        <translation>启动并显示主窗口，事件循环运行一次后退出。</translation>
    </message>
    <message>
        <source>Render the main window into the PNG file PATH and quit.</source>
        <translation>将主窗口渲染为 PNG 文件 PATH 后退出。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Unexpected argument '%1'.</source>
        <translation>多余的参数“%1”。</translation>
    </message>
    <message>
        <source>Cannot write screenshot '%1'.</source>
        <translation>无法写入截图“%1”。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DonorDesk</source>
        <translation>DonorDesk</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About DonorDesk</source>
        <translation>关于 DonorDesk(&amp;A)</translation>
    </message>
</context>
<context>
    <name>dd::cli</name>
    <message>
        <source>Show help for this command.</source>
        <translation>显示此命令的帮助。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>DonorDesk command line: registry data, HLA tools, search, print.</source>
        <translation>DonorDesk 命令行：资料库数据、HLA 工具、检索、打印。</translation>
    </message>
    <message>
        <source>The command to run, then its arguments.</source>
        <translation>要运行的命令及其参数。</translation>
    </message>
    <message>
        <source>unknown command '%1' (see donordesk-cli --help)</source>
        <translation>未知命令“%1”（参见 donordesk-cli --help）</translation>
    </message>
    <message>
        <source>donordesk-cli version: unexpected argument '%1'</source>
        <translation>donordesk-cli version：多余的参数“%1”</translation>
    </message>
    <message>
        <source>Print the program version.</source>
        <translation>显示程序版本。</translation>
    </message>
</context>
<context>
    <name>dd::gui::AboutDialog</name>
    <message>
        <source>&lt;h2&gt;DonorDesk %1&lt;/h2&gt;&lt;p&gt;Desktop software for a stem-cell donor registry branch office.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;DonorDesk %1&lt;/h2&gt;&lt;p&gt;造血干细胞捐献者资料库省级分库桌面软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HLA nomenclature&lt;/h3&gt;&lt;p&gt;HLA allele names, groups and serology relations come from the IPD-IMGT/HLA Database, release 3.58.0 (2024-10-09), shipped unmodified under the Creative Commons Attribution-NoDerivs licence.&lt;/p&gt;&lt;p&gt;Please cite: Barker D, Maccari G, Georgiou X, Cooper M, Flicek P, Robinson J, Marsh SGE. The IPD-IMGT/HLA Database. &lt;i&gt;Nucleic Acids Research&lt;/i&gt; (2023), 51(D1): D948-D955.&lt;/p&gt;&lt;h3&gt;Haplotype frequencies&lt;/h3&gt;&lt;p&gt;The sample haplotype frequency file (CAU.freqs) is from the NMDP bioinformatics py-graph-imputation project, licensed under the LGPL-3.0.&lt;/p&gt;&lt;h3&gt;Libraries&lt;/h3&gt;&lt;p&gt;Qt 6 (LGPL-3.0), SQLite (public domain), PostgreSQL client library (PostgreSQL licence), spdlog and fmt (MIT), Catch2 (BSL-1.0), Noto Sans CJK fonts (SIL OFL 1.1).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HLA 命名&lt;/h3&gt;&lt;p&gt;HLA 等位基因名称、基因组和血清学对应关系来自 IPD-IMGT/HLA 数据库 3.58.0 版（2024-10-09），按知识共享“署名-禁止演绎”（Creative Commons Attribution-NoDerivs）许可原样随附。&lt;/p&gt;&lt;p&gt;引用：Barker D, Maccari G, Georgiou X, Cooper M, Flicek P, Robinson J, Marsh SGE. The IPD-IMGT/HLA Database. &lt;i&gt;Nucleic Acids Research&lt;/i&gt; (2023), 51(D1): D948-D955.&lt;/p&gt;&lt;h3&gt;单倍型频率&lt;/h3&gt;&lt;p&gt;示例单倍型频率文件（CAU.freqs）来自 NMDP 生物信息学 py-graph-imputation 项目，按 LGPL-3.0 许可。&lt;/p&gt;&lt;h3&gt;程序库&lt;/h3&gt;&lt;p&gt;Qt 6（LGPL-3.0）、SQLite（公有领域）、PostgreSQL 客户端库（PostgreSQL 许可）、spdlog 与 fmt（MIT）、Catch2（BSL-1.0）、思源黑体 Noto Sans CJK（SIL OFL 1.1）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>dd::gui::MainWindow</name>
    <message>
        <source>DonorDesk — stem-cell donor registry</source>
        <translation>DonorDesk — 造血干细胞捐献者资料库</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>The register of volunteers: find anyone by name, registry number, ID number or phone; register new volunteers from a recruitment drive; edit contact details, HLA typing and status with a full audit history.</source>
        <translation>志愿者名册：按姓名、库号、身份证号或电话查找；登记招募活动的新志愿者；修改联系方式、HLA 分型和状态，并保留完整的审计记录。</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Patients for whom a transplant hospital has requested a search: typing, diagnosis, urgency and the state of each search request.</source>
        <translation>移植医院申请检索的患者：分型、诊断、紧急程度及每项检索申请的进展。</translation>
    </message>
    <message>
        <source>Match search</source>
        <translation>配型检索</translation>
    </message>
    <message>
        <source>Rank every volunteer against a patient's HLA typing (10/10, 8/8, 6/6, DPB1 permissiveness) in milliseconds, reserve the best donors and print the search report.</source>
        <translation>在毫秒内按患者 HLA 分型对所有志愿者排序（10/10、8/8、6/6、DPB1 允许性），预留最佳供者并打印检索报告。</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>捐献流程</translation>
    </message>
    <message>
        <source>Each matched volunteer's path from confirmatory typing through medical exam, signed donation consent and collection, with dates, stop reasons and the forms to print.</source>
        <translation>每位配型相合志愿者从高分辨确认、体检、签署捐献同意书到采集的全过程，包括日期、终止原因和需打印的表格。</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>志愿者维护</translation>
    </message>
    <message>
        <source>Keeping in touch: volunteers who have lost contact, contact details that are getting old, and matched volunteers at risk of withdrawing late.</source>
        <translation>保持联系：失联志愿者、久未更新的联系方式，以及有悔捐风险的配型相合志愿者。</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Figures for the branch: registrations per drive and region, status mix, searches, workups and donations over time.</source>
        <translation>分库数据：按招募活动和地区的入库人数、状态构成，以及历年检索、流程和捐献数量。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
</context>
<context>
    <name>dd::log</name>
    <message>
        <source>Cannot open log file %1: %2</source>
        <translation>无法打开日志文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>dd::qt::CommonOptions</name>
    <message>
        <source>Database to open: a SQLite file path, sqlite:PATH, or postgresql://user[:password]@host:port/database.</source>
        <translation>要打开的数据库：SQLite 文件路径、sqlite:路径，或 postgresql://用户[:密码]@主机:端口/数据库。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>IPD-IMGT/HLA release folder to load instead of the bundled 3.58.0.</source>
        <translation>代替内置 3.58.0 版加载的 IPD-IMGT/HLA 版本目录。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Log level: trace, debug, info, warn, error, critical or off.</source>
        <translation>日志级别：trace、debug、info、warn、error、critical 或 off。</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en (default: system locale).</source>
        <translation>界面语言：zh_CN 或 en（默认跟随系统区域设置）。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Invalid value for --log-level: '%1' (use trace, debug, info, warn, error, critical or off).</source>
        <translation>--log-level 的值“%1”无效（可用 trace、debug、info、warn、error、critical 或 off）。</translation>
    </message>
    <message>
        <source>Unsupported value for --lang: '%1' (use zh_CN or en).</source>
        <translation>不支持的 --lang 值“%1”（可用 zh_CN 或 en）。</translation>
    </message>
</context>
</TS>
