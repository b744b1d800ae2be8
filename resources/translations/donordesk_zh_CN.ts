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
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>多余的参数“%1”。</translation>
    </message>
    <message>
        <source>Cannot write screenshot &apos;%1&apos;.</source>
        <translation>无法写入截图“%1”。</translation>
    </message>
    <message>
        <source>Page to show first: %1.</source>
        <translation>启动时首先显示的页面：%1。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Unknown page &apos;%1&apos; (use %2).</source>
        <translation>未知页面“%1”（可用：%2）。</translation>
    </message>
    <message>
        <source>Cannot open the database: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <source>Dialog &apos;%1&apos; has nothing to show (is the database empty?).</source>
        <translation>对话框“%1”没有可显示的内容（数据库是否为空？）。</translation>
    </message>
    <message>
        <source>Self-check: open every page, load the HLA tables, quit; exit 1 on any problem or Qt warning.</source>
        <translation>自检：依次打开每个页面，加载 HLA 数据表后退出；有任何问题或 Qt 警告时退出码为 1。</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>New campaign</source>
        <translation>新建联络活动</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>短信内容(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <source>prefecture or county; empty = the whole province</source>
        <translation>地市或区县；留空表示全省</translation>
    </message>
    <message>
        <source>Not reached &amp;for:</source>
        <translation>未联系时长(&amp;F)：</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>CampaignsPanel</name>
    <message>
        <source>A campaign is the yearly contact clean-up sent through an operator&apos;s bulk-SMS platform: choose who it reaches and the message, write the platform&apos;s batch file, then read the platform&apos;s delivery-and-reply file back. Every change is shown before it is applied.</source>
        <translation>联络活动即通过运营商群发短信平台进行的年度联系清理：选定发送对象和短信内容，生成平台的批量发送文件，再读回平台的送达与回复文件。每一项更改在应用前都会先列出。</translation>
    </message>
    <message>
        <source>N&amp;ew campaign…</source>
        <translation>新建活动(&amp;E)…</translation>
    </message>
    <message>
        <source>Enco&amp;ding:</source>
        <translation>编码(&amp;D)：</translation>
    </message>
    <message>
        <source>Write SMS &amp;batch file…</source>
        <translation>生成短信批量文件(&amp;B)…</translation>
    </message>
    <message>
        <source>Read platform res&amp;ults…</source>
        <translation>读取平台结果(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>CaseCommand</name>
    <message>
        <source>Staff name for the audit log (default: OS user).</source>
        <translation>写入审计记录的工作人员姓名（默认：操作系统用户）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>--staff must be a name of at most 50 characters without control characters</source>
        <translation>--staff 必须是不超过 50 个字符且不含控制字符的姓名</translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation>必须提供 --%1</translation>
    </message>
    <message>
        <source>--%1 must be a date written as 2026-11-28, not &apos;%2&apos;</source>
        <translation>--%1 必须是形如 2026-11-28 的日期，而不是“%2”</translation>
    </message>
    <message>
        <source>--format must be table, json or csv, not &apos;%1&apos;</source>
        <translation>--format 必须是 table、json 或 csv，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>CaseCommand::Parse</name>
    <message>
        <source>--%1 &apos;%2&apos; is not one of: %3</source>
        <translation>--%1 的值“%2”不在可选范围内：%3</translation>
    </message>
</context>
<context>
    <name>CaseRiskDialog</name>
    <message>
        <source>Risk and family</source>
        <translation>风险与家属</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家属</translation>
    </message>
    <message>
        <source>&amp;Attitude:</source>
        <translation>家属态度(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Save attitude</source>
        <translation>保存态度(&amp;S)</translation>
    </message>
    <message>
        <source>&quot;Opposed&quot; raises a family-opposed risk flag.</source>
        <translation>选择“反对”会添加“家属反对”风险标记。</translation>
    </message>
    <message>
        <source>Session &amp;date:</source>
        <translation>沟通日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Family &amp;letter printed</source>
        <translation>已打印致家属信(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Who came:</source>
        <translation>到场人员(&amp;W)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Record s&amp;ession</source>
        <translation>记录家属沟通(&amp;E)</translation>
    </message>
    <message>
        <source>Risk flags</source>
        <translation>风险标记</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>What was seen or heard</source>
        <translation>所见所闻</translation>
    </message>
    <message>
        <source>&amp;Raise flag</source>
        <translation>添加标记(&amp;R)</translation>
    </message>
    <message>
        <source>Resolutio&amp;n:</source>
        <translation>处理结果(&amp;N)：</translation>
    </message>
    <message>
        <source>Resol&amp;ve selected</source>
        <translation>处理所选标记(&amp;V)</translation>
    </message>
    <message>
        <source>Postponement:</source>
        <translation>延期：</translation>
    </message>
    <message>
        <source>Why the donor asked to move a date</source>
        <translation>捐献者要求改期的原因</translation>
    </message>
    <message>
        <source>Record post&amp;ponement</source>
        <translation>记录延期(&amp;P)</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>捐献流程</translation>
    </message>
    <message>
        <source>Find by patient, case no or registry no (Ctrl+F)</source>
        <translation>按患者、患者编号或库号查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>阶段(&amp;S)：</translation>
    </message>
    <message>
        <source>Selected case</source>
        <translation>所选流程</translation>
    </message>
    <message>
        <source>&amp;Advance to:</source>
        <translation>推进到(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Stop &amp;reason:</source>
        <translation>终止原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Undo last stage…</source>
        <translation>撤销上一阶段(&amp;U)…</translation>
    </message>
    <message>
        <source>Take back the furthest stage (a wrong click); the reason is kept in the record&apos;s history.</source>
        <translation>撤回最后记录的阶段（误操作时使用）；原因会保存在记录历史中。</translation>
    </message>
    <message>
        <source>Sho&amp;w stopped cases</source>
        <translation>显示已终止的流程(&amp;W)</translation>
    </message>
    <message>
        <source>Ad&amp;vance stage</source>
        <translation>推进阶段(&amp;V)</translation>
    </message>
    <message>
        <source>St&amp;op case</source>
        <translation>终止流程(&amp;O)</translation>
    </message>
    <message>
        <source>Stage rea&amp;ched:</source>
        <translation>终止时所处阶段(&amp;C)：</translation>
    </message>
    <message>
        <source>The stage the donor or patient had reached when the case stopped (counted for late withdrawals).</source>
        <translation>流程终止时捐献者或患者所处的阶段（用于统计悔捐）。</translation>
    </message>
    <message>
        <source>Details (required for &quot;Other&quot;)</source>
        <translation>详情（选择“其他”时必填）</translation>
    </message>
    <message>
        <source>Ris&amp;k and family…</source>
        <translation>风险与家属(&amp;K)…</translation>
    </message>
    <message>
        <source>Family attitude, family sessions and the case&apos;s risk flags.</source>
        <translation>家属态度、家属沟通记录以及该流程的风险标记。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Save &amp;my version over theirs</source>
        <translation>用我的版本覆盖(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Discard mine, show theirs</source>
        <translation>放弃我的修改，显示对方版本(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
</context>
<context>
    <name>DialogCatalogue</name>
    <message>
        <source>Zhang Wei</source>
        <comment>sample volunteer name</comment>
        <translation>张伟</translation>
    </message>
</context>
<context>
    <name>DocumentsTemplateEditor</name>
    <message>
        <source>Document templates</source>
        <translation>文书模板</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>文书(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Change the version whenever the text changes: the version printed on a consent form is recorded on the case.</source>
        <translation>每次修改文字都要更改版本号：同意书上打印的版本号会记入该捐献流程。</translation>
    </message>
    <message>
        <source>&amp;Copy to office folder</source>
        <translation>复制到本机构模板目录(&amp;C)</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>New group</source>
        <translation>新建群组</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Prefect&amp;ure:</source>
        <translation>地市(&amp;U)：</translation>
    </message>
    <message>
        <source>Count&amp;y:</source>
        <translation>区县(&amp;Y)：</translation>
    </message>
    <message>
        <source>Cr&amp;eate group</source>
        <translation>创建群组(&amp;E)</translation>
    </message>
    <message>
        <source>Choose a group.</source>
        <translation>请选择一个群组。</translation>
    </message>
    <message>
        <source>Add members</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Registry num&amp;bers:</source>
        <translation>登记编号(&amp;B)：</translation>
    </message>
    <message>
        <source>paste registry numbers, separated by commas or line breaks</source>
        <translation>粘贴登记编号，用逗号或换行分隔</translation>
    </message>
    <message>
        <source>&amp;Add numbers</source>
        <translation>添加编号(&amp;A)</translation>
    </message>
    <message>
        <source>P&amp;refecture:</source>
        <translation>地市(&amp;R)：</translation>
    </message>
    <message>
        <source>C&amp;ounty:</source>
        <translation>区县(&amp;O)：</translation>
    </message>
    <message>
        <source>all counties</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>A&amp;dd region</source>
        <translation>按地区添加(&amp;D)</translation>
    </message>
    <message>
        <source>Adds every volunteer still in the pool (active, temporarily deferred, lost contact, reserved) of the region.</source>
        <translation>添加该地区所有仍在库中的志愿者（在库、暂缓、失联、已预留）。</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <source>Remove se&amp;lected</source>
        <translation>移除所选(&amp;L)</translation>
    </message>
    <message>
        <source>The export&apos;s encoding: UTF-8 for current Excel and WPS, GB18030 for older ones.</source>
        <translation>导出文件的编码：新版 Excel 和 WPS 用 UTF-8，旧版用 GB18030。</translation>
    </message>
    <message>
        <source>Export CS&amp;V…</source>
        <translation>导出 CSV(&amp;V)…</translation>
    </message>
    <message>
        <source>Messages posted in the group</source>
        <translation>群内已发布的消息</translation>
    </message>
    <message>
        <source>Message te&amp;xt:</source>
        <translation>消息内容(&amp;X)：</translation>
    </message>
    <message>
        <source>Record message &amp;sent</source>
        <translation>记录已发送消息(&amp;S)</translation>
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
    <message>
        <source>&amp;New record</source>
        <translation>新建记录(&amp;N)</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
</context>
<context>
    <name>MatchSearchPage</name>
    <message>
        <source>Match search</source>
        <translation>配型检索</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>患者(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;GL String:</source>
        <translation>GL String(&amp;G)：</translation>
    </message>
    <message>
        <source>A*02:01+A*24:02^B*40:01+B*46:01^C*01:02+C*03:04^DRB1*09:01+DRB1*15:01^DQB1*03:03+DQB1*06:02</source>
        <translation>A*02:01+A*24:02^B*40:01+B*46:01^C*01:02+C*03:04^DRB1*09:01+DRB1*15:01^DQB1*03:03+DQB1*06:02</translation>
    </message>
    <message>
        <source>&amp;Minimum matches:</source>
        <translation>最少相合位点(&amp;M)：</translation>
    </message>
    <message>
        <source>Include &amp;unavailable volunteers</source>
        <translation>包括不可用的志愿者(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>检索(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Reserve for this patient</source>
        <translation>为该患者预留(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation>记录联络(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>全部显示(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;cale:</source>
        <translation>相合标准(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Open a case</source>
        <translation>开启流程(&amp;O)</translation>
    </message>
    <message>
        <source>Pri&amp;nt report…</source>
        <translation>打印检索报告(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>PatientEditor</name>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Case no:</source>
        <translation>患者编号：</translation>
    </message>
    <message>
        <source>Assigned when saved</source>
        <translation>保存时自动分配</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>性别(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Diagnosis:</source>
        <translation>诊断(&amp;D)：</translation>
    </message>
    <message>
        <source>AML, ALL, SAA …</source>
        <translation>AML、ALL、SAA …</translation>
    </message>
    <message>
        <source>&amp;Hospital:</source>
        <translation>医院(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Physician:</source>
        <translation>主治医生(&amp;P)：</translation>
    </message>
    <message>
        <source>ABO:</source>
        <translation>ABO 血型：</translation>
    </message>
    <message>
        <source>Rh:</source>
        <translation>Rh 血型：</translation>
    </message>
    <message>
        <source>CMV:</source>
        <translation>CMV 状态：</translation>
    </message>
    <message>
        <source>Weight (kg):</source>
        <translation>体重（kg）：</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>紧急程度(&amp;U)：</translation>
    </message>
    <message>
        <source>Search &amp;requested:</source>
        <translation>检索申请日期(&amp;R)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>HLA</source>
        <translation>HLA</translation>
    </message>
    <message>
        <source>Type each locus as reported by the transplant centre. The reading appears as you type.</source>
        <translation>按移植中心报告的结果逐个位点录入，输入时即显示解读结果。</translation>
    </message>
    <message>
        <source>HLA-A:</source>
        <translation>HLA-A：</translation>
    </message>
    <message>
        <source>HLA-B:</source>
        <translation>HLA-B：</translation>
    </message>
    <message>
        <source>HLA-C:</source>
        <translation>HLA-C：</translation>
    </message>
    <message>
        <source>HLA-DRB1:</source>
        <translation>HLA-DRB1：</translation>
    </message>
    <message>
        <source>HLA-DQB1:</source>
        <translation>HLA-DQB1：</translation>
    </message>
    <message>
        <source>HLA-DPB1:</source>
        <translation>HLA-DPB1：</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Search s&amp;tatus:</source>
        <translation>检索状态(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Record a new search request (Ctrl+N)</source>
        <translation>登记新的检索申请（Ctrl+N）</translation>
    </message>
    <message>
        <source>Search for &amp;donors</source>
        <translation>检索供者(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Find by name, case no, hospital or diagnosis (Ctrl+F)</source>
        <translation>按姓名、患者编号、医院或诊断查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;New patient…</source>
        <translation>新建患者(&amp;N)…</translation>
    </message>
    <message>
        <source>Search &amp;status:</source>
        <translation>检索状态(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>&amp;Worklists</source>
        <translation>工作清单(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>清单(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <source>prefecture or county</source>
        <translation>地市或区县</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <source>Record follow-up &amp;call…</source>
        <translation>记录随访(&amp;C)…</translation>
    </message>
    <message>
        <source>The selected donor&apos;s due follow-up call was made today.</source>
        <translation>所选捐献者到期的随访已于今天完成。</translation>
    </message>
    <message>
        <source>Writes the rows of this page. The whole list: donordesk-cli worklist NAME --format csv --limit 10000</source>
        <translation>导出本页的行。导出整个清单：donordesk-cli worklist 清单名 --format csv --limit 10000</translation>
    </message>
</context>
<context>
    <name>ScreenshotLaunch</name>
    <message>
        <source>Name the PNG file to write with --output PATH.</source>
        <translation>请用 --output PATH 指定要写入的 PNG 文件。</translation>
    </message>
    <message>
        <source>Unknown dialog &apos;%1&apos; (use %2).</source>
        <translation>未知对话框“%1”（可用：%2）。</translation>
    </message>
    <message>
        <source>Render into the PNG file PATH and quit.</source>
        <translation>渲染到 PNG 文件 PATH 后退出。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Render this dialog instead of the window (NAME:TAB for a tab): %1.</source>
        <translation>渲染此对话框而非主窗口（NAME:TAB 指定选项卡）：%1。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Show this tab of the page first (0 = its first tab).</source>
        <translation>先显示页面的这个标签页（0 = 第一个）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>SQLite &amp;file:</source>
        <translation>SQLite 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>PostgreSQL &amp;URL:</source>
        <translation>PostgreSQL URL(&amp;U)：</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/donordesk</source>
        <translation>postgresql://user@host:5432/donordesk</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>The new database is opened when you press OK; it is created and brought up to date if it is new.</source>
        <translation>按“确定”后打开新数据库；如果是新数据库，会自动创建并升级到当前结构版本。</translation>
    </message>
    <message>
        <source>HLA data</source>
        <translation>HLA 数据</translation>
    </message>
    <message>
        <source>IPD-IMGT/HLA &amp;release folder:</source>
        <translation>IPD-IMGT/HLA 版本目录(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;MAC table:</source>
        <translation>MAC 表(&amp;M)：</translation>
    </message>
    <message>
        <source>Organisation and language</source>
        <translation>机构与语言</translation>
    </message>
    <message>
        <source>Organisation &amp;name:</source>
        <translation>机构名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Logo for forms:</source>
        <translation>表格徽标(&amp;L)：</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>语言(&amp;G)：</translation>
    </message>
    <message>
        <source>A new language takes effect the next time DonorDesk starts.</source>
        <translation>新的界面语言在下次启动 DonorDesk 时生效。</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export charts as PNG…</source>
        <translation>将图表导出为 PNG(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>VolunteerContactLogTab</name>
    <message>
        <source>&amp;On:</source>
        <translation>日期(&amp;O)：</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Add attempt</source>
        <translation>添加联络尝试(&amp;A)</translation>
    </message>
</context>
<context>
    <name>VolunteerEditor</name>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Registry no:</source>
        <translation>库号：</translation>
    </message>
    <message>
        <source>Assigned when saved</source>
        <translation>保存时自动分配</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>18 characters; birth date and sex are read from it</source>
        <translation>18 位；出生日期和性别从中自动读取</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>性别(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Ethnicity:</source>
        <translation>民族(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Co&amp;unty / district:</source>
        <translation>县/区(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Work unit:</source>
        <translation>工作单位(&amp;W)：</translation>
    </message>
    <message>
        <source>ABO:</source>
        <translation>ABO 血型：</translation>
    </message>
    <message>
        <source>Rh:</source>
        <translation>Rh 血型：</translation>
    </message>
    <message>
        <source>CMV:</source>
        <translation>CMV 状态：</translation>
    </message>
    <message>
        <source>Weight (kg):</source>
        <translation>体重（kg）：</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Consent date:</source>
        <translation>知情同意日期：</translation>
    </message>
    <message>
        <source>Consent form &amp;version:</source>
        <translation>知情同意书版本(&amp;V)：</translation>
    </message>
    <message>
        <source>e.g. 2024-1</source>
        <translation>如 2024-1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>&amp;Mobile phone:</source>
        <translation>手机(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Other phone:</source>
        <translation>其他电话(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;WeChat:</source>
        <translation>微信(&amp;W)：</translation>
    </message>
    <message>
        <source>Emergency contact:</source>
        <translation>紧急联系人：</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>关系：</translation>
    </message>
    <message>
        <source>Emergency phone:</source>
        <translation>紧急联系人电话：</translation>
    </message>
    <message>
        <source>HLA</source>
        <translation>HLA</translation>
    </message>
    <message>
        <source>Type each locus as received (A*02:01, A2, A*02:XX, A*02:01/A*02:06, A*02:01+A*24:02). The reading appears as you type.</source>
        <translation>按收到的结果逐个位点录入（A*02:01、A2、A*02:XX、A*02:01/A*02:06、A*02:01+A*24:02），输入时即显示解读结果。</translation>
    </message>
    <message>
        <source>HLA-A:</source>
        <translation>HLA-A：</translation>
    </message>
    <message>
        <source>HLA-B:</source>
        <translation>HLA-B：</translation>
    </message>
    <message>
        <source>HLA-C:</source>
        <translation>HLA-C：</translation>
    </message>
    <message>
        <source>HLA-DRB1:</source>
        <translation>HLA-DRB1：</translation>
    </message>
    <message>
        <source>HLA-DQB1:</source>
        <translation>HLA-DQB1：</translation>
    </message>
    <message>
        <source>HLA-DPB1:</source>
        <translation>HLA-DPB1：</translation>
    </message>
    <message>
        <source>Sample ID:</source>
        <translation>样本编号：</translation>
    </message>
    <message>
        <source>Laboratory:</source>
        <translation>实验室：</translation>
    </message>
    <message>
        <source>Typing date:</source>
        <translation>分型日期：</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>联络记录</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>地级市(&amp;C)：</translation>
    </message>
    <message>
        <source>Recruitment &amp;date:</source>
        <translation>招募日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Recruitment &amp;place:</source>
        <translation>招募地点(&amp;P)：</translation>
    </message>
    <message>
        <source>Where the recruitment drive was held, e.g. a university or a blood station</source>
        <translation>招募活动举办地，如某大学、某血站</translation>
    </message>
    <message>
        <source>Recruitment &amp;organiser:</source>
        <translation>招募组织方(&amp;O)：</translation>
    </message>
    <message>
        <source>Former numbers:</source>
        <translation>曾用号码：</translation>
    </message>
    <message>
        <source>Numbers that were replaced are kept as history and still found by a phone search.</source>
        <translation>被替换的号码作为历史保留，按电话检索仍能找到。</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>e.g. father, mother, spouse</source>
        <translation>如：父亲、母亲、配偶</translation>
    </message>
    <message>
        <source>Second emergency contact:</source>
        <translation>第二紧急联系人：</translation>
    </message>
    <message>
        <source>e.g. sibling, friend, colleague</source>
        <translation>如：兄弟姐妹、朋友、同事</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>if they live elsewhere</source>
        <translation>如住在别处，请填写</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>捐献意愿核实</translation>
    </message>
</context>
<context>
    <name>VolunteerReadinessTab</name>
    <message>
        <source>The yearly readiness check: is the volunteer still willing, any health changes or planned absences, does the family know and how does it stand. An answer &quot;no&quot; asks for withdrawal (staff confirm it on the Status tab).</source>
        <translation>年度意愿核实：志愿者是否仍愿意捐献，健康状况有无变化，有无计划中的外出，家属是否知情、态度如何。回答“否”即提出退出申请（由工作人员在“状态”标签页确认）。</translation>
    </message>
    <message>
        <source>Checked o&amp;n:</source>
        <translation>核实日期(&amp;N)：</translation>
    </message>
    <message>
        <source>Still &amp;willing:</source>
        <translation>仍愿捐献(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Health changes:</source>
        <translation>健康变化(&amp;H)：</translation>
    </message>
    <message>
        <source>empty = none</source>
        <translation>留空表示无</translation>
    </message>
    <message>
        <source>Planned a&amp;bsence from:</source>
        <translation>计划外出，自(&amp;B)：</translation>
    </message>
    <message>
        <source>until:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Famil&amp;y:</source>
        <translation>家属(&amp;Y)：</translation>
    </message>
    <message>
        <source>Family &amp;informed</source>
        <translation>家属已知情(&amp;I)</translation>
    </message>
    <message>
        <source>Contact details confir&amp;med</source>
        <translation>联系方式已确认(&amp;M)</translation>
    </message>
    <message>
        <source>No&amp;te:</source>
        <translation>备注(&amp;T)：</translation>
    </message>
    <message>
        <source>Record chec&amp;k</source>
        <translation>记录核实(&amp;K)</translation>
    </message>
</context>
<context>
    <name>VolunteerStatusTab</name>
    <message>
        <source>Change &amp;to:</source>
        <translation>变更为(&amp;T)：</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>截止日期(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Change status</source>
        <translation>变更状态(&amp;C)</translation>
    </message>
    <message>
        <source>Reason (confirm) or note (cancel)</source>
        <translation>原因（确认时）或备注（撤销时）</translation>
    </message>
    <message>
        <source>Con&amp;firm withdrawal</source>
        <translation>确认退出(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel re&amp;quest</source>
        <translation>撤销申请(&amp;Q)</translation>
    </message>
    <message>
        <source>E&amp;xtend</source>
        <translation>延期(&amp;X)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>解除预留(&amp;L)</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>&amp;Register volunteer…</source>
        <translation>登记志愿者(&amp;R)…</translation>
    </message>
    <message>
        <source>Register a new volunteer (Ctrl+N)</source>
        <translation>登记新志愿者（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Find by name, registry no, ID number or phone (Ctrl+F)</source>
        <translation>按姓名、库号、身份证号或电话查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>R&amp;egion:</source>
        <translation>地区(&amp;E)：</translation>
    </message>
    <message>
        <source>City</source>
        <translation>地级市</translation>
    </message>
</context>
<context>
    <name>dd::app</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: a quoted field starting on line %2 is never closed.</source>
        <translation>%1：从第 %2 行开始的带引号字段没有闭合。</translation>
    </message>
    <message>
        <source>%1 is empty: no header row.</source>
        <translation>%1 为空：没有表头行。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Reason for stopping</source>
        <translation>终止原因</translation>
    </message>
    <message>
        <source>HLA-%1 typing &apos;%2&apos; is invalid: %3</source>
        <translation>HLA-%1 分型“%2”无效：%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date (use YYYY-MM-DD, YYYY/M/D or an Excel date number).</source>
        <translation>“%1”不是日期（请使用 YYYY-MM-DD、YYYY/M/D 或 Excel 日期序号）。</translation>
    </message>
    <message>
        <source>Sex &apos;%1&apos; must be 男/女 or M/F.</source>
        <translation>性别“%1”必须是 男/女 或 M/F。</translation>
    </message>
    <message>
        <source>Weight &apos;%1&apos; is not a number.</source>
        <translation>体重“%1”不是数字。</translation>
    </message>
    <message>
        <source>Workup case %1 was stopped on %2; no consent form can be printed.</source>
        <translation>捐献流程 %1 已于 %2 终止，不能打印捐献同意书。</translation>
    </message>
    <message>
        <source>Workup case %1: no value for %2</source>
        <translation>捐献流程 %1：缺少 %2</translation>
    </message>
    <message>
        <source>Volunteer No. %1: no value for %2</source>
        <translation>志愿者（库号 %1）：缺少 %2</translation>
    </message>
    <message>
        <source>No volunteers were chosen to print.</source>
        <translation>未选择要打印的志愿者。</translation>
    </message>
    <message>
        <source>Volunteer No. %1 has no recorded donation: the certificate of honour is printed after a donation.</source>
        <translation>志愿者（库号 %1）没有捐献记录：荣誉证书须在捐献后打印。</translation>
    </message>
    <message>
        <source>Patient %1: no value for %2</source>
        <translation>患者 %1：缺少 %2</translation>
    </message>
    <message>
        <source>The organisation name is not set: enter it in Settings → Organisation before printing (it appears on every form).</source>
        <translation>尚未设置机构名称：打印前请在“设置 → 机构”中填写（每份表格都会显示机构名称）。</translation>
    </message>
    <message>
        <source>ID number %1 is already registered as No. %2.</source>
        <translation>身份证号 %1 已登记（库号 %2）。</translation>
    </message>
    <message>
        <source>A volunteer with the same name, birth date and phone is already registered as No. %1.</source>
        <translation>已有姓名、出生日期和电话都相同的志愿者登记在库（库号 %1）。</translation>
    </message>
    <message>
        <source>A volunteer whose status is &apos;%1&apos; cannot be changed to &apos;%2&apos;.</source>
        <translation>状态为“%1”的志愿者不能变更为“%2”。</translation>
    </message>
    <message>
        <source>Reached the age of 60</source>
        <translation>年满 60 周岁</translation>
    </message>
    <message>
        <source>Volunteer No. %1 is &apos;%2&apos; and cannot start a workup.</source>
        <translation>志愿者（库号 %1）的状态为“%2”，不能启动捐献流程。</translation>
    </message>
    <message>
        <source>The case is already at stage &apos;%1&apos;; it cannot move to &apos;%2&apos;.</source>
        <translation>该流程已处于“%1”阶段，不能转到“%2”。</translation>
    </message>
    <message>
        <source>The case was stopped on %1 and can no longer change.</source>
        <translation>该流程已于 %1 终止，不能再更改。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1为必填项。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Registry no</source>
        <translation>库号</translation>
    </message>
    <message>
        <source>Definite</source>
        <translation>确定相合</translation>
    </message>
    <message>
        <source>DPB1 TCE</source>
        <translation>DPB1 TCE</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>供者</translation>
    </message>
    <message>
        <source>definite</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>potential</source>
        <translation>可能</translation>
    </message>
    <message>
        <source>Grades per position: A allele match, P potential allele match, a allele mismatch (antigen match), X antigen mismatch, - not typed.</source>
        <translation>各位点等级：A 等位基因相合，P 可能等位基因相合，a 等位基因不合（抗原相合），X 抗原不合，- 未分型。</translation>
    </message>
    <message>
        <source>Patient %1 has no HLA typing to search with.</source>
        <translation>患者 %1 没有可用于检索的 HLA 分型。</translation>
    </message>
    <message>
        <source>%1 is also on row %2 of this file.</source>
        <translation>%1 在本文件第 %2 行也出现过。</translation>
    </message>
    <message>
        <source>Registry number %1 is already used in the database.</source>
        <translation>库号 %1 在数据库中已被使用。</translation>
    </message>
    <message>
        <source>%1: required column(s) missing from the header: %2.</source>
        <translation>%1：表头缺少必需的列：%2。</translation>
    </message>
    <message>
        <source>Phone number &apos;%1&apos; is not a mainland mobile number (11 digits starting with 1) or a landline with area code.</source>
        <translation>电话号码“%1”既不是大陆手机号（以 1 开头的 11 位数字），也不是带区号的固定电话。</translation>
    </message>
    <message>
        <source>Blood group &apos;%1&apos; must be A, B, AB or O.</source>
        <translation>血型“%1”必须是 A、B、AB 或 O。</translation>
    </message>
    <message>
        <source>Rh &apos;%1&apos; must be + or -.</source>
        <translation>Rh 血型“%1”必须是 + 或 -。</translation>
    </message>
    <message>
        <source>CMV status &apos;%1&apos; must be positive, negative or empty.</source>
        <translation>CMV 状态“%1”必须是阳性（positive）、阴性（negative）或留空。</translation>
    </message>
    <message>
        <source>Weight %1 kg is outside the plausible range 30–200 kg.</source>
        <translation>体重 %1 kg 超出合理范围（30–200 kg）。</translation>
    </message>
    <message>
        <source>Birth date %1 is in the future.</source>
        <translation>出生日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>ID number &apos;%1&apos; must have 18 characters: 17 digits and a check digit (0-9 or X).</source>
        <translation>身份证号“%1”必须为 18 位：17 位数字加 1 位校验码（0-9 或 X）。</translation>
    </message>
    <message>
        <source>ID number %1 contains an impossible birth date %2.</source>
        <translation>身份证号 %1 中的出生日期 %2 不存在。</translation>
    </message>
    <message>
        <source>Birth date %1 disagrees with the ID number, which says %2.</source>
        <translation>出生日期 %1 与身份证号不符（身份证号为 %2）。</translation>
    </message>
    <message>
        <source>Sex disagrees with the ID number, which says %1.</source>
        <translation>性别与身份证号不符（身份证号显示为 %1）。</translation>
    </message>
    <message>
        <source>Age %1 on the registration date %2 is outside the joining range 18–45.</source>
        <translation>登记日期 %2 时年龄为 %1 岁，不在 18–45 岁的入库年龄范围内。</translation>
    </message>
    <message>
        <source>Age %1 is 60 or over: the volunteer must be retired.</source>
        <translation>年龄 %1 岁，已满 60 岁：该志愿者应当退库。</translation>
    </message>
    <message>
        <source>Ethnic group &apos;%1&apos; is not one of the 56 recognised groups or 其他 (other).</source>
        <translation>民族“%1”不是 56 个民族之一，也不是“其他”。</translation>
    </message>
    <message>
        <source>Only one phone number can be the current one.</source>
        <translation>只能有一个电话号码为当前电话。</translation>
    </message>
    <message>
        <source>E-mail address &apos;%1&apos; is not valid.</source>
        <translation>电子邮箱地址“%1”无效。</translation>
    </message>
    <message>
        <source>Consent date %1 is in the future.</source>
        <translation>知情同意日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>Urgency &apos;%1&apos; must be normal, urgent or critical.</source>
        <translation>紧急程度“%1”必须是 normal（普通）、urgent（紧急）或 critical（危急）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a recruitment drive: use YYYY-MM-DD, YYYY-MM-DD@place or batch:N</source>
        <translation>“%1”不是招募活动：请使用 YYYY-MM-DD、YYYY-MM-DD@地点 或 batch:N</translation>
    </message>
    <message>
        <source>No volunteers were registered at recruitment drive &apos;%1&apos; (see `donordesk-cli drives` for the drives on record).</source>
        <translation>招募活动“%1”没有登记任何志愿者（已有的招募活动请用 `donordesk-cli drives` 查看）。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Reason for skipping a stage</source>
        <translation>跳过阶段的原因</translation>
    </message>
    <message>
        <source>Reason for undoing the stage</source>
        <translation>撤销阶段的原因</translation>
    </message>
    <message>
        <source>Stage note</source>
        <translation>阶段备注</translation>
    </message>
    <message>
        <source>Moving from &apos;%1&apos; to &apos;%2&apos; skips %3: give the reason for skipping.</source>
        <translation>从“%1”直接进入“%2”会跳过%3：请填写跳过的原因。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs the donor&apos;s signed consent on file: record the stage &apos;%2&apos; first.</source>
        <translation>“%1”需要已签署的捐献同意书：请先记录“%2”阶段。</translation>
    </message>
    <message>
        <source>The date %1 is before the date of the stage &apos;%2&apos; (%3).</source>
        <translation>日期 %1 早于“%2”阶段的日期（%3）。</translation>
    </message>
    <message>
        <source>The case is at its first stage; there is nothing to undo.</source>
        <translation>该流程处于第一阶段，没有可撤销的阶段。</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>其他电话</translation>
    </message>
    <message>
        <source>Contact attempt</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Contact date</source>
        <translation>联系日期</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>流程编号</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Physician</source>
        <translation>主治医生</translation>
    </message>
    <message>
        <source>Search requested on</source>
        <translation>检索申请日期</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>检索状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be set by hand: reserve a volunteer from the match page, and a donation is recorded by the collection stage of a case.</source>
        <translation>“%1”不能手工设置：预留志愿者请在配型检索页操作，捐献由流程的“采集”阶段记录。</translation>
    </message>
    <message>
        <source>Volunteer No. %1 already has an open workup case (%2) for this patient.</source>
        <translation>志愿者 %1 已有该患者的进行中流程（%2）。</translation>
    </message>
    <message>
        <source>Contact date %1 is in the future.</source>
        <translation>联系日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>ID number %1 does not pass the check-digit test: one of its digits is wrong. Read the number again from the ID card.</source>
        <translation>身份证号 %1 未通过校验：其中有一位数字不对。请对照身份证重新核对号码。</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>At least one way to reach the volunteer is required: a phone number, WeChat or e-mail.</source>
        <translation>至少需要一种联系方式：电话、微信或电子邮箱。</translation>
    </message>
    <message>
        <source>Recruitment date %1 is in the future.</source>
        <translation>招募日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>HLA-%1 typing &apos;%2&apos; cannot be checked, so it is not saved: the HLA nomenclature could not be loaded (%3).</source>
        <translation>HLA-%1 分型“%2”无法校验，因此不予保存：HLA 命名数据无法加载（%3）。</translation>
    </message>
    <message>
        <source>it contains a character that cannot be stored (U+%1 at position %2).</source>
        <translation>其中含有不能保存的字符（第 %2 个字符 U+%1）。</translation>
    </message>
    <message>
        <source>Warning: unverified HLA data (%1); results may be wrong.</source>
        <translation>警告：HLA 数据未经校验（%1）；结果可能有误。</translation>
    </message>
    <message>
        <source>The HLA data in %1 is refused: %2 Use the release folder as published, or start with --hla-data-unverified to use it anyway (every result then says so).</source>
        <translation>拒绝使用 %1 中的 HLA 数据：%2 请使用原样发布的版本目录；如确需使用，可加 --hla-data-unverified 启动（此后每个结果都会注明）。</translation>
    </message>
    <message>
        <source>%1 is missing or unreadable: the release files cannot be checked against the release&apos;s own checksums.</source>
        <translation>%1 缺失或无法读取：无法用该版本自带的校验和核对版本文件。</translation>
    </message>
    <message>
        <source>%1 holds no &quot;MD5 (file) = sum&quot; lines.</source>
        <translation>%1 中没有“MD5 (文件) = 校验和”格式的行。</translation>
    </message>
    <message>
        <source>%1 has only %2 bytes; a whole release file has at least %3. It looks cut short.</source>
        <translation>%1 只有 %2 字节，完整的版本文件至少有 %3 字节，看来已被截断。</translation>
    </message>
    <message>
        <source>%1 does not start with the release header (&quot;%2&quot; and a &quot;# version:&quot; line): it is not the file it is named as.</source>
        <translation>%1 开头没有版本文件头（“%2”和“# version:”行）：它不是其文件名所指的文件。</translation>
    </message>
    <message>
        <source>%1 is missing from the release folder.</source>
        <translation>版本目录中缺少 %1。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not listed in %2, so it cannot be checked.</source>
        <translation>%1 未列在 %2 中，因此无法核对。</translation>
    </message>
    <message>
        <source>%1 does not match its checksum in %2 (MD5 %3, expected %4): the file is damaged, cut short or edited.</source>
        <translation>%1 与 %2 中的校验和不符（MD5 为 %3，应为 %4）：文件已损坏、被截断或被修改。</translation>
    </message>
    <message>
        <source>This registry holds %1 real (not generated) volunteers: synthetic volunteers with realistic ID numbers would mix with them. Generate into a new database (donordesk-cli --db demo.sqlite init).</source>
        <translation>该资料库中有 %1 名真实（非生成）的志愿者：带有逼真身份证号的模拟志愿者会与他们混在一起。请生成到新的数据库中（donordesk-cli --db demo.sqlite init）。</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8: line %2, byte %3 (%4) is not part of any character. Nothing was imported; correct or re-save the file as UTF-8.</source>
        <translation>%1 不是有效的 UTF-8：第 %2 行第 %3 个字节（%4）不属于任何字符。未导入任何数据；请修正文件，或重新另存为 UTF-8。</translation>
    </message>
    <message>
        <source>%1 is not valid GB18030: line %2, byte %3 (%4) is not part of any character. Nothing was imported; correct or re-save the file.</source>
        <translation>%1 不是有效的 GB18030：第 %2 行第 %3 个字节（%4）不属于任何字符。未导入任何数据；请修正或重新保存该文件。</translation>
    </message>
    <message>
        <source>%1 looks like UTF-8 text with damaged bytes: line %2, byte %3 (%4) is not part of any character. Nothing was imported; correct the file, or give --encoding gb18030 if it really is GB18030.</source>
        <translation>%1 看来是含有损坏字节的 UTF-8 文本：第 %2 行第 %3 个字节（%4）不属于任何字符。未导入任何数据；请修正文件；如果它确实是 GB18030，请加 --encoding gb18030。</translation>
    </message>
    <message>
        <source>%1 is UTF-16 text but is cut short or damaged. Nothing was imported; re-save the file as CSV UTF-8.</source>
        <translation>%1 是 UTF-16 文本，但已被截断或损坏。未导入任何数据；请将文件重新另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>%1 is an Excel workbook (.xlsx), not a CSV file. Save it from Excel or WPS as &quot;CSV UTF-8&quot; and import that.</source>
        <translation>%1 是 Excel 工作簿（.xlsx），不是 CSV 文件。请在 Excel 或 WPS 中另存为“CSV UTF-8”后再导入。</translation>
    </message>
    <message>
        <source>%1 is an old Excel workbook (.xls), not a CSV file. Save it from Excel or WPS as &quot;CSV UTF-8&quot; and import that.</source>
        <translation>%1 是旧版 Excel 工作簿（.xls），不是 CSV 文件。请在 Excel 或 WPS 中另存为“CSV UTF-8”后再导入。</translation>
    </message>
    <message>
        <source>%1 starts with a UTF-16 byte-order mark, not %2 text.</source>
        <translation>%1 以 UTF-16 字节顺序标记开头，不是 %2 文本。</translation>
    </message>
    <message>
        <source>%1 starts with a UTF-8 byte-order mark, not %2 text.</source>
        <translation>%1 以 UTF-8 字节顺序标记开头，不是 %2 文本。</translation>
    </message>
    <message>
        <source>Unsupported encoding &apos;%1&apos; (use utf-8, gb18030 or utf-16).</source>
        <translation>不支持的编码“%1”（可用 utf-8、gb18030 或 utf-16）。</translation>
    </message>
    <message>
        <source>%1 is %2 characters long; at most %3 are allowed (it starts &apos;%4&apos;).</source>
        <translation>%1长 %2 个字符，最多允许 %3 个（开头为“%4”）。</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; contains a character that cannot be stored (%3 at position %4): control characters, line breaks and text-direction marks are not allowed.</source>
        <translation>%1“%2”含有不能保存的字符（第 %4 个字符 %3）：不允许控制字符、换行和文字方向标记。</translation>
    </message>
    <message>
        <source>%1 has a header row but no data rows: nothing to import.</source>
        <translation>%1 只有标题行，没有数据行：没有可导入的内容。</translation>
    </message>
    <message>
        <source>%1: column(s) %2 fill a field that an earlier column already fills. Nothing imported; remove the extra column or pass --ignore-column NAME.</source>
        <translation>%1：列 %2 对应的字段已由前面的列填写。未导入任何数据；请删除多余的列，或使用 --ignore-column 列名。</translation>
    </message>
    <message>
        <source>%1: column(s) %2 match no field. Nothing imported; rename them to an accepted heading (see --help) or leave each out on purpose with --ignore-column NAME.</source>
        <translation>%1：列 %2 不对应任何字段。未导入任何数据；请改用可识别的列名（见 --help），或用 --ignore-column 列名 有意略过每一列。</translation>
    </message>
    <message>
        <source>Registry number &apos;%1&apos; must be this registry&apos;s prefix %2 and 8 digits, e.g. %3; leave it empty to have one assigned.</source>
        <translation>库号“%1”必须由本库前缀 %2 加 8 位数字组成，例如 %3；留空则自动分配。</translation>
    </message>
    <message>
        <source>%1 is neither UTF-8 nor Chinese GB18030 text (line %2, byte %3, %4, starts no Chinese character; it may be Latin-1 or another Western encoding). Nothing was imported; re-save the file as CSV UTF-8, or give --encoding gb18030 if it really is GB18030.</source>
        <translation>%1 既不是 UTF-8，也不是中文 GB18030 文本（第 %2 行第 %3 个字节 %4 不是任何汉字的开头；可能是 Latin-1 等西文编码）。未导入任何数据；请另存为“CSV UTF-8”；如果它确实是 GB18030，请加 --encoding gb18030。</translation>
    </message>
    <message>
        <source>%1 is valid UTF-8 text, not GB18030: read as GB18030 its names would be garbled. Import it without --encoding.</source>
        <translation>%1 是有效的 UTF-8 文本，不是 GB18030：按 GB18030 读取会使姓名变成乱码。请去掉 --encoding 后导入。</translation>
    </message>
    <message>
        <source>The rejects file %1 would overwrite %2; choose another name (--rejects).</source>
        <translation>问题行文件 %1 会覆盖%2；请另选文件名（--rejects）。</translation>
    </message>
    <message>
        <source>a database</source>
        <translation>一个数据库</translation>
    </message>
    <message>
        <source>the file being imported</source>
        <translation>正在导入的文件</translation>
    </message>
    <message>
        <source>--ignore-column %1: %2 has no column with that heading (its headings: %3).</source>
        <translation>--ignore-column %1：%2 中没有这个列名（其列名为：%3）。</translation>
    </message>
    <message>
        <source>This registry holds %1 synthetic (generated) volunteers: it is a demonstration registry, and real volunteers imported into it would mix with invented ones. Import into the office&apos;s real registry (--db).</source>
        <translation>该资料库中有 %1 名模拟（生成的）志愿者：这是演示用资料库，导入真实志愿者会与虚构的人混在一起。请导入到本机构的正式资料库（--db）。</translation>
    </message>
    <message>
        <source>This row has %1 cells but the header names only %2 columns: cell %3 (&apos;%4&apos;) belongs to no column. Check for a stray comma or a missing heading.</source>
        <translation>该行有 %1 个单元格，但标题行只有 %2 列：第 %3 格（“%4”）不属于任何列。请检查是否多了逗号或缺少列名。</translation>
    </message>
    <message>
        <source>%1 is UTF-32 text, which is not read here. Save it as &quot;CSV UTF-8&quot; and import that.</source>
        <translation>%1 是 UTF-32 文本，本程序不读取。请另存为“CSV UTF-8”后再导入。</translation>
    </message>
    <message>
        <source>%1 contains NUL bytes (the first on line %2, byte %3, %4): it is not a text CSV file.</source>
        <translation>%1 含有 NUL 字节（第一个在第 %2 行第 %3 个字节，%4）：不是文本 CSV 文件。</translation>
    </message>
    <message>
        <source>%1 does not look like UTF-16 text; import it without --encoding.</source>
        <translation>%1 看起来不是 UTF-16 文本；请去掉 --encoding 后导入。</translation>
    </message>
    <message>
        <source>Consent date %1 is before the birth date %2.</source>
        <translation>同意书日期 %1 早于出生日期 %2。</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; starts with &apos;%3&apos;, which spreadsheets run as a formula; remove it.</source>
        <translation>%1“%2”以“%3”开头，电子表格会把它当作公式执行；请删除该字符。</translation>
    </message>
    <message>
        <source>The saved search index %1 was not used (%2); the index is built from the database again.</source>
        <translation>未使用已保存的检索索引 %1（%2）；将从数据库重新建立索引。</translation>
    </message>
    <message>
        <source>The search index could not be saved to %1: %2</source>
        <translation>无法将检索索引保存到 %1：%2</translation>
    </message>
    <message>
        <source>The results file&apos;s header must be %1 or %2.</source>
        <translation>结果文件的表头必须是 %1 或 %2。</translation>
    </message>
    <message>
        <source>Row %1 has %2 columns, not 5.</source>
        <translation>第 %1 行有 %2 列，而不是 5 列。</translation>
    </message>
    <message>
        <source>Row %1: status &apos;%2&apos; is not delivered, failed or unknown.</source>
        <translation>第 %1 行：状态“%2”不是 delivered、failed 或 unknown。</translation>
    </message>
    <message>
        <source>Row %1: time &apos;%2&apos; is not a date and time.</source>
        <translation>第 %1 行：时间“%2”不是有效的日期时间。</translation>
    </message>
    <message>
        <source>Row %1: message %2 belongs to campaign %3, not this one.</source>
        <translation>第 %1 行：短信 %2 属于群发任务 %3，而不是本任务。</translation>
    </message>
    <message>
        <source>Row %1: %2 (message %3) was not sent by this campaign; skipped.</source>
        <translation>第 %1 行：%2（短信 %3）不是本群发任务发送的；已跳过。</translation>
    </message>
    <message>
        <source>Row %1: reply &apos;%2&apos; gives no valid mobile number after 2.</source>
        <translation>第 %1 行：回复“%2”中 2 后面没有有效的手机号码。</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>The message text is empty.</source>
        <translation>短信内容为空。</translation>
    </message>
    <message>
        <source>Unknown placeholder %1 in the message (known: %2).</source>
        <translation>短信中有未知占位符 %1（可用：%2）。</translation>
    </message>
    <message>
        <source>A campaign needs a name.</source>
        <translation>群发任务需要名称。</translation>
    </message>
    <message>
        <source>Months not reached must be between 0 and 600.</source>
        <translation>未联系上的月数必须在 0 到 600 之间。</translation>
    </message>
    <message>
        <source>Unknown encoding %1 (utf-8 or gb18030).</source>
        <translation>未知编码 %1（可用 utf-8 或 gb18030）。</translation>
    </message>
    <message>
        <source>This system cannot write %1.</source>
        <translation>本系统无法写入 %1。</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 超过 %2 个字符。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed contact attempt(s) since the case opened</source>
        <translation>
            <numerusform>流程开启以来联络失败 %Ln 次</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Case %1 already has an open &apos;%2&apos; flag: resolve it or add to it.</source>
        <translation>流程 %1 已有未处理的“%2”标记：请处理该标记或在其上补充。</translation>
    </message>
    <message>
        <source>Risk flag %1 was resolved on %2 already.</source>
        <translation>风险标记 %1 已于 %2 处理。</translation>
    </message>
    <message>
        <source>%1 %2 is in the future.</source>
        <translation>%1 %2 是将来的日期。</translation>
    </message>
    <message>
        <source>The session date %1 is before the case opened (%2).</source>
        <translation>沟通日期 %1 早于流程开启日期（%2）。</translation>
    </message>
    <message>
        <source>%1 contact attempts failed and none reached them in %2 months</source>
        <translation>联络失败 %1 次，且 %2 个月内未能联系上</translation>
    </message>
    <message>
        <source>reached again on %1</source>
        <translation>已于 %1 重新联系上</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Who came</source>
        <translation>到场人员</translation>
    </message>
    <message>
        <source>Session date</source>
        <translation>沟通日期</translation>
    </message>
    <message>
        <source>Reason for the postponement</source>
        <translation>延期原因</translation>
    </message>
    <message>
        <source>Note on the release</source>
        <translation>解除预留的备注</translation>
    </message>
    <message>
        <source>registered %1 year(s) ago</source>
        <translation>%1 年前入库</translation>
    </message>
    <message>
        <source>%1 failed contact attempt(s) since the last success</source>
        <translation>自上次联系成功以来联络失败 %1 次</translation>
    </message>
    <message>
        <source>the family is opposed</source>
        <translation>家属反对</translation>
    </message>
    <message>
        <source>the family is neutral</source>
        <translation>家属态度中立</translation>
    </message>
    <message>
        <source>the family&apos;s attitude is not known</source>
        <translation>家属态度不明</translation>
    </message>
    <message>
        <source>answered &quot;unsure&quot; at a readiness check</source>
        <translation>在意愿确认中回答“不确定”</translation>
    </message>
    <message>
        <source>asked to withdraw before</source>
        <translation>曾申请退出</translation>
    </message>
    <message>
        <source>aged %1</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>Volunteer %1 has no withdrawal request pending.</source>
        <translation>志愿者 %1 没有待处理的退出申请。</translation>
    </message>
    <message>
        <source>Asked to withdraw on %1</source>
        <translation>于 %1 申请退出</translation>
    </message>
    <message>
        <source>Say why the withdrawal request is cancelled.</source>
        <translation>请说明撤销退出申请的原因。</translation>
    </message>
    <message>
        <source>Case %1 has open risk flags (%2). The patient&apos;s conditioning begins around mobilisation: make sure the donor is still committed before going on.</source>
        <translation>流程 %1 有未处理的风险标记（%2）。患者的预处理大约在动员时开始：继续之前请确认捐献者仍然坚定。</translation>
    </message>
    <message>
        <source>The case has only reached the stage &apos;%1&apos;; it cannot have stopped at &apos;%2&apos;.</source>
        <translation>该流程只到达“%1”阶段，不可能在“%2”阶段终止。</translation>
    </message>
    <message>
        <source>Volunteer No. %1 is &apos;%2&apos;, not reserved: there is no reservation to extend or release.</source>
        <translation>库号 %1 的志愿者状态为“%2”，未被预留：没有可延长或解除的预留。</translation>
    </message>
    <message>
        <source>A reservation must run until a date after today, not %1.</source>
        <translation>预留截止日期必须晚于今天，而不是 %1。</translation>
    </message>
    <message>
        <source>A reservation is released for the patient&apos;s side only (transplanted with another donor, patient died, search closed), not for &apos;%1&apos;: a donor who withdraws stops the case, or changes status.</source>
        <translation>只有患者方原因（已用其他供者移植、患者死亡、检索关闭）才能解除预留，“%1”不行：捐献者退出应终止流程或更改其状态。</translation>
    </message>
    <message>
        <source>Case %1 of this reservation is still open: stop the case (that releases the volunteer) instead.</source>
        <translation>该预留对应的流程 %1 仍在进行：请改为终止流程（这会解除该志愿者的预留）。</translation>
    </message>
    <message>
        <source>The number of failed attempts must be between 1 and %1.</source>
        <translation>失败次数必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>The number of months must be between 1 and %1.</source>
        <translation>月数必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>The check date %1 is in the future.</source>
        <translation>确认日期 %1 是将来的日期。</translation>
    </message>
    <message>
        <source>A planned absence needs a start and an end, the end not before the start.</source>
        <translation>计划外出需要开始和结束日期，且结束不早于开始。</translation>
    </message>
    <message>
        <source>Health changes and the note may have at most 500 characters.</source>
        <translation>健康变化和备注最多 500 个字符。</translation>
    </message>
    <message>
        <source>Both emergency contacts have the phone %1: a second person with a number of their own is a better backup.</source>
        <translation>两位紧急联系人的电话都是 %1：另找一位有自己号码的人作为备用更可靠。</translation>
    </message>
    <message>
        <source>Both emergency contacts live at the same address: ask for a second person who lives elsewhere.</source>
        <translation>两位紧急联系人住在同一地址：请再请一位住在别处的人。</translation>
    </message>
    <message>
        <source>Volunteer %1 is no longer on the register (status %2): there is no withdrawal to ask for.</source>
        <translation>志愿者 %1 已不在库中（状态 %2）：无需申请退出。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 必须在 %2 到 %3 之间。</translation>
    </message>
    <message>
        <source>Registry No.</source>
        <translation>库号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>地市</translation>
    </message>
    <message>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Backup phones</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>Last reached</source>
        <translation>最近联系上</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Last contact by</source>
        <translation>最近联络人</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Volunteer %1 has no donation on record: there is no follow-up to record.</source>
        <translation>志愿者 %1 没有捐献记录，无需记录随访。</translation>
    </message>
    <message>
        <source>Unknown follow-up point &apos;%1&apos;; use one of: %2.</source>
        <translation>未知的随访节点“%1”；可用：%2。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The follow-up date %1 is in the future.</source>
        <translation>随访日期 %1 在将来。</translation>
    </message>
    <message>
        <source>The follow-up &apos;%1&apos; of the donation on %2 is due on %3; it cannot have been done on %4.</source>
        <translation>%2 捐献的随访“%1”应于 %3 进行，不可能在 %4 完成。</translation>
    </message>
    <message>
        <source>The follow-up &apos;%1&apos; of the donation on %2 was already recorded on %3 by %4.</source>
        <translation>%2 捐献的随访“%1”已由 %4 于 %3 记录。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Donation on %1</source>
        <translation>%1 捐献</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation>等另外 %1 个</translation>
    </message>
    <message>
        <source>No registry numbers were given.</source>
        <translation>未提供登记编号。</translation>
    </message>
    <message>
        <source>Not in the registry (%1): %2. Nothing was changed.</source>
        <translation>不在资料库中（%1 个）：%2。未做任何更改。</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>群组需要名称。</translation>
    </message>
    <message>
        <source>There is already a group named &apos;%1&apos; (id %2): choose another name.</source>
        <translation>已有名为“%1”的群组（编号 %2）：请换一个名称。</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB: not a list of registry numbers.</source>
        <translation>%1 大于 %2 MB，不是登记编号列表。</translation>
    </message>
    <message>
        <source>Withdrawn and retired volunteers are not added to groups: they left the registry and are not messaged (%1): %2. Nothing was added.</source>
        <translation>已退出或已退役的志愿者不加入群组：他们已离开资料库，不再发送消息（%1 人）：%2。未添加任何人。</translation>
    </message>
    <message>
        <source>Adding by region needs a prefecture.</source>
        <translation>按地区添加需要指定地市。</translation>
    </message>
    <message>
        <source>A page holds 1 to %1 members from an offset of 0 or more.</source>
        <translation>每页 1 至 %1 名成员，起始位置须为 0 或更大。</translation>
    </message>
    <message>
        <source>No file to write was given.</source>
        <translation>未指定要写入的文件。</translation>
    </message>
    <message>
        <source>The message text is empty: record what was posted.</source>
        <translation>消息内容为空：请记录所发布的内容。</translation>
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
        <source>unknown command &apos;%1&apos; (see donordesk-cli --help)</source>
        <translation>未知命令“%1”（参见 donordesk-cli --help）</translation>
    </message>
    <message>
        <source>Print the program version.</source>
        <translation>显示程序版本。</translation>
    </message>
    <message>
        <source>How many times to load the tables (default 5).</source>
        <translation>加载数据表的次数（默认 5）。</translation>
    </message>
    <message>
        <source>Seconds per reduction measurement (default 1).</source>
        <translation>每项归并测量的秒数（默认 1）。</translation>
    </message>
    <message>
        <source>Measure HLA table load time, memory and reductions per second.</source>
        <translation>测量 HLA 数据表的加载时间、内存占用和每秒归并次数。</translation>
    </message>
    <message>
        <source>Benchmark the matching engine on a synthetic registry (not a test).</source>
        <translation>在合成资料库上对配型引擎做性能测试（不是功能测试）。</translation>
    </message>
    <message>
        <source>Reduce HLA typings to G, P, lg, lgx, S, U2, W or expand codes (exp).</source>
        <translation>将 HLA 分型归并为 G、P、lg、lgx、S、U2、W 级别，或展开代码（exp）。</translation>
    </message>
    <message>
        <source>Check HLA typings and print their normal form.</source>
        <translation>检查 HLA 分型并输出其规范形式。</translation>
    </message>
    <message>
        <source>Show the loaded IPD-IMGT/HLA release and allele counts per locus.</source>
        <translation>显示已加载的 IPD-IMGT/HLA 版本和各位点的等位基因数。</translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation>要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>多余的参数“%1”</translation>
    </message>
    <message>
        <source>--%1 is required</source>
        <translation>必须提供 --%1</translation>
    </message>
    <message>
        <source>--out FILE is required</source>
        <translation>必须提供 --out FILE</translation>
    </message>
    <message>
        <source>wrote %1 (%2 pages, %3)
</source>
        <translation>已写入 %1（%2 页，%3）
</translation>
    </message>
    <message>
        <source>The volunteer&apos;s registry number.</source>
        <translation>志愿者的库号。</translation>
    </message>
    <message>
        <source>A volunteer&apos;s registry number; repeat it to print several forms (a recruitment drive) into one PDF.</source>
        <translation>志愿者的库号；可重复给出，将多份表格（如一次招募活动）打印到同一个 PDF。</translation>
    </message>
    <message>
        <source>The patient&apos;s case number (or id).</source>
        <translation>患者编号（或 id）。</translation>
    </message>
    <message>
        <source>Lowest grade listed, out of 10 (default 8).</source>
        <translation>列出的最低相合等级，满分 10（默认 8）。</translation>
    </message>
    <message>
        <source>Most candidates listed (default 20).</source>
        <translation>最多列出的候选供者数（默认 20）。</translation>
    </message>
    <message>
        <source>--min-matches must be 0 to 10, not &apos;%1&apos;</source>
        <translation>--min-matches 必须是 0 到 10，而不是“%1”</translation>
    </message>
    <message>
        <source>--limit must be a positive number, not &apos;%1&apos;</source>
        <translation>--limit 必须是正数，而不是“%1”</translation>
    </message>
    <message>
        <source>consent, registry-consent, registration, search-report, certificate or family-letter.</source>
        <translation>consent、registry-consent、registration、search-report、certificate 或 family-letter。</translation>
    </message>
    <message>
        <source>unknown document &apos;%1&apos;</source>
        <translation>未知文书“%1”</translation>
    </message>
    <message>
        <source>Donation consent form for a workup case (PDF); records its version.</source>
        <translation>捐献流程的捐献同意书（PDF），并记录其版本。</translation>
    </message>
    <message>
        <source>Volunteer registration form(s) as one PDF.</source>
        <translation>志愿者登记表（多份合为一个 PDF）。</translation>
    </message>
    <message>
        <source>Search report for a patient&apos;s hospital (PDF).</source>
        <translation>发给患者所在医院的检索报告（PDF）。</translation>
    </message>
    <message>
        <source>Donation certificate of honour (PDF).</source>
        <translation>捐献荣誉证书（PDF）。</translation>
    </message>
    <message>
        <source>Registry joining consent form (PDF).</source>
        <translation>入库知情同意书（PDF）。</translation>
    </message>
    <message>
        <source>Letter explaining donation to a donor&apos;s family.</source>
        <translation>向供者家属说明捐献的信函。</translation>
    </message>
    <message>
        <source>A template filled with sample values, to check it.</source>
        <translation>用示例数据填充的模板，用于检查模板。</translation>
    </message>
    <message>
        <source>Rank the registry&apos;s volunteers against a patient typing.</source>
        <translation>按患者分型对资料库中的志愿者排序。</translation>
    </message>
    <message>
        <source>Create or upgrade the registry database.</source>
        <translation>创建或升级资料库数据库。</translation>
    </message>
    <message>
        <source>Fill the database with synthetic volunteers and patients.</source>
        <translation>用合成的志愿者和患者数据填充数据库。</translation>
    </message>
    <message>
        <source>Import volunteers from a recruitment drive CSV.</source>
        <translation>从招募活动 CSV 导入志愿者。</translation>
    </message>
    <message>
        <source>Online backup of the SQLite database to a file.</source>
        <translation>将 SQLite 数据库在线备份到文件。</translation>
    </message>
    <message>
        <source>Retire the volunteers who have reached 60.</source>
        <translation>将年满 60 岁的志愿者退库。</translation>
    </message>
    <message>
        <source>Show schema version and row counts.</source>
        <translation>显示结构版本和各表行数。</translation>
    </message>
    <message>
        <source>List recruitment drives and import batches (keys for print registration --drive).</source>
        <translation>列出招募活动和导入批次（即 print registration --drive 可用的值）。</translation>
    </message>
    <message>
        <source>Every volunteer of a recruitment drive: YYYY-MM-DD, YYYY-MM-DD@place or batch:N (see `drives`).</source>
        <translation>某次招募活动的全部志愿者：YYYY-MM-DD、YYYY-MM-DD@地点 或 batch:N（参见 `drives`）。</translation>
    </message>
    <message>
        <source>use either --volunteer or --drive, not both</source>
        <translation>--volunteer 和 --drive 只能用其一，不能同时使用</translation>
    </message>
    <message>
        <source>--volunteer is required</source>
        <translation>必须提供 --volunteer</translation>
    </message>
    <message>
        <source>give --drive once</source>
        <translation>--drive 只能给出一次</translation>
    </message>
    <message>
        <source>expected %1 argument(s), got %2</source>
        <translation>需要 %1 个参数，实际为 %2 个</translation>
    </message>
    <message>
        <source>Setting key, e.g. organisation/name.</source>
        <translation>设置项的键，如 organisation/name。</translation>
    </message>
    <message>
        <source>no setting &apos;%1&apos; (see settings list)</source>
        <translation>没有设置项“%1”（参见 settings list）</translation>
    </message>
    <message>
        <source>New value.</source>
        <translation>新值。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a setting key (expected group/name, e.g. organisation/name)</source>
        <translation>“%1”不是设置项的键（应为 组/名称 格式，如 organisation/name）</translation>
    </message>
    <message>
        <source>cannot write the settings file %1</source>
        <translation>无法写入设置文件 %1</translation>
    </message>
    <message>
        <source>Show the per-user settings (key, value).</source>
        <translation>显示当前用户的设置（键、值）。</translation>
    </message>
    <message>
        <source>Print one setting&apos;s value.</source>
        <translation>输出某个设置项的值。</translation>
    </message>
    <message>
        <source>Change a setting, e.g. organisation/name (used on every form).</source>
        <translation>修改设置项，如 organisation/name（每份表格都会用到）。</translation>
    </message>
    <message>
        <source>--%1 must be a non-negative number, not &apos;%2&apos;</source>
        <translation>--%1 必须是非负数，而不是“%2”</translation>
    </message>
    <message>
        <source>Synthetic registry size.</source>
        <translation>合成资料库的规模。</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>Number of patients to search for (default 20).</source>
        <translation>检索的患者数（默认 20）。</translation>
    </message>
    <message>
        <source>Search threads (default: all cores).</source>
        <translation>检索线程数（默认：全部核心）。</translation>
    </message>
    <message>
        <source>Donors the naive reference runs on (default 2000; its time is scaled).</source>
        <translation>朴素参考算法运行的供者数（默认 2000；其耗时按比例换算）。</translation>
    </message>
    <message>
        <source>Match scale (default 10).</source>
        <translation>相合标准（默认 10）。</translation>
    </message>
    <message>
        <source>Minimum matches (default 6).</source>
        <translation>最少相合位点（默认 6）。</translation>
    </message>
    <message>
        <source>Results per query (default 100).</source>
        <translation>每次查询的结果数（默认 100）。</translation>
    </message>
    <message>
        <source>Haplotype frequency file (default: the bundled CAU file).</source>
        <translation>单倍型频率文件（默认：内置的 CAU 文件）。</translation>
    </message>
    <message>
        <source>--donors N is required</source>
        <translation>必须提供 --donors N</translation>
    </message>
    <message>
        <source>need --donors 1..200000000, --queries &gt;= 1, --limit &gt;= 1, --scale 10|8|6 and --min &lt;= scale</source>
        <translation>需要 --donors 1..200000000、--queries &gt;= 1、--limit &gt;= 1、--scale 10|8|6 且 --min &lt;= scale</translation>
    </message>
    <message>
        <source>fast engine: %1 donors, %2 queries, threads %3, median %4 ms (grading %5 ms), p95 %6 ms
</source>
        <translation>快速引擎：%1 名供者，%2 次查询，%3 个线程，中位数 %4 ms（分级 %5 ms），p95 %6 ms
</translation>
    </message>
    <message>
        <source>naive reference: run on %1 donors%2; fast == naive on %3 of %4 queries
</source>
        <translation>朴素参考算法：在 %1 名供者上运行%2；%4 次查询中有 %3 次快速结果与朴素结果一致
</translation>
    </message>
    <message>
        <source>, time scaled linearly to %1 donors</source>
        <translation>，耗时按线性换算到 %1 名供者</translation>
    </message>
    <message>
        <source>donordesk-cli bench search: first disagreement: %1</source>
        <translation>donordesk-cli bench search：第一处不一致：%1</translation>
    </message>
    <message>
        <source>NMDP multiple-allele code table (tab-separated CODE, allele list) for codes like A*02:AB.</source>
        <translation>NMDP 多等位基因代码（MAC）表（制表符分隔的“代码、等位基因列表”），用于 A*02:AB 这类代码。</translation>
    </message>
    <message>
        <source>donordesk-cli %1: expected one TYPING (or - to read lines from stdin)</source>
        <translation>donordesk-cli %1：需要一个 TYPING 参数（或用 - 从标准输入逐行读取）</translation>
    </message>
    <message>
        <source>Reduction level: G, P, lg, lgx, S, U2, W or exp.</source>
        <translation>归并级别：G、P、lg、lgx、S、U2、W 或 exp。</translation>
    </message>
    <message>
        <source>HLA typing or GL String; - reads one per line from stdin.</source>
        <translation>HLA 分型或 GL String；- 表示从标准输入每行读取一个。</translation>
    </message>
    <message>
        <source>donordesk-cli %1: --level must be one of G, P, lg, lgx, S, U2, W, exp (got &apos;%2&apos;)</source>
        <translation>donordesk-cli %1：--level 必须是 G、P、lg、lgx、S、U2、W、exp 之一（收到“%2”）</translation>
    </message>
    <message>
        <source>Require every allele to belong to this locus (e.g. DRB1).</source>
        <translation>要求每个等位基因都属于此位点（如 DRB1）。</translation>
    </message>
    <message>
        <source>donordesk-cli %1: &apos;%2&apos; is not an HLA locus</source>
        <translation>donordesk-cli %1：“%2”不是 HLA 位点</translation>
    </message>
    <message>
        <source>donordesk-cli %1: unexpected argument &apos;%2&apos;</source>
        <translation>donordesk-cli %1：多余的参数“%2”</translation>
    </message>
    <message>
        <source>Patient typing as a GL String.</source>
        <translation>以 GL String 表示的患者分型。</translation>
    </message>
    <message>
        <source>Search for this patient case number.</source>
        <translation>按此患者编号检索。</translation>
    </message>
    <message>
        <source>Match scale: 10, 8 or 6 (default 10).</source>
        <translation>相合标准：10、8 或 6（默认 10）。</translation>
    </message>
    <message>
        <source>Show donors with at least N matches on the scale.</source>
        <translation>显示在该标准下至少 N 个位点相合的供者。</translation>
    </message>
    <message>
        <source>Show at most N donors (default 100).</source>
        <translation>最多显示 N 名供者（默认 100）。</translation>
    </message>
    <message>
        <source>Also show deferred, reserved, lost, withdrawn and retired volunteers (flagged).</source>
        <translation>同时显示暂缓、已预留、失联、退出和退库的志愿者（加标记）。</translation>
    </message>
    <message>
        <source>Output: table, json or csv (default table).</source>
        <translation>输出格式：table、json 或 csv（默认 table）。</translation>
    </message>
    <message>
        <source>give either --typing GL or --patient CASE</source>
        <translation>请给出 --typing GL 或 --patient CASE 之一</translation>
    </message>
    <message>
        <source>--scale must be 10, 8 or 6, not &apos;%1&apos;</source>
        <translation>--scale 必须是 10、8 或 6，而不是“%1”</translation>
    </message>
    <message>
        <source>--min must be a number from 0 to %1, not &apos;%2&apos;</source>
        <translation>--min 必须是 0 到 %1 之间的数，而不是“%2”</translation>
    </message>
    <message>
        <source>--limit must be a number from 1 to 100000, not &apos;%1&apos;</source>
        <translation>--limit 必须是 1 到 100000 之间的数，而不是“%1”</translation>
    </message>
    <message>
        <source>--format must be table, json or csv, not &apos;%1&apos;</source>
        <translation>--format 必须是 table、json 或 csv，而不是“%1”</translation>
    </message>
    <message>
        <source>donordesk-cli search: warning: %1: %2 (locus searched as untyped)</source>
        <translation>donordesk-cli search：警告：%1：%2（该位点按未分型检索）</translation>
    </message>
    <message>
        <source>donordesk-cli %1: expected %2 argument(s), got %3 (see --help)</source>
        <translation>donordesk-cli %1：需要 %2 个参数，实际为 %3 个（参见 --help）</translation>
    </message>
    <message>
        <source>Create the registry database, or upgrade it to this program&apos;s schema.</source>
        <translation>创建资料库数据库，或将其升级到本程序的结构版本。</translation>
    </message>
    <message>
        <source>%1: schema version %2
</source>
        <translation>%1：结构版本 %2
</translation>
    </message>
    <message>
        <source>Fill the registry with realistic synthetic volunteers and patients.</source>
        <translation>用逼真的合成志愿者和患者数据填充资料库。</translation>
    </message>
    <message>
        <source>Number of volunteers.</source>
        <translation>志愿者人数。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Number of patients.</source>
        <translation>患者人数。</translation>
    </message>
    <message>
        <source>Random seed (same seed, same data).</source>
        <translation>随机种子（种子相同，数据相同）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Haplotype frequency file (default: the bundled CAU.freqs.gz).</source>
        <translation>单倍型频率文件（默认：内置的 CAU.freqs.gz）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Staff name for the audit log (default: OS user).</source>
        <translation>写入审计记录的工作人员姓名（默认：操作系统用户）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>donordesk-cli generate: --volunteers, --patients and --seed take non-negative whole numbers</source>
        <translation>donordesk-cli generate：--volunteers、--patients 和 --seed 须为非负整数</translation>
    </message>
    <message>
        <source>generated %1/%2 volunteers</source>
        <translation>已生成 %1/%2 名志愿者</translation>
    </message>
    <message>
        <source>generated %1 volunteers (%2 contact attempts) and %3 patients in %4 s
</source>
        <translation>已在 %4 秒内生成 %1 名志愿者（%2 次联络尝试）和 %3 名患者
</translation>
    </message>
    <message>
        <source>Import volunteers from a recruitment drive CSV (UTF-8 or GB18030). Every row is checked first; nothing is imported unless all rows are valid, or with --skip-invalid the valid rows are imported and the others written to a rejects CSV.

Accepted column headings:
</source>
        <translation>从招募活动 CSV（UTF-8 或 GB18030）导入志愿者。先检查每一行；只有全部行有效时才导入，或者使用 --skip-invalid 时导入有效行，其余行写入拒收 CSV。

可接受的列标题：
</translation>
    </message>
    <message>
        <source>The CSV file.</source>
        <translation>CSV 文件。</translation>
    </message>
    <message>
        <source>Check every row and report; import nothing.</source>
        <translation>检查每一行并报告，不导入任何数据。</translation>
    </message>
    <message>
        <source>Import the valid rows; write the invalid ones to the rejects file.</source>
        <translation>导入有效行，无效行写入拒收文件。</translation>
    </message>
    <message>
        <source>Rejects file (default: FILE.rejects.csv).</source>
        <translation>拒收文件（默认：FILE.rejects.csv）。</translation>
    </message>
    <message>
        <source>written %1/%2 rows</source>
        <translation>已写入 %1/%2 行</translation>
    </message>
    <message>
        <source>checked %1/%2 rows</source>
        <translation>已检查 %1/%2 行</translation>
    </message>
    <message>
        <source>row %1, %2: %3
</source>
        <translation>第 %1 行，%2：%3
</translation>
    </message>
    <message>
        <source>%1 rows checked (%2): %3 valid, %4 with problems; dry run, nothing imported</source>
        <translation>已检查 %1 行（%2）：%3 行有效，%4 行有问题；试运行，未导入任何数据</translation>
    </message>
    <message>
        <source>%1 of %2 rows have problems; nothing imported (fix them, or use --skip-invalid)</source>
        <translation>%2 行中有 %1 行有问题；未导入任何数据（请修正，或使用 --skip-invalid）</translation>
    </message>
    <message>
        <source>imported %1 of %2 rows (batch %3)</source>
        <translation>已导入 %2 行中的 %1 行（批次 %3）</translation>
    </message>
    <message>
        <source>%1 rejected rows written to %2</source>
        <translation>%1 行拒收数据已写入 %2</translation>
    </message>
    <message>
        <source>Copy the SQLite registry to FILE while it stays in use (online backup). For PostgreSQL, prints the pg_dump command to use.</source>
        <translation>在资料库照常使用的同时将 SQLite 数据库复制到 FILE（在线备份）。对于 PostgreSQL，则输出应使用的 pg_dump 命令。</translation>
    </message>
    <message>
        <source>The backup file to create (must not exist).</source>
        <translation>要创建的备份文件（不得已存在）。</translation>
    </message>
    <message>
        <source>backup written to %1
</source>
        <translation>备份已写入 %1
</translation>
    </message>
    <message>
        <source>Retire every volunteer who has reached 60 (a nightly job).</source>
        <translation>将所有年满 60 岁的志愿者退库（每晚执行的任务）。</translation>
    </message>
    <message>
        <source>%1 volunteers retired at 60
</source>
        <translation>%1 名志愿者因年满 60 岁退库
</translation>
    </message>
    <message>
        <source>Show the database, its schema version and row counts.</source>
        <translation>显示数据库、其结构版本和各表行数。</translation>
    </message>
    <message>
        <source>Also time the bulk read of every volunteer that the matching index uses.</source>
        <translation>同时测量配型索引所用的全体志愿者批量读取耗时。</translation>
    </message>
    <message>
        <source>database: %1
schema version: %2 (this program: %3)
</source>
        <translation>数据库：%1
结构版本：%2（本程序：%3）
</translation>
    </message>
    <message>
        <source>bulk read: %1 volunteers (%2 available) in %3 s
</source>
        <translation>批量读取：%1 名志愿者（%2 名可用），用时 %3 秒
</translation>
    </message>
    <message>
        <source>The workup case: its code (e.g. P2026-00001-01) or its id.</source>
        <translation>流程：流程编号（如 P2026-00001-01）或其内部编号。</translation>
    </message>
    <message>
        <source>--case must name a workup case (its code, e.g. P2026-00001-01)</source>
        <translation>--case 须指定一个流程（流程编号，如 P2026-00001-01）</translation>
    </message>
    <message>
        <source>donordesk-cli import volunteers: HLA typings cannot be checked, nothing imported: %1</source>
        <translation>donordesk-cli import volunteers：无法校验 HLA 分型，未导入任何数据：%1</translation>
    </message>
    <message>
        <source>utf-8, gb18030 or utf-16 (default: decided from the file&apos;s bytes).</source>
        <translation>utf-8、gb18030 或 utf-16（默认根据文件内容判断）。</translation>
    </message>
    <message>
        <source>Leave this column out on purpose (repeat for several); any other heading that fills no field refuses the import.</source>
        <translation>有意略过该列（可重复给出多列）；其他不对应任何字段的列名会使导入被拒绝。</translation>
    </message>
    <message>
        <source>columns (%1):
</source>
        <translation>列（%1）：
</translation>
    </message>
    <message>
        <source>  %1 -&gt; ignored
</source>
        <translation>  %1 -&gt; 略过
</translation>
    </message>
    <message>
        <source>none of the %1 rows is valid; nothing imported</source>
        <translation>%1 行全部有问题；未导入任何数据</translation>
    </message>
    <message>
        <source>donordesk-cli retire-aged: %1 was not retired: %2</source>
        <translation>donordesk-cli retire-aged：%1 未能退库：%2</translation>
    </message>
    <message>
        <source>donordesk-cli retire-aged: %1 volunteers could not be retired; correct their records</source>
        <translation>donordesk-cli retire-aged：%1 名志愿者未能退库；请修正其记录</translation>
    </message>
    <message>
        <source>quick check: ok
</source>
        <translation>快速检查：正常
</translation>
    </message>
    <message>
        <source>quick check: DAMAGED (%1); run db check
</source>
        <translation>快速检查：已损坏（%1）；请运行 db check
</translation>
    </message>
    <message>
        <source>Check the registry: SQLite&apos;s full integrity check, rows whose volunteer or patient is missing, and the schema version. Only reads. Exit 0 when all is well, 1 when a problem was found.</source>
        <translation>检查资料库：SQLite 完整性检查、引用了不存在的志愿者或患者的行，以及结构版本。只读不写。一切正常时退出码为 0，发现问题时为 1。</translation>
    </message>
    <message>
        <source>database: %1
</source>
        <translation>数据库：%1
</translation>
    </message>
    <message>
        <source>integrity: ok
</source>
        <translation>完整性：正常
</translation>
    </message>
    <message>
        <source>references: ok
</source>
        <translation>引用：正常
</translation>
    </message>
    <message>
        <source>references: rows pointing at missing records:
</source>
        <translation>引用：以下行指向不存在的记录：
</translation>
    </message>
    <message>
        <source>schema version: %1 (this program: %2)
</source>
        <translation>结构版本：%1（本程序：%2）
</translation>
    </message>
    <message>
        <source>  older than this program: donordesk-cli init upgrades it
</source>
        <translation>  低于本程序的版本：运行 donordesk-cli init 可升级
</translation>
    </message>
    <message>
        <source>donordesk-cli db check: problems found; restore the latest backup or ask the administrator</source>
        <translation>donordesk-cli db check：发现问题；请恢复最近的备份或联系管理员</translation>
    </message>
    <message>
        <source>Check the registry&apos;s integrity, references and schema.</source>
        <translation>检查资料库的完整性、引用和结构版本。</translation>
    </message>
    <message numerus="yes">
        <source>integrity: %Ln problem(s)
</source>
        <translation>
            <numerusform>完整性：%Ln 个问题
</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting for the database: another program or workstation is writing (%1 s)…</source>
        <translation>正在等待数据库：另一个程序或工作站正在写入（已等 %1 秒）…</translation>
    </message>
    <message>
        <source>donordesk-cli %1: --staff must be a name of at most 50 characters without control characters</source>
        <translation>donordesk-cli %1：--staff 必须是不超过 50 个字符、不含控制字符的姓名</translation>
    </message>
    <message>
        <source>donordesk-cli backup: the backup file name is empty</source>
        <translation>donordesk-cli backup：备份文件名为空</translation>
    </message>
    <message>
        <source>%1: cannot be read
</source>
        <translation>%1：无法读取
</translation>
    </message>
    <message>
        <source>floor: one plain pass over the %1 MB a scan of every donor reads, %2 threads: median %3 ms (fast engine / floor %4)
</source>
        <translation>下限：%2 个线程对逐一扫描全部供者所读的 %1 MB 做一次普通读取：中位数 %3 ms（快速引擎 / 下限 %4）
</translation>
    </message>
    <message>
        <source>DonorDesk&apos;s matching reading instead of py-ard&apos;s: a null allele keeps its own name at P, lg, lgx and U2, lgx comes from P groups, and a name such as A*01:01 stands for its expressed alleles.</source>
        <translation>使用 DonorDesk 配型时的解读，而非 py-ard 的解读：无效（null）等位基因在 P、lg、lgx 和 U2 级别保留自己的名称，lgx 取自 P 组，A*01:01 这样的名称表示其下的表达等位基因。</translation>
    </message>
    <message>
        <source>How many times to time opening with the snapshot (default 3).</source>
        <translation>用快照打开的计时次数（默认 3）。</translation>
    </message>
    <message>
        <source>Where to write the snapshot (default: a temporary file).</source>
        <translation>快照写入的位置（默认：临时文件）。</translation>
    </message>
    <message>
        <source>--runs must be a number from 1 to 100, not &apos;%1&apos;</source>
        <translation>--runs 必须是 1 到 100 之间的数字，而不是“%1”</translation>
    </message>
    <message>
        <source>Time opening a registry until its search index is ready, with and without the saved snapshot (not a test).</source>
        <translation>计时打开登记库直到检索索引就绪，分别使用和不使用已保存的快照（不是测试）。</translation>
    </message>
    <message>
        <source>Ranking criteria in order, comma-separated (default: %1).</source>
        <translation>排序条件，按先后顺序以逗号分隔（默认：%1）。</translation>
    </message>
    <message>
        <source>DPB1 TCE assignment: 2 (current algorithm, default) or 1.</source>
        <translation>DPB1 TCE 分组版本：2（现行算法，默认）或 1。</translation>
    </message>
    <message>
        <source>--tce must be 1 or 2, not &apos;%1&apos;</source>
        <translation>--tce 必须是 1 或 2，而不是“%1”</translation>
    </message>
    <message>
        <source>NMDP multiple-allele code table for codes like A*02:AB (default: the one named in the settings).</source>
        <translation>NMDP 多等位基因代码表，用于 A*02:AB 这样的代码（默认：设置中指定的表）。</translation>
    </message>
    <message>
        <source>NMDP multiple-allele code table, so that typings such as A*02:AB are accepted (default: the one named in the settings).</source>
        <translation>NMDP 多等位基因代码（MAC）表，使 A*02:AB 这样的分型可以被接受（默认：设置中指定的表）。</translation>
    </message>
    <message>
        <source>Create an SMS campaign; prints its id. Placeholders: %1.</source>
        <translation>创建短信群发任务并输出其 id。占位符：%1。</translation>
    </message>
    <message>
        <source>The campaign&apos;s name.</source>
        <translation>群发任务名称。</translation>
    </message>
    <message>
        <source>The message template.</source>
        <translation>短信模板。</translation>
    </message>
    <message>
        <source>TEMPLATE</source>
        <translation>TEMPLATE</translation>
    </message>
    <message>
        <source>Only this prefecture or county.</source>
        <translation>仅限此地市或区县。</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Only volunteers not reached for this many months.</source>
        <translation>仅限这么多个月未联系上的志愿者。</translation>
    </message>
    <message>
        <source>Only this status (default: active, temporarily_deferred and lost_contact).</source>
        <translation>仅限此状态（默认：active、temporarily_deferred 和 lost_contact）。</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>sms (the only channel so far).</source>
        <translation>sms（目前唯一的渠道）。</translation>
    </message>
    <message>
        <source>CHANNEL</source>
        <translation>CHANNEL</translation>
    </message>
    <message>
        <source>Staff name for the audit log.</source>
        <translation>写入审计记录的工作人员姓名。</translation>
    </message>
    <message>
        <source>donordesk-cli %1: --not-reached-months must be a whole number</source>
        <translation>donordesk-cli %1：--not-reached-months 必须是整数</translation>
    </message>
    <message>
        <source>donordesk-cli %1: unknown status %2</source>
        <translation>donordesk-cli %1：未知状态 %2</translation>
    </message>
    <message>
        <source>donordesk-cli %1: --channel must be sms</source>
        <translation>donordesk-cli %1：--channel 必须是 sms</translation>
    </message>
    <message>
        <source>List the campaigns: id, name, region, months, status, created.</source>
        <translation>列出群发任务：id、名称、地区、月数、状态、创建时间。</translation>
    </message>
    <message>
        <source>donordesk-cli %1: --campaign must be a campaign id</source>
        <translation>donordesk-cli %1：--campaign 必须是群发任务 id</translation>
    </message>
    <message>
        <source>Write the bulk-SMS platform&apos;s batch file (phone,message,message_id) for a campaign. Re-exporting reuses the message ids given.</source>
        <translation>为群发任务写出短信群发平台的批量文件（phone,message,message_id）。重新导出时沿用已分配的短信 id。</translation>
    </message>
    <message>
        <source>The campaign&apos;s id.</source>
        <translation>群发任务的 id。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The CSV file to write.</source>
        <translation>要写入的 CSV 文件。</translation>
    </message>
    <message>
        <source>utf-8 (default) or gb18030.</source>
        <translation>utf-8（默认）或 gb18030。</translation>
    </message>
    <message>
        <source>donordesk-cli %1: --out is required</source>
        <translation>donordesk-cli %1：必须提供 --out</translation>
    </message>
    <message>
        <source>exported %1 messages</source>
        <translation>已导出 %1 条短信</translation>
    </message>
    <message>
        <source>%1 messages written to %2 (%3 with ids given before)</source>
        <translation>已将 %1 条短信写入 %2（其中 %3 条沿用之前的 id）</translation>
    </message>
    <message>
        <source>Apply a bulk-SMS platform&apos;s delivery-and-reply file (phone,message_id,status,reply,time or its Chinese equivalent) to the contact log. Replies: 1 still willing, 2 NEW-PHONE a new number, 0 asks to withdraw, anything else kept as a note. Nothing is applied if any row is malformed; numbers not in the campaign are reported and skipped; a file applied before changes nothing. stdout: one line per change (row, kind, phone, detail).</source>
        <translation>将短信群发平台的发送与回复文件（phone,message_id,status,reply,time 或对应的中文表头 手机号码,短信ID,发送状态,回复内容,时间）写入联络记录。回复：1 表示仍愿意，2 新号码 表示更换号码，0 表示申请退出，其他内容作为备注保存。只要有一行格式错误就不写入任何内容；不属于该群发任务的号码会报告并跳过；已写入过的文件不会再改变任何内容。stdout：每项变更一行（行号、类型、电话、详情）。</translation>
    </message>
    <message>
        <source>The results CSV (UTF-8 or GB18030).</source>
        <translation>结果 CSV 文件（UTF-8 或 GB18030）。</translation>
    </message>
    <message>
        <source>Print the changes; apply nothing.</source>
        <translation>只显示变更，不写入。</translation>
    </message>
    <message>
        <source>utf-8 or gb18030 (default: from the file&apos;s bytes).</source>
        <translation>utf-8 或 gb18030（默认：根据文件字节判断）。</translation>
    </message>
    <message>
        <source>applied %1/%2 rows</source>
        <translation>已写入 %1/%2 行</translation>
    </message>
    <message>
        <source>%1 malformed rows: nothing applied</source>
        <translation>%1 行格式错误：未写入任何内容</translation>
    </message>
    <message>
        <source>applied: %1; unknown numbers skipped: %2; status unknown: %3; applied before: %4</source>
        <translation>已写入：%1；跳过的未知号码：%2；状态未知：%3；之前已写入：%4</translation>
    </message>
    <message>
        <source>dry run, nothing applied: %1; unknown numbers: %2; status unknown: %3; applied before: %4</source>
        <translation>试运行，未写入：%1；未知号码：%2；状态未知：%3；之前已写入：%4</translation>
    </message>
    <message>
        <source>Apply a bulk-SMS platform&apos;s delivery and reply file (with a preview).</source>
        <translation>写入短信群发平台的发送与回复文件（可预览）。</translation>
    </message>
    <message>
        <source>Create an SMS campaign (prints its id).</source>
        <translation>创建短信群发任务（输出其 id）。</translation>
    </message>
    <message>
        <source>List the SMS campaigns.</source>
        <translation>列出短信群发任务。</translation>
    </message>
    <message>
        <source>Write a campaign&apos;s bulk-SMS batch file.</source>
        <translation>写出群发任务的短信群发批量文件。</translation>
    </message>
    <message numerus="yes">
        <source>%1: postponed %Ln time(s)</source>
        <translation>
            <numerusform>%1：已延期 %Ln 次</numerusform>
        </translation>
    </message>
    <message>
        <source>List workup cases (stage, stop, family, risk).</source>
        <translation>列出捐献流程（阶段、终止、家属、风险）。</translation>
    </message>
    <message>
        <source>Open a workup case; prints its code.</source>
        <translation>开启捐献流程并输出其编号。</translation>
    </message>
    <message>
        <source>Move a case on to a later stage.</source>
        <translation>将流程推进到后续阶段。</translation>
    </message>
    <message>
        <source>Stop a case with a coded reason and the stage reached.</source>
        <translation>以编码原因和所到阶段终止流程。</translation>
    </message>
    <message>
        <source>Show a case&apos;s late-withdrawal risk flags.</source>
        <translation>显示流程的悔捐风险标记。</translation>
    </message>
    <message>
        <source>Raise a risk flag on a case.</source>
        <translation>为流程添加风险标记。</translation>
    </message>
    <message>
        <source>Resolve a case&apos;s risk flag.</source>
        <translation>处理流程的风险标记。</translation>
    </message>
    <message>
        <source>Record the donor&apos;s family&apos;s attitude.</source>
        <translation>记录捐献者家属的态度。</translation>
    </message>
    <message>
        <source>Record a family-education session.</source>
        <translation>记录一次家属宣教沟通。</translation>
    </message>
    <message>
        <source>Record a postponement asked for by the donor.</source>
        <translation>记录捐献者提出的延期。</translation>
    </message>
    <message>
        <source>Extend a volunteer&apos;s reservation.</source>
        <translation>延长志愿者的预留期限。</translation>
    </message>
    <message>
        <source>Release a reserved volunteer (patient side: transplanted, died, closed).</source>
        <translation>解除志愿者的预留（患者方原因：已移植、死亡、检索关闭）。</translation>
    </message>
    <message>
        <source>Record a volunteer&apos;s yearly readiness check.</source>
        <translation>记录志愿者的年度意愿确认。</translation>
    </message>
    <message>
        <source>List a volunteer&apos;s readiness checks.</source>
        <translation>列出志愿者的意愿确认记录。</translation>
    </message>
    <message>
        <source>Print a retention worklist (who to contact next).</source>
        <translation>打印保持联系工作清单（下一步要联系谁）。</translation>
    </message>
    <message>
        <source>Show or set the lost-contact rule (--attempts N --months M).</source>
        <translation>显示或设置失联规则（--attempts N --months M）。</translation>
    </message>
    <message>
        <source>table, json or csv (default table).</source>
        <translation>table、json 或 csv（默认 table）。</translation>
    </message>
    <message>
        <source>Count as of this date (yyyy-MM-dd; default today).</source>
        <translation>统计截止日期（yyyy-MM-dd；默认今天）。</translation>
    </message>
    <message>
        <source>--format must be table, json or csv, not &apos;%1&apos;.</source>
        <translation>--format 必须是 table、json 或 csv，而不是“%1”。</translation>
    </message>
    <message>
        <source>--today must be a date written yyyy-MM-dd, not &apos;%1&apos;.</source>
        <translation>--today 必须是 yyyy-MM-dd 格式的日期，而不是“%1”。</translation>
    </message>
    <message>
        <source>Registry statistics: volunteers, contact rates, cases, withdrawals, donations and searches (table, json or csv).</source>
        <translation>资料库统计：志愿者、联系率、捐献流程、退出、捐献和检索（table、json 或 csv）。</translation>
    </message>
    <message>
        <source>NO</source>
        <translation>NO</translation>
    </message>
    <message>
        <source>donordesk-cli %1: --volunteer is required</source>
        <translation>donordesk-cli %1：必须提供 --volunteer</translation>
    </message>
    <message>
        <source>Record that a volunteer asked to withdraw (out of searches at once, until staff confirm or cancel it).</source>
        <translation>记录志愿者申请退出（立即不参加检索，直到工作人员确认或撤销）。</translation>
    </message>
    <message>
        <source>The day it was asked (default: today).</source>
        <translation>提出申请的日期（默认：今天）。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>How it was asked.</source>
        <translation>申请方式。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>donordesk-cli %1: --date must be a date YYYY-MM-DD</source>
        <translation>donordesk-cli %1：--date 必须是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>Confirm a pending withdrawal request: the volunteer&apos;s status becomes withdrawn.</source>
        <translation>确认待处理的退出申请：志愿者状态变为退出。</translation>
    </message>
    <message>
        <source>The reason kept with the status.</source>
        <translation>随状态保存的原因。</translation>
    </message>
    <message>
        <source>Cancel a pending withdrawal request (the volunteer is back in searches); the note says why.</source>
        <translation>撤销待处理的退出申请（志愿者重新参加检索）；备注说明原因。</translation>
    </message>
    <message>
        <source>Why the request is cancelled (required).</source>
        <translation>撤销申请的原因（必填）。</translation>
    </message>
    <message>
        <source>Record a volunteer&apos;s request to withdraw (out of searches at once).</source>
        <translation>记录志愿者的退出申请（立即不参加检索）。</translation>
    </message>
    <message>
        <source>Confirm a pending withdrawal request (status withdrawn).</source>
        <translation>确认待处理的退出申请（状态改为退出）。</translation>
    </message>
    <message>
        <source>Cancel a pending withdrawal request (back in searches).</source>
        <translation>撤销待处理的退出申请（重新参加检索）。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>How many campaign messages to export and import (default 100000).</source>
        <translation>导出和导入的活动短信条数（默认 100000）。</translation>
    </message>
    <message>
        <source>--messages must be a number from 1 to 10000000, not &apos;%1&apos;</source>
        <translation>--messages 必须是 1 到 10000000 之间的数字，而不是“%1”</translation>
    </message>
    <message>
        <source>Time the worklists, the statistics and a campaign&apos;s export and results import on a registry, leaving it unchanged (not a test).</source>
        <translation>在资料库上测量工作清单、统计以及联络活动导出和结果导入的耗时，不改变资料库（不是测试）。</translation>
    </message>
    <message>
        <source>Record a follow-up call after a donation (day2 ... year10).</source>
        <translation>记录捐献后的随访（day2 … year10）。</translation>
    </message>
    <message>
        <source>A donor&apos;s follow-up calls: done, due, overdue, to come.</source>
        <translation>捐献者的随访：已完成、到期、逾期、待进行。</translation>
    </message>
    <message>
        <source>Create a WeChat or region group (prints its id).</source>
        <translation>创建微信群或地区群组（输出其编号）。</translation>
    </message>
    <message>
        <source>List the volunteer groups with their member counts.</source>
        <translation>列出志愿者群组及其成员数。</translation>
    </message>
    <message>
        <source>Add volunteers to a group (by number or by region).</source>
        <translation>向群组添加志愿者（按编号或按地区）。</translation>
    </message>
    <message>
        <source>Remove volunteers from a group.</source>
        <translation>从群组移除志愿者。</translation>
    </message>
    <message>
        <source>Print a group&apos;s members.</source>
        <translation>输出群组成员。</translation>
    </message>
    <message>
        <source>Write a group&apos;s member list as CSV.</source>
        <translation>将群组成员名单写为 CSV。</translation>
    </message>
    <message>
        <source>Record that a message was posted in a group.</source>
        <translation>记录已在群组中发布一条消息。</translation>
    </message>
    <message>
        <source>List the messages recorded for a group.</source>
        <translation>列出群组已记录的消息。</translation>
    </message>
    <message>
        <source>with %1 workup cases (%2 stopped) and %3 follow-up calls after donations
</source>
        <translation>其中 %1 个捐献流程案例（%2 个已终止）和 %3 次捐献后随访
</translation>
    </message>
</context>
<context>
    <name>dd::documents</name>
    <message>
        <source>There is nothing to print</source>
        <translation>没有可打印的内容</translation>
    </message>
    <message>
        <source>Cannot start printing (the printer or file is not available)</source>
        <translation>无法开始打印（打印机或文件不可用）</translation>
    </message>
    <message>
        <source>Cannot start a new page on the printer or file</source>
        <translation>无法在打印机或文件上新起一页</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Donation consent form</source>
        <translation>捐献同意书</translation>
    </message>
    <message>
        <source>Registry joining consent</source>
        <translation>入库知情同意书</translation>
    </message>
    <message>
        <source>Volunteer registration form</source>
        <translation>志愿者登记表</translation>
    </message>
    <message>
        <source>Search report</source>
        <translation>检索报告</translation>
    </message>
    <message>
        <source>Donation certificate of honour</source>
        <translation>捐献荣誉证书</translation>
    </message>
    <message>
        <source>Letter to the donor&apos;s family</source>
        <translation>致供者家属的信</translation>
    </message>
    <message>
        <source>Template %1 declares &lt;meta name=&quot;dd-template&quot; content=&quot;%2&quot;&gt; but should be &apos;%3&apos;</source>
        <translation>模板 %1 声明的是 &lt;meta name=&quot;dd-template&quot; content=&quot;%2&quot;&gt;，但应为“%3”</translation>
    </message>
    <message>
        <source>Template %1 has no version (&lt;meta name=&quot;dd-template-version&quot; content=&quot;...&quot;&gt;)</source>
        <translation>模板 %1 没有版本号（&lt;meta name=&quot;dd-template-version&quot; content=&quot;...&quot;&gt;）</translation>
    </message>
    <message>
        <source>No templates for language &apos;%1&apos; (available: %2)</source>
        <translation>没有语言“%1”的模板（可用：%2）</translation>
    </message>
    <message>
        <source>Cannot read template %1: %2</source>
        <translation>无法读取模板 %1：%2</translation>
    </message>
    <message>
        <source>No office template folder is configured</source>
        <translation>尚未配置本机构的模板目录</translation>
    </message>
    <message>
        <source>The office already has its own copy: %1</source>
        <translation>本机构已有自己的副本：%1</translation>
    </message>
    <message>
        <source>Cannot write template %1: %2</source>
        <translation>无法写入模板 %1：%2</translation>
    </message>
    <message>
        <source>Template line %1: &apos;%2&apos; is not a valid placeholder (expected a name like {{volunteer.name}})</source>
        <translation>模板第 %1 行：“%2”不是有效的占位符（应为 {{volunteer.name}} 这样的名称）</translation>
    </message>
    <message>
        <source>Template line %1: {{/%2}} closes a section that is not open</source>
        <translation>模板第 %1 行：{{/%2}} 关闭了一个未打开的区段</translation>
    </message>
    <message>
        <source>Template line %1: section {{#%2}} is never closed</source>
        <translation>模板第 %1 行：区段 {{#%2}} 没有关闭</translation>
    </message>
    <message>
        <source>The document cannot be printed: no value for %1</source>
        <translation>无法打印该文书：缺少 %1</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <source>Organisation address</source>
        <translation>机构地址</translation>
    </message>
    <message>
        <source>Print date</source>
        <translation>打印日期</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <source>Donor&apos;s name</source>
        <translation>供者姓名</translation>
    </message>
    <message>
        <source>Donor&apos;s registry number</source>
        <translation>供者库号</translation>
    </message>
    <message>
        <source>Donor&apos;s ID number</source>
        <translation>供者身份证号</translation>
    </message>
    <message>
        <source>Donor&apos;s sex</source>
        <translation>供者性别</translation>
    </message>
    <message>
        <source>Donor&apos;s age</source>
        <translation>供者年龄</translation>
    </message>
    <message>
        <source>Donor&apos;s date of birth</source>
        <translation>供者出生日期</translation>
    </message>
    <message>
        <source>Donation date</source>
        <translation>捐献日期</translation>
    </message>
    <message>
        <source>Kind of donation</source>
        <translation>捐献类型</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Patient&apos;s case number</source>
        <translation>患者编号</translation>
    </message>
    <message>
        <source>Patient&apos;s name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>Patient&apos;s sex</source>
        <translation>患者性别</translation>
    </message>
    <message>
        <source>Patient&apos;s age</source>
        <translation>患者年龄</translation>
    </message>
    <message>
        <source>Patient&apos;s date of birth</source>
        <translation>患者出生日期</translation>
    </message>
    <message>
        <source>Patient&apos;s diagnosis</source>
        <translation>患者诊断</translation>
    </message>
    <message>
        <source>Patient&apos;s hospital</source>
        <translation>患者所在医院</translation>
    </message>
    <message>
        <source>Patient&apos;s physician</source>
        <translation>患者主治医生</translation>
    </message>
    <message>
        <source>Patient&apos;s blood group</source>
        <translation>患者血型</translation>
    </message>
    <message>
        <source>Search date</source>
        <translation>检索日期</translation>
    </message>
    <message>
        <source>HLA nomenclature release</source>
        <translation>HLA 命名数据版本</translation>
    </message>
    <message>
        <source>Number of candidates</source>
        <translation>候选供者数</translation>
    </message>
    <message>
        <source>Number of volunteers searched</source>
        <translation>检索的志愿者人数</translation>
    </message>
    <message>
        <source>Volunteer&apos;s name</source>
        <translation>志愿者姓名</translation>
    </message>
    <message>
        <source>Volunteer&apos;s registry number</source>
        <translation>志愿者库号</translation>
    </message>
    <message>
        <source>Volunteer&apos;s sex</source>
        <translation>志愿者性别</translation>
    </message>
    <message>
        <source>Volunteer&apos;s date of birth</source>
        <translation>志愿者出生日期</translation>
    </message>
    <message>
        <source>Volunteer&apos;s ethnicity</source>
        <translation>志愿者民族</translation>
    </message>
    <message>
        <source>Volunteer&apos;s ID number</source>
        <translation>志愿者身份证号</translation>
    </message>
    <message>
        <source>Volunteer&apos;s phone</source>
        <translation>志愿者手机</translation>
    </message>
    <message>
        <source>Volunteer&apos;s WeChat</source>
        <translation>志愿者微信</translation>
    </message>
    <message>
        <source>Volunteer&apos;s e-mail</source>
        <translation>志愿者电子邮箱</translation>
    </message>
    <message>
        <source>Volunteer&apos;s address</source>
        <translation>志愿者地址</translation>
    </message>
    <message>
        <source>Volunteer&apos;s city and county</source>
        <translation>志愿者所在市县</translation>
    </message>
    <message>
        <source>Volunteer&apos;s work unit</source>
        <translation>志愿者工作单位</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s name</source>
        <translation>紧急联系人姓名</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s relation</source>
        <translation>紧急联系人关系</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s phone</source>
        <translation>紧急联系人电话</translation>
    </message>
    <message>
        <source>Volunteer&apos;s blood group</source>
        <translation>志愿者血型</translation>
    </message>
    <message>
        <source>Volunteer&apos;s weight</source>
        <translation>志愿者体重</translation>
    </message>
    <message>
        <source>Sample barcode</source>
        <translation>样本条码</translation>
    </message>
    <message>
        <source>Date of the registry consent</source>
        <translation>入库同意书签署日期</translation>
    </message>
    <message>
        <source>Version of the registry consent</source>
        <translation>入库同意书版本</translation>
    </message>
    <message>
        <source>Recruitment date</source>
        <translation>招募日期</translation>
    </message>
    <message>
        <source>Recruitment place</source>
        <translation>招募地点</translation>
    </message>
    <message>
        <source>Recruitment organiser</source>
        <translation>招募组织方</translation>
    </message>
    <message>
        <source>Second emergency contact&apos;s name</source>
        <translation>第二紧急联系人姓名</translation>
    </message>
    <message>
        <source>Second emergency contact&apos;s relation</source>
        <translation>第二紧急联系人与本人关系</translation>
    </message>
    <message>
        <source>Second emergency contact&apos;s phone</source>
        <translation>第二紧急联系人电话</translation>
    </message>
    <message>
        <source>Second emergency contact&apos;s address</source>
        <translation>第二紧急联系人地址</translation>
    </message>
    <message>
        <source>Emergency contact&apos;s address</source>
        <translation>紧急联系人地址</translation>
    </message>
</context>
<context>
    <name>dd::gui</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Generated (demo data)</source>
        <translation>生成（演示数据）</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Contact attempt</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 (replaced %2)</source>
        <translation>%1（%2 停用）</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <source>work</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>replaced %1</source>
        <translation>%1 停用</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source> (contact on %1)</source>
        <translation>（联系日期 %1）</translation>
    </message>
    <message>
        <source>Choose a donor on the follow-up-due list first.</source>
        <translation>请先在“随访到期”清单中选择一名捐献者。</translation>
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
    <name>dd::gui::CampaignDialog</name>
    <message>
        <source>Placeholders: %1. Say in one sentence how rare a match is and ask for a reply: 1 still willing, 2 and a new number, 0 to withdraw.</source>
        <translation>占位符：%1。用一句话说明配型成功多么难得，并请对方回复：1 仍愿捐献，2 加新号码，0 退出。</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Active, deferred and lost contact</source>
        <translation>在库、暂缓和失联</translation>
    </message>
</context>
<context>
    <name>dd::gui::CampaignResultsDialog</name>
    <message>
        <source>Still willing (replied 1)</source>
        <translation>仍愿捐献（回复 1）</translation>
    </message>
    <message>
        <source>New phone number (replied 2)</source>
        <translation>新手机号（回复 2）</translation>
    </message>
    <message>
        <source>Asks to withdraw (replied 0): to confirm</source>
        <translation>申请退出（回复 0）：待确认</translation>
    </message>
    <message>
        <source>Other reply, kept as a note</source>
        <translation>其他回复，记为备注</translation>
    </message>
    <message>
        <source>Delivered, no reply</source>
        <translation>已送达，未回复</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <source>Platform results: %1</source>
        <translation>平台结果：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) to apply; </source>
        <translation>
            <numerusform>待应用更改 %Ln 项；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) applied before; </source>
        <translation>
            <numerusform>此前已应用 %Ln 行；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with status unknown (nothing recorded); </source>
        <translation>
            <numerusform>状态未知 %Ln 行（未记录）；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln number(s) not in this campaign (skipped).</source>
        <translation>
            <numerusform>不属于本活动的号码 %Ln 个（已跳过）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln malformed row(s): the file cannot be applied until they are corrected.</source>
        <translation>
            <numerusform>格式错误 %Ln 行：改正之前文件无法应用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation>没有需要应用的内容。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>应用更改(&amp;A)</translation>
    </message>
</context>
<context>
    <name>dd::gui::CampaignsPanel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Not reached for</source>
        <translation>未联系时长</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GB18030 (older platforms)</source>
        <translation>GB18030（旧平台）</translation>
    </message>
    <message>
        <source>The character encoding the operator&apos;s platform expects in its batch file.</source>
        <translation>运营商平台要求的批量文件字符编码。</translation>
    </message>
    <message>
        <source>whole province</source>
        <translation>全省</translation>
    </message>
    <message numerus="yes">
        <source>%Ln month(s)</source>
        <translation>
            <numerusform>%Ln 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>No campaign yet: start with New campaign.</source>
        <translation>还没有联络活动：请先点“新建活动”。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <source>%1 messages written</source>
        <translation>已写入 %1 条短信</translation>
    </message>
    <message>
        <source>Writing the batch file %1…</source>
        <translation>正在生成批量文件 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) written to %1.</source>
        <translation>
            <numerusform>已向 %1 写入 %Ln 条短信。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them keep the message id of an earlier export.</source>
        <translation>
            <numerusform>其中 %Ln 条沿用此前导出的短信 ID。</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Checked: %Ln change(s) ready to apply.</source>
        <translation>
            <numerusform>检查完毕：%Ln 项更改可以应用。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln malformed row(s): nothing can be applied.</source>
        <translation>
            <numerusform>格式错误 %Ln 行：无法应用任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying %1…</source>
        <translation>正在应用 %1…</translation>
    </message>
    <message>
        <source>Nothing applied: the file has malformed rows.</source>
        <translation>未应用任何内容：文件中有格式错误的行。</translation>
    </message>
    <message numerus="yes">
        <source>Applied %Ln change(s) to the contact log.</source>
        <translation>
            <numerusform>已将 %Ln 项更改写入联系记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign created. Write its batch file for the platform next.</source>
        <translation>活动已创建。下一步请为平台生成批量文件。</translation>
    </message>
    <message>
        <source>Write SMS batch file</source>
        <translation>生成短信批量文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Read platform results</source>
        <translation>读取平台结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>dd::gui::CaseRiskDialog</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Raised on</source>
        <translation>标记日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message numerus="yes">
        <source>Case %1, stage &apos;%2&apos;; postponed %Ln time(s).</source>
        <translation>
            <numerusform>流程 %1，阶段“%2”；已延期 %Ln 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation>%1：%2%3</translation>
    </message>
    <message>
        <source> (family letter handed over)</source>
        <translation>（已交付致家属信）</translation>
    </message>
    <message>
        <source>No family session recorded.</source>
        <translation>尚无家属沟通记录。</translation>
    </message>
    <message>
        <source>From the contact log</source>
        <translation>来自联络记录</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Resolved %1</source>
        <translation>已于 %1 处理</translation>
    </message>
    <message>
        <source>Write the session&apos;s date as 2026-11-28.</source>
        <translation>沟通日期请写成 2026-11-28 的形式。</translation>
    </message>
    <message>
        <source>Select an open flag to resolve (a flag from the contact log goes when the volunteer is reached or when it is raised and resolved by hand).</source>
        <translation>请选择要处理的未处理标记（来自联络记录的标记会在联系上志愿者时消除，或在手动添加并处理时消除）。</translation>
    </message>
</context>
<context>
    <name>dd::gui::CaseTableModel</name>
    <message>
        <source> (at %1)</source>
        <translation>（%1阶段）</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Reached on</source>
        <translation>阶段日期</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <source>Stop reason</source>
        <translation>终止原因</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>流程编号</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家属</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
</context>
<context>
    <name>dd::gui::CasesPage</name>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Could not load cases: %1</source>
        <translation>无法加载捐献流程：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln 个流程</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the case whose consent form you want to print.</source>
        <translation>请选择要打印捐献同意书的流程。</translation>
    </message>
    <message>
        <source>case %1 (patient %2 %3, volunteer No. %4)</source>
        <translation>流程 %1（患者 %2 %3，志愿者库号 %4）</translation>
    </message>
    <message>
        <source>Advance %1 to the stage &apos;%2&apos; on %3?</source>
        <translation>将%1推进到“%2”阶段，日期 %3？</translation>
    </message>
    <message>
        <source>This records the donation: the volunteer&apos;s status becomes &apos;Donated&apos;.</source>
        <translation>这将记录捐献：志愿者状态将变为“已捐献”。</translation>
    </message>
    <message>
        <source>Skip a stage</source>
        <translation>跳过阶段</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not follow &apos;%2&apos;. Why is the stage in between skipped?</source>
        <translation>“%1”不是“%2”的下一阶段。为什么跳过中间的阶段？</translation>
    </message>
    <message>
        <source>Advance stage</source>
        <translation>推进阶段</translation>
    </message>
    <message>
        <source>Advance</source>
        <translation>推进</translation>
    </message>
    <message>
        <source>Stop case</source>
        <translation>终止流程</translation>
    </message>
    <message>
        <source>Undo last stage</source>
        <translation>撤销上一阶段</translation>
    </message>
    <message>
        <source>Take back the stage &apos;%1&apos; of %2? Give the reason (it is kept in the history).</source>
        <translation>撤回%2的“%1”阶段？请填写原因（将保存在历史记录中）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date; write it as 2026-11-28.</source>
        <translation>“%1”不是有效日期；请写成 2026-11-28 的形式。</translation>
    </message>
    <message>
        <source>Open risk flags: %1</source>
        <translation>未处理的风险标记：%1</translation>
    </message>
    <message>
        <source>Case at risk</source>
        <translation>流程存在风险</translation>
    </message>
    <message>
        <source>Advance anyway</source>
        <translation>仍然推进</translation>
    </message>
    <message>
        <source>Stop %1 for the reason &apos;%2&apos; at the stage &apos;%3&apos;? A stopped case cannot be continued; a volunteer reserved for this patient becomes available again.</source>
        <translation>以原因“%2”在“%3”阶段终止 %1？已终止的流程不能继续；为该患者预留的志愿者将重新可用。</translation>
    </message>
</context>
<context>
    <name>dd::gui::ConflictDialog</name>
    <message>
        <source>%1 saved this record after you opened it. Nothing of yours has been saved yet. These fields differ:</source>
        <translation>在您打开此记录后，%1 保存了它。您的修改尚未保存。以下字段不同：</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Saved version</source>
        <translation>已保存的版本</translation>
    </message>
</context>
<context>
    <name>dd::gui::DateField</name>
    <message>
        <source>yyyy-mm-dd</source>
        <translation>年-月-日，如 2026-11-28</translation>
    </message>
    <message>
        <source>Choose from a calendar</source>
        <translation>从日历中选择</translation>
    </message>
</context>
<context>
    <name>dd::gui::DocumentsTemplateEditor</name>
    <message>
        <source>Chinese (zh_CN)</source>
        <translation>中文 (zh_CN)</translation>
    </message>
    <message>
        <source>English (en)</source>
        <translation>英文 (en)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The template has changes that are not saved. Discard them?</source>
        <translation>模板有未保存的修改。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Office copy: %1</source>
        <translation>本机构副本：%1</translation>
    </message>
    <message>
        <source>Bundled template (read-only): %1 — copy it to the office folder to change it.</source>
        <translation>内置模板（只读）：%1 — 如需修改，请先复制到本机构模板目录。</translation>
    </message>
    <message>
        <source>Cannot copy the template</source>
        <translation>无法复制模板</translation>
    </message>
    <message>
        <source>Cannot save the template</source>
        <translation>无法保存模板</translation>
    </message>
    <message>
        <source>No value for: %1. Printing stops at these names; use the names listed in docs/printing.md.</source>
        <translation>以下名称没有值：%1。打印会在这些名称处中止；请使用 docs/printing.md 中列出的名称。</translation>
    </message>
</context>
<context>
    <name>dd::gui::DrivePickerDialog</name>
    <message>
        <source>Print registration forms for a drive</source>
        <translation>打印招募活动的登记表</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Choose the recruitment drive; every volunteer registered there gets a registration form, all in one document.</source>
        <translation>请选择招募活动；该活动登记的每位志愿者各打印一份登记表，全部合在一份文档中。</translation>
    </message>
    <message>
        <source>(no place recorded)</source>
        <translation>（未记录地点）</translation>
    </message>
    <message>
        <source>&amp;Print preview…</source>
        <translation>打印预览(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>dd::gui::GroupsPanel</name>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GB18030</source>
        <translation>GB18030</translation>
    </message>
    <message>
        <source>Choose a group.</source>
        <translation>请选择一个群组。</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>加入时间</translation>
    </message>
    <message>
        <source>No members yet.</source>
        <translation>尚无成员。</translation>
    </message>
    <message>
        <source>Members %1–%2 of %3</source>
        <translation>成员 %1–%2，共 %3</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Group %1 created.</source>
        <translation>群组 %1 已创建。</translation>
    </message>
    <message>
        <source>%1 added, %2 already members.</source>
        <translation>已添加 %1 人，%2 人已是成员。</translation>
    </message>
    <message>
        <source>Adding the region&apos;s volunteers…</source>
        <translation>正在添加该地区的志愿者…</translation>
    </message>
    <message>
        <source>Export members</source>
        <translation>导出成员</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>%1 members written to %2.</source>
        <translation>已向 %2 写入 %1 名成员。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln member(s)</source>
        <translation>
            <numerusform>%1：%Ln 名成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) removed.</source>
        <translation>
            <numerusform>已移除 %Ln 名成员。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded: posted to %Ln member(s).</source>
        <translation>
            <numerusform>已记录：发送给 %Ln 名成员。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::gui::HlaFieldWatcher</name>
    <message>
        <source>P group: %1</source>
        <translation>P 组：%1</translation>
    </message>
    <message>
        <source>serology: %1</source>
        <translation>血清学：%1</translation>
    </message>
</context>
<context>
    <name>dd::gui::HlaReader</name>
    <message>
        <source>HLA tables are loading…</source>
        <translation>正在加载 HLA 数据表…</translation>
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
        <source>Rank every volunteer against a patient&apos;s HLA typing (10/10, 8/8, 6/6, DPB1 permissiveness) in milliseconds, reserve the best donors and print the search report.</source>
        <translation>在毫秒内按患者 HLA 分型对所有志愿者排序（10/10、8/8、6/6、DPB1 允许性），预留最佳供者并打印检索报告。</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>捐献流程</translation>
    </message>
    <message>
        <source>Each matched volunteer&apos;s path from confirmatory typing through medical exam, signed donation consent and collection, with dates, stop reasons and the forms to print.</source>
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
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Edit form &amp;templates…</source>
        <translation>编辑表格模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Copy a form into the office template folder and edit it with a live preview</source>
        <translation>将表格复制到本机构模板目录，并在实时预览下编辑</translation>
    </message>
</context>
<context>
    <name>dd::gui::MatchSearchPage</name>
    <message>
        <source>Reserve</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>%1 is reserved for this patient.</source>
        <translation>已为该患者预留 %1。</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>启动捐献流程</translation>
    </message>
    <message>
        <source>Case opened; the volunteer is reserved. See the Cases page.</source>
        <translation>已启动捐献流程，该志愿者已预留。请查看“捐献流程”页面。</translation>
    </message>
    <message>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Results written to %1.</source>
        <translation>结果已写入 %1。</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印检索报告</translation>
    </message>
    <message>
        <source>Search for a patient first; the report lists that patient&apos;s candidates.</source>
        <translation>请先为某位患者检索；报告列出该患者的候选供者。</translation>
    </message>
    <message>
        <source>10/10 (A, B, C, DRB1, DQB1)</source>
        <translation>10/10（A、B、C、DRB1、DQB1）</translation>
    </message>
    <message>
        <source>8/8 (A, B, C, DRB1)</source>
        <translation>8/8（A、B、C、DRB1）</translation>
    </message>
    <message>
        <source>6/6 (A, B, DRB1)</source>
        <translation>6/6（A、B、DRB1）</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>检索已取消。</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The HLA tables are still loading; try again in a moment.</source>
        <translation>HLA 数据表仍在加载，请稍后再试。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln donor(s) found in %1 ms.</source>
        <translation>
            <numerusform>在 %1 毫秒内找到 %Ln 名供者。</numerusform>
        </translation>
    </message>
    <message>
        <source>Reserve volunteer No. %1 for this patient? Other searches then show the volunteer as reserved, and only this patient&apos;s case can use them.</source>
        <translation>为该患者预留志愿者（库号 %1）？之后的其他检索将显示该志愿者已预留，只有该患者的流程可以使用。</translation>
    </message>
    <message>
        <source>Open a workup case for volunteer No. %1 and this patient? The volunteer is reserved for the patient until the case ends.</source>
        <translation>为志愿者（库号 %1）和该患者启动捐献流程？流程结束前该志愿者将为该患者预留。</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>启动流程</translation>
    </message>
    <message>
        <source>An untyped locus counts as a potential match; a donor typed there ranks first at the same count. Volunteers untyped at A, B or DRB1 are not searched.</source>
        <translation>未分型的位点按潜在相合计数；相合数相同时，该位点已分型的供者排在前面。HLA-A、-B 或 -DRB1 未分型的志愿者不参与检索。</translation>
    </message>
    <message>
        <source>Showing the best %L1.</source>
        <translation>当前显示最佳的 %L1 名。</translation>
    </message>
    <message>
        <source>Show all %L1</source>
        <translation>全部显示 %L1 名</translation>
    </message>
</context>
<context>
    <name>dd::gui::NameOnlyIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>dd::gui::PatientEditor</name>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <source>Patient %1 %2</source>
        <translation>患者 %1 %2</translation>
    </message>
    <message>
        <source>This patient has changes that are not saved. Save them?</source>
        <translation>该患者有未保存的修改。要保存吗？</translation>
    </message>
</context>
<context>
    <name>dd::gui::PatientTableModel</name>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>危急</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>申请检索</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>检索中</translation>
    </message>
    <message>
        <source>Donor found</source>
        <translation>已找到供者</translation>
    </message>
    <message>
        <source>Transplanted</source>
        <translation>已移植</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Case no</source>
        <translation>患者编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>检索状态</translation>
    </message>
    <message>
        <source>HLA (A · B · DRB1)</source>
        <translation>HLA（A · B · DRB1）</translation>
    </message>
</context>
<context>
    <name>dd::gui::PatientsPage</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <source>%Ln patient(s)</source>
        <translation>
            <numerusform>%Ln 名患者</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load patients: %1</source>
        <translation>无法加载患者：%1</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
</context>
<context>
    <name>dd::gui::RecordEditor</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
</context>
<context>
    <name>dd::gui::RecordHistoryTable</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>dd::gui::RetentionPage</name>
    <message>
        <source>Nobody on this list.</source>
        <translation>此清单中没有人。</translation>
    </message>
    <message>
        <source>Rows %1–%2</source>
        <translation>第 %1–%2 行</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Groups</source>
        <translation>群组(&amp;G)</translation>
    </message>
    <message>
        <source>Campa&amp;igns</source>
        <translation>联络活动(&amp;I)</translation>
    </message>
    <message>
        <source>Record follow-up call</source>
        <translation>记录随访</translation>
    </message>
    <message>
        <source>%1 (%2), follow-up &apos;%3&apos; due on %4: what did the donor say? (optional)</source>
        <translation>%1（%2），随访“%3”应于 %4 进行：捐献者反馈了什么？（可不填）</translation>
    </message>
</context>
<context>
    <name>dd::gui::SearchIndex</name>
    <message>
        <source>The HLA tables are still loading; try again in a moment.</source>
        <translation>HLA 数据表仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <source>Building the search index from every volunteer…</source>
        <translation>正在用全部志愿者建立检索索引…</translation>
    </message>
    <message>
        <source>The search index could not be built: %1</source>
        <translation>无法建立检索索引：%1</translation>
    </message>
    <message numerus="yes">
        <source>Search index ready: %Ln donor(s) in %1 s.</source>
        <translation>
            <numerusform>检索索引已就绪：%Ln 名供者，用时 %1 秒。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::gui::SearchResultModel</name>
    <message>
        <source>match</source>
        <translation>相合</translation>
    </message>
    <message>
        <source>permissive</source>
        <translation>允许性不合</translation>
    </message>
    <message>
        <source>non-permissive (GvH)</source>
        <translation>非允许性（GvH）</translation>
    </message>
    <message>
        <source>non-permissive (HvG)</source>
        <translation>非允许性（HvG）</translation>
    </message>
    <message>
        <source>unknown TCE</source>
        <translation>TCE 未知</translation>
    </message>
    <message>
        <source>untyped</source>
        <translation>未分型</translation>
    </message>
    <message>
        <source>Allele match</source>
        <translation>等位基因相合</translation>
    </message>
    <message>
        <source>Potential allele match</source>
        <translation>可能等位基因相合</translation>
    </message>
    <message>
        <source>Allele mismatch (antigen match)</source>
        <translation>等位基因不合（抗原相合）</translation>
    </message>
    <message>
        <source>Antigen mismatch</source>
        <translation>抗原不合</translation>
    </message>
    <message>
        <source>Untyped</source>
        <translation>未分型</translation>
    </message>
    <message>
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <source>CMV+</source>
        <translation>CMV+</translation>
    </message>
    <message>
        <source>CMV−</source>
        <translation>CMV−</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 of %2 on the chosen scale; %3 definite allele matches. * = includes potential matches.</source>
        <translation>所选标准下 %1/%2 相合，其中 %3 个为确定的等位基因相合。* = 含可能相合。</translation>
    </message>
    <message>
        <source>DPB1 T-cell epitope (TCE) category: permissive mismatches are tolerated; non-permissive ones raise the risk of GvHD (GvH) or rejection (HvG).</source>
        <translation>DPB1 T 细胞表位（TCE）分类：允许性不合可以耐受；非允许性不合会增加 GvHD（GvH 方向）或排斥（HvG 方向）的风险。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Registry no</source>
        <translation>库号</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>相合度</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ABO</source>
        <translation>ABO</translation>
    </message>
    <message>
        <source>CMV</source>
        <translation>CMV</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>reserved for this patient</source>
        <translation>已为本患者预留</translation>
    </message>
    <message>
        <source>reserved (another patient)</source>
        <translation>已为其他患者预留</translation>
    </message>
    <message>
        <source>potential match</source>
        <translation>可能相合</translation>
    </message>
    <message>
        <source>Not scored (only the first results are).</source>
        <translation>未评分（只为前面的结果评分）。</translation>
    </message>
    <message>
        <source>Late-withdrawal risk %1 of 100.</source>
        <translation>悔捐风险 %1 分（满分 100）。</translation>
    </message>
    <message>
        <source>No known predictor applies.</source>
        <translation>没有已知的风险因素。</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
</context>
<context>
    <name>dd::gui::SearchRunner</name>
    <message>
        <source>The HLA tables are still loading; try again in a moment.</source>
        <translation>HLA 数据表仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <source>Waiting for the search index to be built…</source>
        <translation>正在等待检索索引建立…</translation>
    </message>
</context>
<context>
    <name>dd::gui::SettingsDialog</name>
    <message>
        <source>Default SQLite file (%1)</source>
        <translation>默认 SQLite 文件（%1）</translation>
    </message>
    <message>
        <source>Another SQLite file</source>
        <translation>其他 SQLite 文件</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Bundled release: %1</source>
        <translation>内置版本：%1</translation>
    </message>
    <message>
        <source>None: MAC codes such as A*02:AB are not accepted</source>
        <translation>无：不接受 A*02:AB 这类 MAC 代码</translation>
    </message>
    <message>
        <source>Enter the path of the SQLite file.</source>
        <translation>请输入 SQLite 文件的路径。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>目录 %1 不存在。</translation>
    </message>
    <message>
        <source>Write the server as postgresql://user@host:port/database.</source>
        <translation>服务器请写作 postgresql://user@host:port/database。</translation>
    </message>
    <message>
        <source>%1 is not an IPD-IMGT/HLA release folder (it has no wmda folder).</source>
        <translation>%1 不是 IPD-IMGT/HLA 版本目录（其中没有 wmda 目录）。</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a readable image.</source>
        <translation>%1 不是可读取的图片。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connection works.</source>
        <translation>连接成功。</translation>
    </message>
    <message>
        <source>SQLite database file</source>
        <translation>SQLite 数据库文件</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>IPD-IMGT/HLA release folder</source>
        <translation>IPD-IMGT/HLA 版本目录</translation>
    </message>
    <message>
        <source>MAC table</source>
        <translation>MAC 表</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>徽标</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>dd::gui::SmokeRun</name>
    <message>
        <source>The HLA tables did not finish loading within %1 s.</source>
        <translation>HLA 数据表在 %1 秒内未能加载完成。</translation>
    </message>
    <message>
        <source>The HLA tables could not be loaded: %1</source>
        <translation>无法加载 HLA 数据表：%1</translation>
    </message>
    <message>
        <source>The translations are missing from %1.</source>
        <translation>%1 中缺少界面翻译文件。</translation>
    </message>
    <message>
        <source>Qt warning: %1</source>
        <translation>Qt 警告：%1</translation>
    </message>
</context>
<context>
    <name>dd::gui::StatisticsPage</name>
    <message>
        <source>Not coded</source>
        <translation>未编码</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>无法读取统计数据：%1</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>%1 volunteers. Reached in the last 12 months: %2 of %3 who can still be contacted (%4). Lost contact: %5 (%6).</source>
        <translation>志愿者 %1 名。近 12 个月联系上：%2 名，占仍可联系的 %3 名的 %4。失联：%5 名（%6）。</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Volunteers by status</source>
        <translation>按状态统计志愿者</translation>
    </message>
    <message>
        <source>Volunteers by prefecture (largest 12)</source>
        <translation>按地市统计志愿者（前 12 名）</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Volunteers by age</source>
        <translation>按年龄统计志愿者</translation>
    </message>
    <message>
        <source>over 60</source>
        <translation>60 岁以上</translation>
    </message>
    <message>
        <source>Volunteers by year joined</source>
        <translation>按入库年份统计志愿者</translation>
    </message>
    <message>
        <source>Cases by stage</source>
        <translation>按阶段统计流程</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Stopped at this stage</source>
        <translation>在此阶段终止</translation>
    </message>
    <message>
        <source>Withdrawals by reason</source>
        <translation>按原因统计退出</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>捐献流程</translation>
    </message>
    <message>
        <source>Donations per year</source>
        <translation>每年捐献次数</translation>
    </message>
    <message>
        <source>Domestic</source>
        <translation>国内</translation>
    </message>
    <message>
        <source>Overseas</source>
        <translation>海外</translation>
    </message>
    <message>
        <source>Searches per month</source>
        <translation>每月检索次数</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>检索</translation>
    </message>
    <message>
        <source>Save the charts in</source>
        <translation>图表保存位置</translation>
    </message>
    <message numerus="yes">
        <source>%Ln chart(s) saved in %1.</source>
        <translation>
            <numerusform>已将 %Ln 张图表保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only %1 of %2 charts could be saved in %3: check that the folder can be written.</source>
        <translation>%2 张图表中只有 %1 张能保存到 %3：请检查该文件夹是否可写。</translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerContactLogTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>The contact date is not a date: type it as 2026-11-28.</source>
        <translation>联系日期不是有效日期：请按 2026-11-28 的格式填写。</translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerEditor</name>
    <message>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Register volunteer</source>
        <translation>登记志愿者</translation>
    </message>
    <message>
        <source>Volunteer %1 %2</source>
        <translation>志愿者 %1 %2</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>%1

Register this volunteer anyway?</source>
        <translation>%1

仍要登记该志愿者吗？</translation>
    </message>
    <message>
        <source>This volunteer has changes that are not saved. Save them?</source>
        <translation>该志愿者有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>Registered as No. %1.</source>
        <translation>已登记，库号 %1。</translation>
    </message>
    <message>
        <source>Not searchable until typed at HLA-A, -B and -DRB1; add the typing when it arrives.</source>
        <translation>在 HLA-A、-B、-DRB1 完成分型前不参与检索；收到分型结果后请补录。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Re&amp;gister another</source>
        <translation>继续登记下一位(&amp;G)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>已于 %1 保存。</translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerPrintActions</name>
    <message>
        <source>&amp;Registration form</source>
        <translation>登记表(&amp;R)</translation>
    </message>
    <message>
        <source>Registry &amp;joining consent</source>
        <translation>入库知情同意书(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Certificate of honour</source>
        <translation>荣誉证书(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Letter to the family</source>
        <translation>致家属的信(&amp;L)</translation>
    </message>
    <message>
        <source>Registration forms for a &amp;drive…</source>
        <translation>招募活动的登记表(&amp;D)…</translation>
    </message>
    <message>
        <source>Print the registration forms of every volunteer of one recruitment drive into one document.</source>
        <translation>将某次招募活动全部志愿者的登记表打印到一份文档中。</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>Print a form or letter for the selected volunteer, or the forms of a drive</source>
        <translation>为所选志愿者打印表格或信函，或打印某次招募活动的表格</translation>
    </message>
    <message>
        <source>&amp;Certificate of honour (only after a recorded donation)</source>
        <translation>荣誉证书（仅限已有捐献记录者）(&amp;C)</translation>
    </message>
    <message>
        <source>Select a volunteer in the list first.</source>
        <translation>请先在列表中选择一位志愿者。</translation>
    </message>
    <message>
        <source>Volunteer No. %1 has no recorded donation: the certificate of honour is printed after a donation.</source>
        <translation>志愿者（库号 %1）没有捐献记录：荣誉证书须在捐献后打印。</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>No recruitment drive is recorded on any volunteer.</source>
        <translation>没有任何志愿者记录了招募活动。</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerReadinessTab</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>, informed</source>
        <translation>，已知情</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>核实日期</translation>
    </message>
    <message>
        <source>Willing</source>
        <translation>意愿</translation>
    </message>
    <message>
        <source>Health changes</source>
        <translation>健康变化</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>外出</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家属</translation>
    </message>
    <message>
        <source>Contact confirmed</source>
        <translation>联系方式已确认</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>A date is not readable: type it as 2026-11-28.</source>
        <translation>有日期无法识别：请按 2026-11-28 的格式输入。</translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerStatusTab</name>
    <message>
        <source>Current status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>当前状态：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source> (until %1)</source>
        <translation>（至 %1）</translation>
    </message>
    <message>
        <source>Status, contacts and history are kept once the volunteer is registered.</source>
        <translation>志愿者登记后才会保存状态、联络记录和修改记录。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>&lt;b&gt;Asked to withdraw on %1&lt;/b&gt;: out of searches until confirmed or cancelled.</source>
        <translation>&lt;b&gt;已于 %1 申请退出&lt;/b&gt;：在确认或撤销之前不参加检索。</translation>
    </message>
    <message>
        <source>The new date the reservation lapses on</source>
        <translation>预留的新到期日</translation>
    </message>
    <message>
        <source>Reserved until &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>预留至 &lt;b&gt;%1&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Reserved, with no end date.</source>
        <translation>已预留，无到期日。</translation>
    </message>
    <message>
        <source>The date is not readable: type it as 2026-11-28.</source>
        <translation>日期无法识别：请按 2026-11-28 的格式输入。</translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteerTableModel</name>
    <message>
        <source>Registry no</source>
        <translation>库号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联络</translation>
    </message>
    <message>
        <source>HLA (A · B · DRB1)</source>
        <translation>HLA（A · B · DRB1）</translation>
    </message>
</context>
<context>
    <name>dd::gui::VolunteersPage</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Could not load volunteers: %1</source>
        <translation>无法加载志愿者：%1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln volunteer(s)</source>
        <translation>
            <numerusform>%Ln 名志愿者</numerusform>
        </translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Select the volunteer whose registration form you want to print.</source>
        <translation>请选择要打印登记表的志愿者。</translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation>正在排序…</translation>
    </message>
</context>
<context>
    <name>dd::gui::Workspace</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Could not open %1: %2

Still working with %3.</source>
        <translation>无法打开 %1：%2

仍在使用 %3。</translation>
    </message>
    <message>
        <source>The file does not exist yet; it will be created when you press OK.</source>
        <translation>该文件尚不存在；按“确定”后将创建。</translation>
    </message>
    <message>
        <source>HLA tables not loaded: typings cannot be checked, saved or searched (%1)</source>
        <translation>HLA 数据表未加载：无法校验、保存或检索分型（%1）</translation>
    </message>
</context>
<context>
    <name>dd::hla</name>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <source>Reading the file %1 failed.</source>
        <translation>读取文件 %1 失败。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a multiple-allele code (2 to 6 capital letters, not XX).</source>
        <translation>“%1”不是多等位基因代码（应为 2 到 6 个大写字母，且不是 XX）。</translation>
    </message>
    <message>
        <source>The expansion &apos;%1&apos; of code %2 is not a list like 01/02 or 01:01/02:01.</source>
        <translation>代码 %2 的展开式“%1”不是 01/02 或 01:01/02:01 这样的列表。</translation>
    </message>
    <message>
        <source>%1, line %2: expected a code, a tab and an allele list.</source>
        <translation>%1，第 %2 行：应为代码、制表符和等位基因列表。</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>The MAC table %1 contains no codes.</source>
        <translation>MAC 表 %1 中没有任何代码。</translation>
    </message>
    <message>
        <source>The typing is empty.</source>
        <translation>分型为空。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a typing of %2, but this field is for %3.</source>
        <translation>“%1”是 %2 的分型，但此栏用于 %3。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; describes more than one allele slot (it contains &apos;%2&apos;); enter one slot at a time.</source>
        <translation>“%1”描述了不止一个等位基因位（其中含有“%2”）；请每次只输入一个。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a public epitope, not the typing of one locus; it has no alleles to reduce.</source>
        <translation>“%1”是公共表位，而不是单个位点的分型，没有可归并的等位基因。</translation>
    </message>
    <message>
        <source>No allele of IPD-IMGT/HLA %2 is assigned to &apos;%1&apos;.</source>
        <translation>IPD-IMGT/HLA %2 中没有对应“%1”的等位基因。</translation>
    </message>
    <message>
        <source>%1 lists %2 alleles that hla_nom.txt does not have; they were ignored.</source>
        <translation>%1 列出了 %2 个 hla_nom.txt 中没有的等位基因，已忽略。</translation>
    </message>
    <message>
        <source>%1, line %2: &apos;%3&apos; / &apos;%4&apos; are not TCE group assignments (0-3, &apos;$&apos;, &apos;2a&apos;).</source>
        <translation>%1，第 %2 行：“%3”/“%4”不是 TCE 组分配（0-3、“$”、“2a”）。</translation>
    </message>
    <message>
        <source>%1, line %2: expected %3 fields separated by &apos;;&apos;, found %4.</source>
        <translation>%1，第 %2 行：应有 %3 个以“;”分隔的字段，实际为 %4 个。</translation>
    </message>
    <message>
        <source>%1, line %2: &apos;%3&apos; is not a valid allele or group name.</source>
        <translation>%1，第 %2 行：“%3”不是有效的等位基因或组名称。</translation>
    </message>
    <message>
        <source>%1: skipped the unknown gene %2.</source>
        <translation>%1：已跳过未知基因 %2。</translation>
    </message>
    <message>
        <source>%1, line %2: &apos;%3&apos; is not a serological antigen number.</source>
        <translation>%1，第 %2 行：“%3”不是血清学抗原编号。</translation>
    </message>
    <message>
        <source>%1, line %2: expected the header Allele,Protein,V1_Assignment,V2_Assignment.</source>
        <translation>%1，第 %2 行：表头应为 Allele,Protein,V1_Assignment,V2_Assignment。</translation>
    </message>
    <message>
        <source>%1, line %2: expected at least 4 fields separated by &apos;,&apos;.</source>
        <translation>%1，第 %2 行：应至少有 4 个以“,”分隔的字段。</translation>
    </message>
    <message>
        <source>%1, line %2: expected AlleleID,Allele,Description.</source>
        <translation>%1，第 %2 行：应为 AlleleID,Allele,Description。</translation>
    </message>
    <message>
        <source>The HLA data folder %1 does not exist or is not a folder.</source>
        <translation>HLA 数据目录 %1 不存在或不是目录。</translation>
    </message>
    <message>
        <source>%1 is missing; continuing without it.</source>
        <translation>缺少 %1；将在没有它的情况下继续。</translation>
    </message>
    <message>
        <source>%1 lists no current alleles.</source>
        <translation>%1 中没有列出任何现行等位基因。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has an empty element: an operator (/ ~ + | ^) at the start or end, or two in a row.</source>
        <translation>“%1”含有空元素：开头或结尾有运算符（/ ~ + | ^），或有两个运算符相连。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an HLA typing (expected e.g. A*02:01, A2 or A*02:XX).</source>
        <translation>“%1”不是 HLA 分型（应类似 A*02:01、A2 或 A*02:XX）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; contains &apos;%2&apos;, which does not belong in an HLA name.</source>
        <translation>“%1”中含有“%2”，HLA 名称中不应出现该字符。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was removed from the HLA nomenclature (%2) and has no current name.</source>
        <translation>“%1”已从 HLA 命名中删除（%2），没有现行名称。</translation>
    </message>
    <message>
        <source>%1 is no longer a current name (%2); read as %3.</source>
        <translation>%1 已不是现行名称（%2）；按 %3 解读。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; uses the multiple-allele code %2, but no MAC table is loaded (use --mac FILE).</source>
        <translation>“%1”使用了多等位基因代码 %2，但未加载 MAC 表（请使用 --mac FILE）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the multiple-allele code %2 is not in the loaded MAC table.</source>
        <translation>“%1”：多等位基因代码 %2 不在已加载的 MAC 表中。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: none of the alleles of code %2 exist in IPD-IMGT/HLA %3.</source>
        <translation>“%1”：代码 %2 的等位基因在 IPD-IMGT/HLA %3 中都不存在。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a recognised serological antigen.</source>
        <translation>“%1”不是已知的血清学抗原。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names a locus but no allele (expected e.g. %1*02:01).</source>
        <translation>“%1”只给出了位点，没有等位基因（应类似 %1*02:01）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 is not an HLA gene.</source>
        <translation>“%1”：%2 不是 HLA 基因。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid allele name: after &apos;*&apos; come 1 to 4 fields of 2 or more digits separated by &apos;:&apos;, optionally ending in N, L, S, C, A or Q.</source>
        <translation>“%1”不是有效的等位基因名称：“*”后应为 1 到 4 个以“:”分隔、每个至少 2 位数字的字段，末尾可带 N、L、S、C、A 或 Q。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a group name of IPD-IMGT/HLA %2.</source>
        <translation>“%1”不是 IPD-IMGT/HLA %2 中的组名称。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an allele of IPD-IMGT/HLA %2.</source>
        <translation>“%1”不是 IPD-IMGT/HLA %2 中的等位基因。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; mixes loci in one allele list (%2 and %3); use ^ between loci.</source>
        <translation>“%1”在同一个等位基因列表中混用了不同位点（%2 和 %3）；位点之间请用 ^ 分隔。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no serological equivalent: null (non-expressed) alleles and alleles without an assigned antigen have none.</source>
        <translation>“%1”没有对应的血清学抗原：无效（不表达）等位基因以及未指定抗原的等位基因都没有血清学对应。</translation>
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
    <name>dd::match</name>
    <message>
        <source>allele match</source>
        <translation>等位基因相合</translation>
    </message>
    <message>
        <source>allele mismatch within a matching antigen</source>
        <translation>抗原相合但等位基因不合</translation>
    </message>
    <message>
        <source>antigen mismatch</source>
        <translation>抗原不合</translation>
    </message>
    <message>
        <source>not typed</source>
        <translation>未分型</translation>
    </message>
    <message>
        <source>DPB1 match</source>
        <translation>DPB1 相合</translation>
    </message>
    <message>
        <source>DPB1 TCE permissive mismatch</source>
        <translation>DPB1 TCE 允许性不合</translation>
    </message>
    <message>
        <source>DPB1 TCE non-permissive (GvH direction)</source>
        <translation>DPB1 TCE 非允许性不合（GvH 方向）</translation>
    </message>
    <message>
        <source>DPB1 TCE non-permissive (HvG direction)</source>
        <translation>DPB1 TCE 非允许性不合（HvG 方向）</translation>
    </message>
    <message>
        <source>DPB1 TCE group unknown</source>
        <translation>DPB1 TCE 组未知</translation>
    </message>
    <message>
        <source>DPB1 not typed</source>
        <translation>DPB1 未分型</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>deferred</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>reserved for another patient</source>
        <translation>已为其他患者预留</translation>
    </message>
    <message>
        <source>lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>退库</translation>
    </message>
    <message>
        <source>has donated</source>
        <translation>已捐献</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Cannot open the haplotype frequency file %1.</source>
        <translation>无法打开单倍型频率文件 %1。</translation>
    </message>
    <message>
        <source>Cannot read the haplotype frequency file %1: %2.</source>
        <translation>无法读取单倍型频率文件 %1：%2。</translation>
    </message>
    <message>
        <source>%1, line %2: expected &apos;A~C~B~DRB1~DQB1,count,frequency&apos; but found &apos;%3&apos;.</source>
        <translation>%1，第 %2 行：应为“A~C~B~DRB1~DQB1,count,frequency”，实际为“%3”。</translation>
    </message>
    <message>
        <source>%1, line %2: the frequency &apos;%3&apos; is not a number above 0 and at most 1.</source>
        <translation>%1，第 %2 行：频率“%3”不是大于 0 且不超过 1 的数。</translation>
    </message>
    <message>
        <source>%1, line %2: the haplotype &apos;%3&apos; does not have the five loci A~C~B~DRB1~DQB1.</source>
        <translation>%1，第 %2 行：单倍型“%3”不包含 A~C~B~DRB1~DQB1 五个位点。</translation>
    </message>
    <message>
        <source>%1, line %2: &apos;%3&apos; is not an allele name of the locus expected at its position (A~C~B~DRB1~DQB1).</source>
        <translation>%1，第 %2 行：“%3”不是该位置所对应位点的等位基因名称（A~C~B~DRB1~DQB1）。</translation>
    </message>
    <message>
        <source>The haplotype frequency file %1 contains no haplotypes.</source>
        <translation>单倍型频率文件 %1 中没有任何单倍型。</translation>
    </message>
    <message>
        <source>The ranking criterion &apos;%1&apos; is given twice.</source>
        <translation>排序条件“%1”重复给出。</translation>
    </message>
    <message>
        <source>The ranking must include &apos;matches&apos;.</source>
        <translation>排序条件必须包含“matches”。</translation>
    </message>
    <message>
        <source>The scale must be 10, 8 or 6, not %1.</source>
        <translation>相合标准必须是 10、8 或 6，而不是 %1。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; lists several genotypes or phased haplotypes; give one typing per locus as SLOT+SLOT (alternatives with &apos;/&apos;).</source>
        <translation>“%1”列出了多个基因型或定相单倍型；请每个位点给出一个分型，格式为 SLOT+SLOT（备选项用“/”分隔）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must have one or two typings joined by &apos;+&apos;.</source>
        <translation>“%1”必须包含一个或两个以“+”连接的分型。</translation>
    </message>
    <message>
        <source>The typing is empty; give at least one locus, e.g. A*01:01+A*02:01^B*08:01+B*44:02.</source>
        <translation>分型为空；请至少给出一个位点，如 A*01:01+A*02:01^B*08:01+B*44:02。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must name exactly one locus (loci are separated by &apos;^&apos;).</source>
        <translation>“%1”必须只包含一个位点（位点之间用“^”分隔）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of the matching loci A, B, C, DRB1, DQB1, DPB1.</source>
        <translation>“%1”不是配型位点 A、B、C、DRB1、DQB1、DPB1 之一。</translation>
    </message>
    <message>
        <source>The locus of &apos;%1&apos; is given twice.</source>
        <translation>“%1”的位点重复给出。</translation>
    </message>
    <message>
        <source>The typing starting &apos;%1&apos; is %2 characters long; a locus holds at most %3 (no lab report is longer).</source>
        <translation>以“%1”开头的分型长 %2 个字符；一个位点最多 %3 个字符（没有哪份实验室报告会更长）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; joins several loci with &apos;^&apos;; a locus cell holds the typing of its own locus only.</source>
        <translation>“%1”用“^”连接了多个位点；每个位点只能填写该位点自己的分型。</translation>
    </message>
    <message>
        <source>The typing starting &apos;%1&apos; lists more than %2 alternatives for one position; give the lab&apos;s typing at a resolution it reports (a G group, P group or code).</source>
        <translation>以“%1”开头的分型在一个位置上列出了超过 %2 个备选；请按实验室报告的分辨率填写（G 组、P 组或代码）。</translation>
    </message>
    <message>
        <source>The patient&apos;s typing lacks %1: a search needs at least HLA-A, HLA-B and HLA-DRB1, or untyped loci would count as matches.</source>
        <translation>患者的分型缺少 %1：检索至少需要 HLA-A、HLA-B 和 HLA-DRB1，否则未分型的位点会被算作相合。</translation>
    </message>
    <message>
        <source>potential allele match: %1 of %2 possible allele pairs match</source>
        <translation>可能的等位基因相合：%2 个可能的等位基因组合中有 %1 个相合</translation>
    </message>
    <message>
        <source>ATLAS grade %1, confidence %2</source>
        <translation>ATLAS 等级 %1，可信度 %2</translation>
    </message>
    <message>
        <source>DPB1 potential match (ambiguous typing that includes the patient&apos;s alleles)</source>
        <translation>DPB1 可能相合（含患者等位基因的模糊分型）</translation>
    </message>
    <message>
        <source>These ranking criteria do not fit together (%1 of %2 bits); leave one out, e.g. &apos;definite&apos;, which &apos;confidence&apos; covers.</source>
        <translation>这些排序条件无法同时使用（需 %1 位，上限 %2 位）；请去掉一个，例如“definite”（已由“confidence”涵盖）。</translation>
    </message>
    <message>
        <source>mismatch in the graft-versus-host direction only (the donor presents one antigen here: homozygous, or a null beside it)</source>
        <translation>仅移植物抗宿主（GvH）方向不合（供者在此位点只呈递一种抗原：纯合，或另一个为无效等位基因）</translation>
    </message>
    <message>
        <source>mismatch in the host-versus-graft direction only (the patient presents one antigen here: homozygous, or a null beside it)</source>
        <translation>仅宿主抗移植物（HvG）方向不合（患者在此位点只呈递一种抗原：纯合，或另一个为无效等位基因）</translation>
    </message>
    <message>
        <source>Unknown ranking criterion &apos;%1&apos; (use %2).</source>
        <translation>未知的排序条件“%1”（可用：%2）。</translation>
    </message>
</context>
<context>
    <name>dd::model</name>
    <message>
        <source>Active</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Temporarily deferred</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>Permanently deferred</source>
        <translation>永久暂缓</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Donated</source>
        <translation>已捐献</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>退库</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>信件</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Initial match</source>
        <translation>初筛相合</translation>
    </message>
    <message>
        <source>Confirmatory typing</source>
        <translation>高分辨确认</translation>
    </message>
    <message>
        <source>Medical exam</source>
        <translation>体检</translation>
    </message>
    <message>
        <source>Consent signed</source>
        <translation>签署捐献同意书</translation>
    </message>
    <message>
        <source>Mobilisation</source>
        <translation>动员</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>Product delivered</source>
        <translation>移植物送达</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Registry number</source>
        <translation>库号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnic group</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>地级市</translation>
    </message>
    <message>
        <source>County / district</source>
        <translation>区/县</translation>
    </message>
    <message>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Emergency contact relation</source>
        <translation>与紧急联系人关系</translation>
    </message>
    <message>
        <source>Emergency contact phone</source>
        <translation>紧急联系人电话</translation>
    </message>
    <message>
        <source>Second emergency contact</source>
        <translation>第二紧急联系人</translation>
    </message>
    <message>
        <source>Second emergency contact relation</source>
        <translation>第二紧急联系人关系</translation>
    </message>
    <message>
        <source>Second emergency contact phone</source>
        <translation>第二紧急联系人电话</translation>
    </message>
    <message>
        <source>Second emergency contact address</source>
        <translation>第二紧急联系人地址</translation>
    </message>
    <message>
        <source>Blood group</source>
        <translation>血型</translation>
    </message>
    <message>
        <source>Rh</source>
        <translation>Rh 血型</translation>
    </message>
    <message>
        <source>CMV status</source>
        <translation>CMV 状态</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Recruitment date</source>
        <translation>招募日期</translation>
    </message>
    <message>
        <source>Recruitment place</source>
        <translation>招募地点</translation>
    </message>
    <message>
        <source>Recruitment organiser</source>
        <translation>招募组织方</translation>
    </message>
    <message>
        <source>Sample ID</source>
        <translation>样本编号</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>检测实验室</translation>
    </message>
    <message>
        <source>Typing date</source>
        <translation>分型日期</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>知情同意日期</translation>
    </message>
    <message>
        <source>Consent form version</source>
        <translation>知情同意书版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status reason</source>
        <translation>状态原因</translation>
    </message>
    <message>
        <source>Deferred until</source>
        <translation>暂缓截止日期</translation>
    </message>
    <message>
        <source>Reserved for patient</source>
        <translation>预留给患者</translation>
    </message>
    <message>
        <source>Withdrawal stage</source>
        <translation>退出时所处阶段</translation>
    </message>
    <message>
        <source>Donation date</source>
        <translation>捐献日期</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>捐献次数</translation>
    </message>
    <message>
        <source>Import batch</source>
        <translation>导入批次</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>Delivered, no reply</source>
        <translation>已送达，未回复</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Supportive</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <source>Opposed</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Still willing</source>
        <translation>仍愿意</translation>
    </message>
    <message>
        <source>Unsure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>No longer willing</source>
        <translation>不再愿意</translation>
    </message>
    <message>
        <source>Family opposition</source>
        <translation>家属反对</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康原因</translation>
    </message>
    <message>
        <source>Fear</source>
        <translation>恐惧</translation>
    </message>
    <message>
        <source>Work leave refused</source>
        <translation>单位不准假</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Patient transplanted with another donor</source>
        <translation>患者已用其他供者移植</translation>
    </message>
    <message>
        <source>Patient died</source>
        <translation>患者死亡</translation>
    </message>
    <message>
        <source>Search closed</source>
        <translation>检索已关闭</translation>
    </message>
    <message>
        <source>Family opposed</source>
        <translation>家属反对</translation>
    </message>
    <message>
        <source>Missed contacts</source>
        <translation>多次未联系上</translation>
    </message>
    <message>
        <source>Postponement</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Hesitation noted</source>
        <translation>表现出犹豫</translation>
    </message>
    <message>
        <source>After 2 days</source>
        <translation>2 天后</translation>
    </message>
    <message>
        <source>After 1 week</source>
        <translation>1 周后</translation>
    </message>
    <message>
        <source>After 1 month</source>
        <translation>1 个月后</translation>
    </message>
    <message>
        <source>After 6 months</source>
        <translation>6 个月后</translation>
    </message>
    <message>
        <source>Year 1</source>
        <translation>第 1 年</translation>
    </message>
    <message>
        <source>Year 2</source>
        <translation>第 2 年</translation>
    </message>
    <message>
        <source>Year 3</source>
        <translation>第 3 年</translation>
    </message>
    <message>
        <source>Year 4</source>
        <translation>第 4 年</translation>
    </message>
    <message>
        <source>Year 5</source>
        <translation>第 5 年</translation>
    </message>
    <message>
        <source>Year 6</source>
        <translation>第 6 年</translation>
    </message>
    <message>
        <source>Year 7</source>
        <translation>第 7 年</translation>
    </message>
    <message>
        <source>Year 8</source>
        <translation>第 8 年</translation>
    </message>
    <message>
        <source>Year 9</source>
        <translation>第 9 年</translation>
    </message>
    <message>
        <source>Year 10</source>
        <translation>第 10 年</translation>
    </message>
    <message>
        <source>WeChat group</source>
        <translation>微信群</translation>
    </message>
    <message>
        <source>Region group</source>
        <translation>地区群</translation>
    </message>
    <message>
        <source>Emergency contact address</source>
        <translation>紧急联系人地址</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <source>No successful contact in the chosen number of months.</source>
        <translation>在所选月数内没有成功联系。</translation>
    </message>
    <message>
        <source>All attempts failed</source>
        <translation>联络全部失败</translation>
    </message>
    <message>
        <source>As many failed attempts since the last success as the lost-contact rule allows.</source>
        <translation>自上次联系成功以来的失败次数已达到失联规则的上限。</translation>
    </message>
    <message>
        <source>Phone known bad</source>
        <translation>电话已知无效</translation>
    </message>
    <message>
        <source>Every phone number in use is known to be wrong or undeliverable.</source>
        <translation>所有在用电话号码均已知错误或无法送达。</translation>
    </message>
    <message>
        <source>Case without contact</source>
        <translation>流程中未联系</translation>
    </message>
    <message>
        <source>Reserved or in an open workup case, and not reached in 14 days.</source>
        <translation>已预留或处于进行中的捐献流程，且 14 天内未联系上。</translation>
    </message>
    <message>
        <source>Turning 60</source>
        <translation>即将年满 60 岁</translation>
    </message>
    <message>
        <source>The 60th birthday is within a year.</source>
        <translation>一年内年满 60 岁。</translation>
    </message>
    <message>
        <source>Withdrawal requested</source>
        <translation>已申请退出</translation>
    </message>
    <message>
        <source>A withdrawal was asked for and is waiting for staff to confirm it.</source>
        <translation>已提出退出申请，等待工作人员确认。</translation>
    </message>
    <message>
        <source>Readiness check due</source>
        <translation>需进行意愿确认</translation>
    </message>
    <message>
        <source>Active, and no readiness check in the last 12 months.</source>
        <translation>在库，且近 12 个月没有意愿确认。</translation>
    </message>
    <message>
        <source>Reservation expiring</source>
        <translation>预留即将到期</translation>
    </message>
    <message>
        <source>The reservation lapses within 14 days.</source>
        <translation>预留将在 14 天内失效。</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>随访到期</translation>
    </message>
    <message>
        <source>A donor&apos;s next follow-up call after the donation (2 days, 1 week, 1 month, 6 months, then yearly for 10 years) is due and not recorded.</source>
        <translation>捐献者捐献后的下一次随访（2 天、1 周、1 个月、6 个月，之后每年一次共 10 年）已到期但尚未记录。</translation>
    </message>
</context>
<context>
    <name>dd::qt</name>
    <message>
        <source>%1 is a database file in use; choose another file name.</source>
        <translation>%1 是正在使用的数据库文件，请另选文件名。</translation>
    </message>
</context>
<context>
    <name>dd::qt::CommonOptions</name>
    <message>
        <source>Database to open: a SQLite file path, sqlite:PATH, or postgresql://user[:password]@host:port/database.</source>
        <translation>要打开的数据库：SQLite 文件路径、sqlite:PATH，或 postgresql://user[:password]@host:port/database。</translation>
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
        <translation>DIR</translation>
    </message>
    <message>
        <source>Log level: trace, debug, info, warn, error, critical or off.</source>
        <translation>日志级别：trace、debug、info、warn、error、critical 或 off。</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>LEVEL</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en (default: system locale).</source>
        <translation>界面语言：zh_CN 或 en（默认跟随系统区域设置）。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Invalid value for --log-level: &apos;%1&apos; (use trace, debug, info, warn, error, critical or off).</source>
        <translation>--log-level 的值“%1”无效（可用 trace、debug、info、warn、error、critical 或 off）。</translation>
    </message>
    <message>
        <source>Unsupported value for --lang: &apos;%1&apos; (use zh_CN or en).</source>
        <translation>不支持的 --lang 值“%1”（可用 zh_CN 或 en）。</translation>
    </message>
    <message>
        <source>Use an HLA release folder even though its files fail the release&apos;s own checksums (every result then carries a warning).</source>
        <translation>即使 HLA 版本目录中的文件未通过该版本自带的校验和，仍然使用它（此后每个结果都带有警告）。</translation>
    </message>
</context>
<context>
    <name>dd::store</name>
    <message>
        <source>PostgreSQL databases are backed up with the server&apos;s own tools, e.g.: %1</source>
        <translation>PostgreSQL 数据库请用服务器自带的工具备份，例如：%1</translation>
    </message>
    <message>
        <source>The backup file %1 already exists; choose a new name.</source>
        <translation>备份文件 %1 已存在；请换一个文件名。</translation>
    </message>
    <message>
        <source>Cannot use database &apos;%1&apos;: %2</source>
        <translation>无法使用数据库“%1”：%2</translation>
    </message>
    <message>
        <source>expected postgresql://user[:password]@host[:port]/database</source>
        <translation>应为 postgresql://user[:password]@host[:port]/database</translation>
    </message>
    <message>
        <source>the database name is missing</source>
        <translation>缺少数据库名称</translation>
    </message>
    <message>
        <source>the schema name must be letters, digits and _</source>
        <translation>模式（schema）名称只能包含字母、数字和 _</translation>
    </message>
    <message>
        <source>the file path is missing</source>
        <translation>缺少文件路径</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>The change was rolled back because part of it failed.</source>
        <translation>由于部分操作失败，本次修改已全部回滚。</translation>
    </message>
    <message>
        <source>This database has schema version %1, but this DonorDesk knows versions up to %2. It was written by a newer DonorDesk: install that version to open it.</source>
        <translation>该数据库的结构版本为 %1，而本版 DonorDesk 只支持到 %2。它由更新版本的 DonorDesk 写入：请安装该版本后再打开。</translation>
    </message>
    <message>
        <source>Upgrading the database to schema version %1 failed: %2</source>
        <translation>将数据库升级到结构版本 %1 失败：%2</translation>
    </message>
    <message>
        <source>Database error while %1: %2</source>
        <translation>数据库操作出错（%1）：%2</translation>
    </message>
    <message>
        <source>No %1 %2 in the database.</source>
        <translation>数据库中没有 %1 %2。</translation>
    </message>
    <message>
        <source>The %1 %2 was changed by someone else (%3 at %4) since you opened it; reload it and make your change again.</source>
        <translation>%1 %2 在您打开后已被他人修改（%3，%4）；请重新加载后再修改。</translation>
    </message>
    <message>
        <source>The backup %1 was not written: %2 Nothing was left at that name.</source>
        <translation>备份 %1 未写成：%2 该文件名下未留下任何文件。</translation>
    </message>
    <message>
        <source>the copy cannot be opened.</source>
        <translation>无法打开副本。</translation>
    </message>
    <message>
        <source>the copy fails SQLite&apos;s integrity check.</source>
        <translation>副本未通过 SQLite 完整性检查。</translation>
    </message>
    <message>
        <source>the copy does not hold the registry&apos;s rows.</source>
        <translation>副本中的行数与资料库不符。</translation>
    </message>
    <message>
        <source>The database file %1 does not exist: check the path (a new registry is created by donordesk-cli init).</source>
        <translation>数据库文件 %1 不存在：请检查路径（新资料库由 donordesk-cli init 创建）。</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). Nothing will be written to it: run donordesk-cli db check, and restore the latest backup.</source>
        <translation>数据库 %1 已损坏（%2）。不会再向其写入任何内容：请运行 donordesk-cli db check，并恢复最近的备份。</translation>
    </message>
    <message>
        <source>the ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>the registry number</source>
        <translation>库号</translation>
    </message>
    <message>
        <source>the case number</source>
        <translation>流程编号</translation>
    </message>
    <message>
        <source>a value that must be unique</source>
        <translation>必须唯一的值</translation>
    </message>
    <message>
        <source>While %1 the database refused a duplicate of %2: someone may have just saved the same record on another workstation. Nothing was changed; search for it and try again.</source>
        <translation>%1时数据库拒绝了重复的%2：可能有人刚在另一个工作站保存了同一条记录。未做任何修改；请先查找该记录再重试。</translation>
    </message>
    <message>
        <source>The file is not a DonorDesk registry (not an SQLite database), so nothing could be done while %1. Check the --db path.</source>
        <translation>该文件不是 DonorDesk 资料库（不是 SQLite 数据库），%1时无法进行任何操作。请检查 --db 路径。</translation>
    </message>
    <message>
        <source>The database can only be read here (read-only media or no write permission), so nothing was changed while %1.</source>
        <translation>此处的数据库只能读取（只读介质或没有写权限），%1时未做任何修改。</translation>
    </message>
    <message>
        <source>The database file is damaged (found while %1). Nothing was changed; run donordesk-cli db check and restore the latest backup.</source>
        <translation>数据库文件已损坏（%1时发现）。未做任何修改；请运行 donordesk-cli db check 并恢复最近的备份。</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was changed while %1. Free some space and try again.</source>
        <translation>磁盘已满，%1时未做任何修改。请释放空间后重试。</translation>
    </message>
    <message>
        <source>the folder %1 cannot be created or written.</source>
        <translation>无法创建或写入文件夹 %1。</translation>
    </message>
    <message>
        <source>the copy could not be flushed to disk.</source>
        <translation>副本未能写入磁盘。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a registry file. Give the path of the registry&apos;s .sqlite file.</source>
        <translation>%1 是文件夹，不是资料库文件。请给出资料库 .sqlite 文件的路径。</translation>
    </message>
    <message>
        <source>%1 holds no DonorDesk registry (it is empty or another program&apos;s database). Check the --db path; a new registry is created by donordesk-cli init.</source>
        <translation>%1 中没有 DonorDesk 资料库（文件为空，或是其他程序的数据库）。请检查 --db 路径；新资料库由 donordesk-cli init 创建。</translation>
    </message>
    <message>
        <source>The registry %1 can only be read here (read-only media or no write permission): commands that change it cannot run. db info, db check, search and backup still work.</source>
        <translation>此处的资料库 %1 只能读取（只读介质或没有写权限）：会修改它的命令无法运行。db info、db check、search 和 backup 仍可使用。</translation>
    </message>
    <message>
        <source>The database stayed busy while %1: another program or workstation is writing (an import, a nightly job). Nothing was changed; try again when it has finished.</source>
        <translation>%1时数据库一直忙碌：另一个程序或工作站正在写入（如导入、夜间任务）。未做任何修改；请待其完成后重试。</translation>
    </message>
    <message>
        <source>The registry has schema version %1, older than this program&apos;s %2; upgrade it first with donordesk-cli init.</source>
        <translation>资料库的结构版本为 %1，低于本程序的 %2；请先用 donordesk-cli init 升级。</translation>
    </message>
    <message>
        <source>the rows of %1 cannot be counted.</source>
        <translation>无法统计 %1 表的行数。</translation>
    </message>
    <message>
        <source>This database cannot announce other workstations&apos; changes (only PostgreSQL can).</source>
        <translation>此数据库无法通知其他工作站的修改（只有 PostgreSQL 可以）。</translation>
    </message>
    <message>
        <source>No campaign with id %1.</source>
        <translation>没有 id 为 %1 的群发任务。</translation>
    </message>
</context>
</TS>
