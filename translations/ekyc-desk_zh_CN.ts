<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>none: cases are not recorded</source>
        <translation>无：案件不会被记录</translation>
    </message>
    <message>
        <source>%1 (training history)</source>
        <translation>%1（培训记录）</translation>
    </message>
    <message>
        <source>eKYC Desk %1</source>
        <translation>eKYC Desk %1</translation>
    </message>
    <message>
        <source>Checks a mainland Chinese resident ID card (name, number and validity dates) with Alibaba Cloud ID Verification (Id2MetaPeriodVerifyIntl).</source>
        <translation>通过阿里云身份核验服务（Id2MetaPeriodVerifyIntl）核验中国内地居民身份证（姓名、号码和有效期限）。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时为 %2）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>About eKYC Desk</source>
        <translation>关于 eKYC Desk</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <source>reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>verify cases</source>
        <translation>核验案件</translation>
    </message>
    <message>
        <source>read cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>reveal names and ID numbers</source>
        <translation>显示姓名和身份证号</translation>
    </message>
    <message>
        <source>decide manual reviews</source>
        <translation>作出人工复核决定</translation>
    </message>
    <message>
        <source>export the history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>export names and ID numbers unmasked</source>
        <translation>导出未打码的姓名和身份证号</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>管理账户</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>更改设置</translation>
    </message>
    <message>
        <source>verify the audit chain</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>purge old personal data</source>
        <translation>清除过期个人数据</translation>
    </message>
    <message>
        <source>export chain anchors</source>
        <translation>导出链锚点</translation>
    </message>
    <message>
        <source>use the desk</source>
        <translation>使用本工作台</translation>
    </message>
    <message>
        <source>The %1 role may %2 only on its own cases.</source>
        <translation>%1角色只能对自己的案件%2。</translation>
    </message>
    <message>
        <source>The %1 role may not %2.</source>
        <translation>%1角色无权%2。</translation>
    </message>
    <message>
        <source>work on manual reviews</source>
        <translation>处理人工复核</translation>
    </message>
</context>
<context>
    <name>AccountEditDialog</name>
    <message>
        <source>Add an account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>Change the role of %1</source>
        <translation>更改 %1 的角色</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation>再次输入(&amp;E)：</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>AccountTable</name>
    <message>
        <source>Cannot read the accounts: %1</source>
        <translation>无法读取账户：%1</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>不存在账户 %1。</translation>
    </message>
    <message>
        <source>Cannot save the account: %1</source>
        <translation>无法保存账户：%1</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked since %1</source>
        <translation>自 %1 起锁定</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>更改角色(&amp;R)…</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Nothing is ever deleted: a disabled account keeps its history. Every change is recorded in the audit history.</source>
        <translation>任何内容都不会被删除：停用的账户会保留其历史记录。每次更改都会记录到审计历史中。</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>已添加 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 is now a %2.</source>
        <translation>%1 现在是%2。</translation>
    </message>
    <message>
        <source>Reset the password of %1.</source>
        <translation>已重置 %1 的密码。</translation>
    </message>
    <message>
        <source>Disabled %1; the account and its history are kept.</source>
        <translation>已停用 %1；该账户及其历史记录均予保留。</translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <source>Unlocked %1.</source>
        <translation>已解锁 %1。</translation>
    </message>
</context>
<context>
    <name>AliyunConfigFile</name>
    <message>
        <source>%1 is not valid JSON: %2 at byte %3.</source>
        <translation>%1 不是有效的 JSON：%2（位于第 %3 字节）。</translation>
    </message>
    <message>
        <source>%1 is not an aliyun CLI configuration (an object with a &quot;profiles&quot; list).</source>
        <translation>%1 不是 aliyun CLI 配置文件（应为带有 &quot;profiles&quot; 列表的对象）。</translation>
    </message>
    <message>
        <source>The aliyun CLI profile %1 (mode %2) in %3 has no %4.</source>
        <translation>%3 中的 aliyun CLI 配置 %1（模式 %2）缺少 %4。</translation>
    </message>
    <message>
        <source>The aliyun CLI profile %1 in %2 uses mode %3, which eKYC Desk does not support: it signs only with an AccessKey it is given. Get an STS token with the aliyun CLI and use a StsToken profile, or use an AK profile.</source>
        <translation>%2 中的 aliyun CLI 配置 %1 使用模式 %3，eKYC Desk 不支持该模式：它只用直接提供给它的 AccessKey 签名。请用 aliyun CLI 获取 STS 令牌并使用 StsToken 模式的配置，或使用 AK 模式的配置。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>aliyun CLI profile %1 (%2)</source>
        <translation>aliyun CLI 配置 %1（%2）</translation>
    </message>
    <message>
        <source>%1 names no current profile</source>
        <translation>%1 未指定当前配置</translation>
    </message>
    <message>
        <source>%1 has no profile %2 (named by %3).</source>
        <translation>%1 中没有配置 %2（由 %3 指定）。</translation>
    </message>
    <message>
        <source>turned off by ALIBABA_CLOUD_CLI_PROFILE_DISABLED</source>
        <translation>已被 ALIBABA_CLOUD_CLI_PROFILE_DISABLED 关闭</translation>
    </message>
    <message>
        <source>no home folder</source>
        <translation>没有主目录</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The endpoint %1 is not an https:// URL; only HTTPS endpoints are used.</source>
        <translation>接入点 %1 不是 https:// URL；只使用 HTTPS 接入点。</translation>
    </message>
    <message>
        <source>The answer&apos;s headers exceed the limit of %1 KiB (or are too many or too long to be read) and were not read.</source>
        <translation>应答的头部超出 %1 KiB 的限制（或头部过多、过长而无法读取），未读取。</translation>
    </message>
</context>
<context>
    <name>AuditStore</name>
    <message>
        <source>Cannot write to the history: %1</source>
        <translation>无法写入审计记录：%1</translation>
    </message>
    <message>
        <source>The name and ID number of case %1 were erased by the retention purge.</source>
        <translation>案件 %1 的姓名和身份证号码已在保留期清理中删除。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>There is no history at %1.</source>
        <translation>%1 处没有审计记录。</translation>
    </message>
    <message>
        <source>The history at %1 is not the one these keys belong to.</source>
        <translation>%1 处的审计记录不是这些密钥所属的审计记录。</translation>
    </message>
    <message>
        <source>A manual-review decision is a review_decision event.</source>
        <translation>人工审核决定是 review_decision 事件。</translation>
    </message>
    <message>
        <source>A review decision ends the case as reviewed.</source>
        <translation>审核决定以“已审核”结束案件。</translation>
    </message>
    <message>
        <source>A %1 event is written by the history itself, not on its own.</source>
        <translation>%1 事件由历史记录自行写入，不能单独写入。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The account %1 is locked after %2 failed sign-ins. A supervisor can unlock it.</source>
        <translation>账户 %1 因 %2 次登录失败已被锁定，可由主管解锁。</translation>
    </message>
    <message>
        <source>The account %1 is disabled. A supervisor can enable it.</source>
        <translation>账户 %1 已停用，可由主管重新启用。</translation>
    </message>
    <message>
        <source>This history has accounts: sign in first (there is no account %1).</source>
        <translation>此历史记录设有账户：请先登录（不存在账户 %1）。</translation>
    </message>
    <message>
        <source>The first account of a history is a supervisor.</source>
        <translation>历史记录的第一个账户必须是主管。</translation>
    </message>
    <message>
        <source>User name: use 1 to %1 letters, digits, dots, hyphens, underscores or @.</source>
        <translation>用户名：请使用 1 到 %1 个字母、数字、点、连字符、下划线或 @。</translation>
    </message>
    <message>
        <source>Role: choose reviewer, supervisor or auditor.</source>
        <translation>角色：请选择审核员、主管或审计员。</translation>
    </message>
    <message>
        <source>Password: %1</source>
        <translation>密码：%1</translation>
    </message>
    <message>
        <source>There is already an account %1.</source>
        <translation>账户 %1 已存在。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>A note holds at most %1 characters.</source>
        <translation>备注最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A reference is a file name (without its folder) and the file&apos;s SHA-256 in lowercase hex.</source>
        <translation>文件引用由文件名（不含文件夹）和该文件的 SHA-256（小写十六进制）组成。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reason code in force; choose one of the list.</source>
        <translation>“%1”不是现行的原因代码，请从列表中选择。</translation>
    </message>
    <message>
        <source>Unknown review state &quot;%1&quot; (one of: %2).</source>
        <translation>未知的复核状态“%1”（可选：%2）。</translation>
    </message>
    <message>
        <source>A reason code is 1 to 40 lowercase letters, digits or underscores (not &quot;%1&quot;).</source>
        <translation>原因代码为 1 到 40 个小写字母、数字或下划线（不能是“%1”）。</translation>
    </message>
    <message>
        <source>Give the reason code a label people will read.</source>
        <translation>请为原因代码填写一个便于阅读的名称。</translation>
    </message>
    <message>
        <source>The review SLA is 1 to 720 hours.</source>
        <translation>复核时限为 1 到 720 小时。</translation>
    </message>
    <message>
        <source>Cannot read the saved filters: %1</source>
        <translation>无法读取已保存的筛选条件：%1</translation>
    </message>
    <message>
        <source>Cannot save the filter: %1</source>
        <translation>无法保存筛选条件：%1</translation>
    </message>
    <message>
        <source>Give the filter a name of 1 to 80 characters.</source>
        <translation>请为筛选条件取一个 1 到 80 个字符的名称。</translation>
    </message>
    <message>
        <source>There is no saved filter %1.</source>
        <translation>没有名为 %1 的已保存筛选条件。</translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
    <message>
        <source>Give a reason to export names and ID numbers unmasked.</source>
        <translation>请给出以明文导出姓名和证件号码的原因。</translation>
    </message>
    <message>
        <source>A rate budget in the history needs PostgreSQL.</source>
        <translation>在历史记录中共享速率预算需要 PostgreSQL。</translation>
    </message>
    <message>
        <source>The team&apos;s rate budget cannot be created: %1</source>
        <translation>无法创建团队的速率预算：%1</translation>
    </message>
    <message>
        <source>The team&apos;s rate budget cannot be reached: %1</source>
        <translation>无法访问团队的速率预算：%1</translation>
    </message>
    <message>
        <source>Cannot derive the history&apos;s signing key.</source>
        <translation>无法派生本审计记录的签名密钥。</translation>
    </message>
    <message>
        <source>The history&apos;s signing key (%1) is not the one its keys make (%2): the history was altered outside the application. Run audit verify, and restore it from a backup.</source>
        <translation>审计记录的签名密钥（%1）不是其密钥所生成的密钥（%2）：审计记录在应用之外被改动过。请运行 audit verify，并从备份恢复。</translation>
    </message>
    <message>
        <source>Cannot create the anchor folder %1.</source>
        <translation>无法创建锚点文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write the anchor %1: %2</source>
        <translation>无法写入锚点 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the chain head: %1</source>
        <translation>无法读取链头：%1</translation>
    </message>
    <message>
        <source>The checkpoint interval is %1 to %2 events.</source>
        <translation>检查点间隔为 %1 至 %2 个事件。</translation>
    </message>
    <message>
        <source>Cannot keep the record of batches in the history: %1</source>
        <translation>无法在审计历史中保存批次记录：%1</translation>
    </message>
    <message>
        <source>A batch is recorded with its id and its list&apos;s digest.</source>
        <translation>批次须以其编号和列表摘要记录。</translation>
    </message>
    <message>
        <source>(not shown: the case&apos;s record, which it is masked against, cannot be read)</source>
        <translation>（未显示：无法读取用于遮蔽的案件记录）</translation>
    </message>
    <message>
        <source>Cannot read the exports: %1</source>
        <translation>无法读取导出记录：%1</translation>
    </message>
    <message>
        <source>Another export was recorded while this one was being written, so its manifest would name the wrong export before it. Nothing was kept: export again.</source>
        <translation>写入本次导出期间，另一次导出已被记录，因此本次导出的清单会指向错误的上一次导出。未保留任何内容：请重新导出。</translation>
    </message>
    <message>
        <source>The retention purge erased this case&apos;s name, ID number and notes: nothing more is written about it. Record the step without a note or reference.</source>
        <translation>保留期清理已删除此案件的姓名、身份证号和备注：不再为它写入任何内容。请在不附备注或参考文件的情况下记录此步骤。</translation>
    </message>
    <message>
        <source>The retention purge erased this case&apos;s name and ID number: it is not reviewed again.</source>
        <translation>保留期清理已删除此案件的姓名和身份证号：不再对其进行复核。</translation>
    </message>
    <message>
        <source>No supervisor who can sign in would be left to manage accounts, unlock them and take escalated reviews: make someone else a supervisor first.</source>
        <translation>这样将不再有可登录的主管来管理账户、解锁账户和处理升级的复核：请先让另一人成为主管。</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Row %1 (line %2), not sent: %3</source>
        <translation>第 %1 行（文件第 %2 行），不发送：%3</translation>
    </message>
    <message>
        <source>Row %1 (line %2), warning: %3</source>
        <translation>第 %1 行（文件第 %2 行），警告：%3</translation>
    </message>
    <message>
        <source>Verify a list of cases</source>
        <translation>批量核验案件</translation>
    </message>
    <message>
        <source>CSV: name, id_number, start, end (optional scene, user_id, merchant_biz_id)</source>
        <translation>CSV：name、id_number、start、end（可选 scene、user_id、merchant_biz_id）</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>列表(&amp;L)：</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>浏览(&amp;O)…</translation>
    </message>
    <message>
        <source>R&amp;esults:</source>
        <translation>结果(&amp;E)：</translation>
    </message>
    <message>
        <source>CSV (UTF-8)</source>
        <translation>CSV（UTF-8）</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Choose a list: it is checked before anything is sent.</source>
        <translation>请选择一个列表：发送任何内容之前都会先检查。</translation>
    </message>
    <message>
        <source>Rows refused or with warnings</source>
        <translation>被拒绝或带警告的行</translation>
    </message>
    <message>
        <source>Send the rows with &amp;warnings too (I have checked them)</source>
        <translation>同时发送带警告的行（我已检查过）(&amp;W)</translation>
    </message>
    <message>
        <source>Batch progress</source>
        <translation>批量核验进度</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel batch</source>
        <translation>取消批量核验(&amp;C)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>List of cases</source>
        <translation>案件列表</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s): %1 ready to send, %2 refused (never sent), %3 with warnings.</source>
        <translation>
            <numerusform>共 %n 行：%1 行可发送，%2 行被拒绝（不会发送），%3 行有警告。</numerusform>
        </translation>
    </message>
    <message>
        <source>Resuming the batch begun %1: rows already answered are not sent again.</source>
        <translation>继续 %1 开始的批次：已有答复的行不会再次发送。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were sent without an answer and may have been billed; they are marked unknown and are not sent again.</source>
        <translation>
            <numerusform>%n 行已发送但未收到答复，可能已计费；它们被标记为未知，不会再次发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Results file</source>
        <translation>结果文件</translation>
    </message>
    <message>
        <source>Verify this list &amp;again (every row is sent again)</source>
        <translation>再次核验此列表(&amp;A)（每一行都会再次发送）</translation>
    </message>
    <message>
        <source>Tick “Verify this list again” to send it anyway.</source>
        <translation>如仍要发送，请勾选“再次核验此列表”。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of this list were in the list verified before with these results: their earlier outcomes are reported, marked earlier_run, and were not sent again.</source>
        <translation>
            <numerusform>此列表中有 %n 行在之前以同一结果文件核验的列表中：已报告它们之前的结果（标记为 earlier_run），没有再次发送。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchInput</name>
    <message>
        <source>The file is not UTF-8 text (it is probably GBK, as Excel saves &quot;CSV&quot; on a Chinese Windows). Save it as &quot;CSV UTF-8&quot;, or convert it with: iconv -f GBK -t UTF-8 IN.csv &gt; OUT.csv. Nothing was sent.</source>
        <translation>该文件不是 UTF-8 文本（可能是 GBK，中文版 Windows 上的 Excel 保存“CSV”时即为此编码）。请另存为“CSV UTF-8”，或用以下命令转换：iconv -f GBK -t UTF-8 IN.csv &gt; OUT.csv。未发送任何内容。</translation>
    </message>
    <message>
        <source>The file is not valid CSV: %1 Nothing was sent.</source>
        <translation>该文件不是有效的 CSV：%1 未发送任何内容。</translation>
    </message>
    <message>
        <source>The file is empty; its first line must name the columns: %1.</source>
        <translation>文件为空；第一行必须给出列名：%1。</translation>
    </message>
    <message>
        <source>The file has more than %1 rows; split it into smaller batches.</source>
        <translation>文件超过 %1 行；请拆分为较小的批次。</translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot; in the header; the columns are %2 and optionally %3.</source>
        <translation>表头中有未知列“%1”；列应为 %2，可选 %3。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; appears twice in the header.</source>
        <translation>列“%1”在表头中出现了两次。</translation>
    </message>
    <message>
        <source>The header has no column &quot;%1&quot;; the columns are %2 and optionally %3.</source>
        <translation>表头缺少列“%1”；列应为 %2，可选 %3。</translation>
    </message>
    <message>
        <source>MerchantBizId: %1 is already used by row %2 of this file; each case needs its own.</source>
        <translation>MerchantBizId：%1 已被本文件第 %2 行使用；每个案件需要各自的 MerchantBizId。</translation>
    </message>
    <message>
        <source>Valid from: &quot;%1&quot; is not a real date written as YYYYMMDD.</source>
        <translation>有效期起始：“%1”不是以 YYYYMMDD 书写的有效日期。</translation>
    </message>
    <message>
        <source>Valid until: &quot;%1&quot; is neither a real date written as YYYYMMDD nor long-term (长期).</source>
        <translation>有效期截止：“%1”既不是以 YYYYMMDD 书写的有效日期，也不是长期（long-term）。</translation>
    </message>
    <message>
        <source>Line %1 has %2 values but the header names %3 columns: put a value that holds a comma in double quotes, or name the extra column in the header.</source>
        <translation>第 %1 行有 %2 个值，但表头只有 %3 列：请将含逗号的值放在双引号内，或在表头中写明多出的列。</translation>
    </message>
    <message>
        <source>ID number: row %1 of this file has the same name, ID number and validity dates; a case is sent once per list (a second call would be billed again), so only row %1 is sent.</source>
        <translation>身份证号码：本文件第 %1 行的姓名、身份证号码和有效期与此行相同；同一案件在一份列表中只发送一次（再次调用会再次计费），因此只发送第 %1 行。</translation>
    </message>
    <message>
        <source>Column %1 of the first line is not a column name (is the header line missing?); the columns are %2 and optionally %3.</source>
        <translation>第一行的第 %1 列不是列名（是否缺少表头行？）；列应为 %2，可选 %3。</translation>
    </message>
    <message>
        <source>Valid from: this is not a date written as YYYYMMDD (are the columns in the order the header names them?).</source>
        <translation>有效期起始：这不是以 YYYYMMDD 书写的日期（各列的顺序是否与表头一致？）。</translation>
    </message>
    <message>
        <source>Valid until: this is neither a date written as YYYYMMDD nor long-term (长期) (are the columns in the order the header names them?).</source>
        <translation>有效期截止：这既不是以 YYYYMMDD 书写的日期，也不是长期（long-term）（各列的顺序是否与表头一致？）。</translation>
    </message>
</context>
<context>
    <name>BatchJournal</name>
    <message>
        <source>Cannot write %1 (it makes the batch resumable): %2</source>
        <translation>无法写入 %1（用于续跑批次）：%2</translation>
    </message>
    <message>
        <source>%1: %2 is named as a batch&apos;s journal; choose another name for the results.</source>
        <translation>%1：%2 是批次日志的文件名；请为结果另取一个名称。</translation>
    </message>
</context>
<context>
    <name>BatchRegistry</name>
    <message>
        <source>Cannot lock %1.</source>
        <translation>无法锁定 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1 (it remembers which lists were verified): %2</source>
        <translation>无法写入 %1（它记录哪些列表已核验过）：%2</translation>
    </message>
    <message>
        <source>A batch of this list was begun in this history on %1, with its results in %2. Verifying the list again sends every row to the training sandbox again (nothing is billed).</source>
        <translation>此列表的一个批次已于 %1 在此历史中开始，结果在 %2。再次核验此列表会把每一行再次发送到培训沙箱（不计费）。</translation>
    </message>
    <message>
        <source>A batch of this list was begun in this history on %1, with its results in %2. Verifying the list again sends every row again, and each is billed again.</source>
        <translation>此列表的一个批次已于 %1 在此历史中开始，结果在 %2。再次核验此列表会再次发送每一行，且每一行都会再次计费。</translation>
    </message>
    <message>
        <source>That batch resumes, without sending an answered row again, when started with those results.</source>
        <translation>以那个结果文件再次开始，即可续跑那一批，已有应答的行不会再次发送。</translation>
    </message>
    <message>
        <source>%1 is a symbolic link, which eKYC Desk does not follow: remove it.</source>
        <translation>%1 是符号链接，eKYC Desk 不会跟随它：请将其删除。</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be set aside.</source>
        <translation>%1 已损坏，且无法移到一旁。</translation>
    </message>
    <message>
        <source>%1 was damaged and is set aside as %2: the lists begun before are no longer remembered.</source>
        <translation>%1 已损坏，已移到一旁保存为 %2：之前开始过的列表不再被记住。</translation>
    </message>
    <message>
        <source>That batch cannot be resumed: its journal %1 is gone or belongs to another batch.</source>
        <translation>那一批无法续跑：其日志 %1 已不存在或属于另一个批次。</translation>
    </message>
</context>
<context>
    <name>BatchReport</name>
    <message>
        <source>Cannot write the results to %1: %2</source>
        <translation>无法将结果写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>BatchRun</name>
    <message>
        <source>The verification service has no history: a batch records every case before it is sent.</source>
        <translation>核验服务没有历史记录：批量核验在发送前会记录每个案件。</translation>
    </message>
    <message>
        <source>The audit history cannot tell which rows were already answered: %1</source>
        <translation>审计历史无法确定哪些行已有答复：%1</translation>
    </message>
    <message>
        <source>Sent by an earlier run of this batch without an answer: it may have been billed, so it was not sent again. Look it up by its MerchantBizId, or run the batch again with --retry-unknown.</source>
        <translation>本批次此前的运行已发送此行但未收到答复：可能已计费，因此未再次发送。请按其 MerchantBizId 查询，或使用 --retry-unknown 重新运行批次。</translation>
    </message>
    <message>
        <source>The audit history stopped recording, so nothing more was sent: %1</source>
        <translation>审计历史已停止记录，因此不再发送任何内容：%1</translation>
    </message>
    <message>
        <source>Cancelled: the rows not yet sent were not sent.</source>
        <translation>已取消：尚未发送的行未被发送。</translation>
    </message>
    <message>
        <source>%1/%2 rows · %3/s · %4 left · passed %5 · not passed %6 · refused %7 · errors %8 · unknown %9</source>
        <translation>%1/%2 行 · %3/秒 · 剩余 %4 · 通过 %5 · 未通过 %6 · 拒绝 %7 · 错误 %8 · 未知 %9</translation>
    </message>
    <message>
        <source> · not sent %1</source>
        <translation> · 未发送 %1</translation>
    </message>
    <message>
        <source>Sent by the batch verified before with these results, without an answer: it may have been billed, so it was not sent again. Look it up by its MerchantBizId, or run the batch again with --retry-unknown.</source>
        <translation>之前以同一结果文件核验的批次已发送此行但未收到答复：可能已计费，因此未再次发送。请按其 MerchantBizId 查询，或使用 --retry-unknown 重新运行批次。</translation>
    </message>
    <message>
        <source>Nothing was sent: the batch cannot be recorded in the audit history: %1</source>
        <translation>未发送任何内容：无法在审计历史中记录此批次：%1</translation>
    </message>
    <message>
        <source>This list was begun as a batch in this audit history on %1 by %2 on workstation %3, with its results in %4.</source>
        <translation>此列表已于 %1 由 %2 在工作站 %3 上作为批次在本审计历史中开始核验，其结果位于 %4。</translation>
    </message>
    <message>
        <source>Nothing is billed in training, but its rows would be verified twice.</source>
        <translation>培训模式不计费，但其中各行会被核验两次。</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何内容。</translation>
    </message>
    <message>
        <source>Its rows may have been sent, and billed, then: sending the list again would bill them again.</source>
        <translation>当时其中各行可能已发送并计费：再次发送此列表会再次计费。</translation>
    </message>
    <message>
        <source>The verification service is not configured.</source>
        <translation>核验服务未配置。</translation>
    </message>
</context>
<context>
    <name>BatchStart</name>
    <message>
        <source>Another batch is writing %1 right now; nothing was sent. Wait for it to end, or choose another results file.</source>
        <translation>另一个批次正在写入 %1；未发送任何内容。请等它结束，或选择其他结果文件。</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>未发送任何内容。</translation>
    </message>
    <message>
        <source>Resume that batch with its own list, or choose another results file. If that batch is no longer needed, delete %1.</source>
        <translation>请用那份列表续跑该批次，或另选结果文件。如果不再需要该批次，请删除 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) not sent</source>
        <translation>
            <numerusform>%n 行未发送</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) that failed without being billed</source>
        <translation>
            <numerusform>%n 行失败（未计费）</numerusform>
        </translation>
    </message>
    <message>
        <source>it did not end (it was stopped at once, killed, or the computer went down)</source>
        <translation>该批次未正常结束（被立即停止、被强行终止，或计算机宕机）</translation>
    </message>
    <message>
        <source>%1 holds the results of a batch of another list, begun on %2, whose journal %3 was written by an earlier version, which did not record whether that batch ended; this batch would replace it.</source>
        <translation>%1 保存着另一份列表的批次结果，该批次始于 %2，其日志 %3 由较早的版本写入，未记录该批次是否已结束；本批次会替换它。</translation>
    </message>
    <message>
        <source>If that batch ended or is no longer needed, delete %1; otherwise resume it with its own list, or choose another results file.</source>
        <translation>如果该批次已结束或不再需要，请删除 %1；否则请用那份列表续跑它，或另选结果文件。</translation>
    </message>
    <message>
        <source>%1 holds the results of a batch of another list, begun on %2, that has work left: %3. Its journal %4 lets that list resume without sending an answered row again; this batch would replace it.</source>
        <translation>%1 保存着另一份列表的批次结果，该批次始于 %2，仍有未完成的工作：%3。其日志 %4 使那份列表能够续跑而不重复发送已获答复的行；本批次会替换它。</translation>
    </message>
    <message>
        <source>The journal %1 beside the results cannot be read: it is damaged, or not a batch&apos;s journal. It may be all that lets an earlier batch resume without sending its answered rows again.</source>
        <translation>结果旁的日志 %1 无法读取：它已损坏，或不是批次日志。它可能是某个早先批次续跑而不重复发送已获答复行的唯一依据。</translation>
    </message>
    <message>
        <source>If no batch needs it, delete %1; otherwise choose another results file.</source>
        <translation>如果没有批次需要它，请删除 %1；否则请另选结果文件。</translation>
    </message>
    <message>
        <source>The batch of this list at %1 records its cases in another audit history (another --db, or training and live): its answers are not in this one, so every answered row would be sent, and billed, again.</source>
        <translation>%1 处此列表的批次把案件记录在另一个审计历史中（另一个 --db，或培训与正式之分）：它的答复不在这个历史中，因此每个已获答复的行都会再次发送并再次计费。</translation>
    </message>
    <message>
        <source>Resume it with the history it began in, or choose another results file.</source>
        <translation>请使用它开始时的历史续跑，或另选结果文件。</translation>
    </message>
    <message>
        <source>This list is checked against the batches recorded in the audit history only.</source>
        <translation>此列表仅与审计历史中记录的批次核对。</translation>
    </message>
</context>
<context>
    <name>Billing</name>
    <message>
        <source>Training: the built-in sandbox answers and nothing is billed.</source>
        <translation>培训模式：由内置沙盒应答，不会计费。</translation>
    </message>
    <message>
        <source>Every answered call is billed, 202 and 223 included.</source>
        <translation>每次得到应答的调用都会计费，包括 202 和 223。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be sent to the training sandbox. Nothing is billed.</source>
        <translation>
            <numerusform>将向培训沙盒发送 %n 行。不会计费。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be sent. Every answered call is billed.</source>
        <translation>
            <numerusform>将发送 %n 行。每次有答复的调用都会计费。</numerusform>
        </translation>
    </message>
    <message>
        <source>Check before sending: these details often lead to SubCode 223.</source>
        <translation>发送前请核对：这些信息常导致 SubCode 223。</translation>
    </message>
    <message>
        <source>Check before sending: these details often lead to SubCode 223, and every answered call is billed.</source>
        <translation>发送前请核对：这些信息常导致 SubCode 223，而每次得到应答的调用都会计费。</translation>
    </message>
    <message>
        <source>Outcome unknown (training: nothing is billed)</source>
        <translation>结果未知（培训模式：不会计费）</translation>
    </message>
    <message>
        <source>Outcome unknown — may have been billed</source>
        <translation>结果未知 — 可能已计费</translation>
    </message>
    <message>
        <source>The training sandbox does not bill; on the live service this would be a second billed call.</source>
        <translation>培训沙盒不会计费；在正式服务中，这将是第二次计费调用。</translation>
    </message>
    <message>
        <source>Another call will be billed again, and will most likely give the same answer.</source>
        <translation>再次调用会再次计费，而且很可能得到相同的应答。</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>As printed on the card, e.g. 王小明</source>
        <translation>与证件上所印一致，例如：王小明</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号码(&amp;I)</translation>
    </message>
    <message>
        <source>18 characters, last may be X</source>
        <translation>18 位，最后一位可能是 X</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>有效期起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>Type the date as YYYYMMDD, or open the calendar with Alt+Down</source>
        <translation>按 YYYYMMDD 格式输入日期，或按 Alt+↓ 打开日历</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>有效期截止日期(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Long-term</source>
        <translation>长期(&amp;L)</translation>
    </message>
    <message>
        <source>The card says 长期 (long-term) instead of an end date</source>
        <translation>证件上印的是“长期”而不是截止日期</translation>
    </message>
    <message>
        <source>&amp;More: scene code, merchant IDs</source>
        <translation>更多：场景码、商户 ID(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Scene code</source>
        <translation>场景码(&amp;S)</translation>
    </message>
    <message>
        <source>Optional, up to 10 letters, digits or _</source>
        <translation>可选，最多 10 个字母、数字或 _</translation>
    </message>
    <message>
        <source>Merchant user I&amp;D</source>
        <translation>商户用户 ID(&amp;D)</translation>
    </message>
    <message>
        <source>Optional, e.g. a phone number or e-mail</source>
        <translation>可选，例如手机号码或电子邮箱</translation>
    </message>
    <message>
        <source>Sent only as a SHA-256 hash, never as typed.</source>
        <translation>仅以 SHA-256 哈希值发送，绝不发送输入的原文。</translation>
    </message>
    <message>
        <source>Merchant &amp;business ID</source>
        <translation>商户业务 ID(&amp;B)</translation>
    </message>
    <message>
        <source>Blank: a new one is generated for this case</source>
        <translation>留空：为本案件生成新的 ID</translation>
    </message>
    <message>
        <source>I have &amp;checked, send anyway</source>
        <translation>我已核对，仍然发送(&amp;C)</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新建案件</translation>
    </message>
    <message>
        <source>Clear the form for the next case (Ctrl+N)</source>
        <translation>清空表单，录入下一个案件（Ctrl+N）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop waiting for this call (Esc). An answer already on its way may still be billed.</source>
        <translation>停止等待本次调用（Esc）。已在返回途中的应答仍可能计费。</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>核验(&amp;V)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Read the warnings above, then tick &quot;I have checked, send anyway&quot; to send.</source>
        <translation>请阅读上方的警告，然后勾选“我已核对，仍然发送”再发送。</translation>
    </message>
    <message>
        <source>Verifying… Esc stops waiting.</source>
        <translation>正在核验… 按 Esc 停止等待。</translation>
    </message>
    <message>
        <source>Type the case as printed on the card. Tab moves on, Enter verifies.</source>
        <translation>按证件上所印内容录入案件。Tab 键移到下一项，Enter 键开始核验。</translation>
    </message>
    <message>
        <source>Read the warnings above and confirm them before sending.</source>
        <translation>请阅读上方的警告并确认后再发送。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>validity start date</source>
        <translation>有效期起始日期</translation>
    </message>
    <message>
        <source>validity end date (or long-term)</source>
        <translation>有效期截止日期（或长期）</translation>
    </message>
    <message>
        <source>Check against the card, character by character: %1.</source>
        <translation>请对照证件逐字核对：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the suspect fields</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Send the case for verification (Enter).</source>
        <translation>发送案件进行核验（Enter）。</translation>
    </message>
    <message>
        <source>Press Enter to verify.</source>
        <translation>按 Enter 键开始核验。</translation>
    </message>
    <message>
        <source>Still to complete or fix: %1. Press Enter to see what each needs.</source>
        <translation>还需填写或更正：%1。按 Enter 键查看各项需要什么。</translation>
    </message>
</context>
<context>
    <name>CaseQueries</name>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
    <message>
        <source>There is no case %1 in the history.</source>
        <translation>历史记录中没有案件 %1。</translation>
    </message>
    <message>
        <source>Cannot read the events: %1</source>
        <translation>无法读取事件：%1</translation>
    </message>
    <message>
        <source>Cannot count the cases: %1</source>
        <translation>无法统计案件数：%1</translation>
    </message>
</context>
<context>
    <name>CaseSummary</name>
    <message>
        <source>pending — retry</source>
        <translation>待处理 — 需重试</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>failed — safe to retry</source>
        <translation>失败 — 可安全重试</translation>
    </message>
    <message>
        <source>refused by the service</source>
        <translation>被服务拒绝</translation>
    </message>
    <message>
        <source>outcome unknown — may have been billed</source>
        <translation>结果未知 — 可能已计费</translation>
    </message>
</context>
<context>
    <name>CaseTable</name>
    <message>
        <source>There is no case %1 in the history.</source>
        <translation>历史记录中没有案件 %1。</translation>
    </message>
    <message>
        <source>Cannot save the case: %1</source>
        <translation>无法保存案件：%1</translation>
    </message>
    <message>
        <source>Cannot update the case: %1</source>
        <translation>无法更新案件：%1</translation>
    </message>
    <message>
        <source>Cannot purge the history: %1</source>
        <translation>无法清理历史记录：%1</translation>
    </message>
    <message>
        <source>Cannot purge the history: the cases changed while they were purged.</source>
        <translation>无法清理历史记录：清理期间案件发生了变化。</translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
    <message>
        <source>Cannot read the case: %1</source>
        <translation>无法读取案件：%1</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>Case created (MerchantBizId %1)</source>
        <translation>创建案件（MerchantBizId %1）</translation>
    </message>
    <message>
        <source>Case created to verify an earlier case again</source>
        <translation>为重新核验先前案件而创建</translation>
    </message>
    <message>
        <source>Attempt %1 sent</source>
        <translation>第 %1 次请求已发送</translation>
    </message>
    <message>
        <source>Answer to attempt %1: HTTP %2, Code %3, SubCode %4</source>
        <translation>第 %1 次请求的应答：HTTP %2，Code %3，SubCode %4</translation>
    </message>
    <message>
        <source>Attempt %1 failed: %2</source>
        <translation>第 %1 次请求失败：%2</translation>
    </message>
    <message>
        <source>Case ended without an answer: %1</source>
        <translation>案件结束，没有结果：%1</translation>
    </message>
    <message>
        <source>Answer: SubCode %1, passed</source>
        <translation>结果：SubCode %1，通过</translation>
    </message>
    <message>
        <source>Answer: SubCode %1, not passed</source>
        <translation>结果：SubCode %1，未通过</translation>
    </message>
    <message>
        <source>Manual review decision (recorded by an earlier version)</source>
        <translation>人工复核决定（由旧版本记录）</translation>
    </message>
    <message>
        <source>Name and ID number revealed, reason: %1</source>
        <translation>已显示姓名和身份证号，原因：%1</translation>
    </message>
    <message>
        <source>Verified again as a new case</source>
        <translation>已作为新案件重新核验</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Proposed: %1, reason: %2</source>
        <translation>提出决定：%1，原因：%2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1给 %2</translation>
    </message>
    <message>
        <source>%1 (proposed by %2)</source>
        <translation>%1（由 %2 提出）</translation>
    </message>
    <message>
        <source>Document seen: %1, SHA-256 %2</source>
        <translation>已查看文件：%1，SHA-256 %2</translation>
    </message>
    <message>
        <source>(name erased)</source>
        <translation>（名称已清除）</translation>
    </message>
    <message>
        <source>; the pending proposal was withdrawn</source>
        <translation>；待批准的提议已撤回</translation>
    </message>
    <message>
        <source>Review: %1 → %2</source>
        <translation>复核：%1 → %2</translation>
    </message>
    <message>
        <source>Proposal withdrawn: the case was verified again</source>
        <translation>提议已撤回：案件已重新核验</translation>
    </message>
    <message>
        <source>Proposal withdrawn: a new attempt was sent for the case</source>
        <translation>提议已撤回：该案件发送了新的请求</translation>
    </message>
    <message>
        <source>A record waiting in the spool could not be read: set aside in the spool&apos;s .bad file, not written</source>
        <translation>暂存文件中待写入的一条记录无法读取：已移入暂存文件的 .bad 文件，未写入</translation>
    </message>
    <message>
        <source>A record waiting in the spool was set aside in the spool&apos;s .bad file, not written: this history did not seal it (written or edited outside eKYC Desk, or by an older version)</source>
        <translation>暂存文件中待写入的一条记录已移入暂存文件的 .bad 文件，未写入：它不是由本历史记录封印的（在 eKYC Desk 之外写入或修改过，或由旧版本写入）</translation>
    </message>
    <message>
        <source>Attempt %1 cancelled before it left: not sent, not billed</source>
        <translation>第 %1 次请求在发出前已取消：未发送，不计费</translation>
    </message>
</context>
<context>
    <name>CaseTimelineDialog</name>
    <message>
        <source>Timeline of case %1</source>
        <translation>案件 %1 的时间线</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Linked case</source>
        <translation>关联案件</translation>
    </message>
    <message>
        <source>Reading the timeline…</source>
        <translation>正在读取时间线…</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Open the timeline of case %1</source>
        <translation>打开案件 %1 的时间线</translation>
    </message>
    <message numerus="yes">
        <source>Entries, in the order of the chain: %n.</source>
        <translation>
            <numerusform>记录（按链中顺序排列）：%n 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseValidator</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期起始日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期截止日期</translation>
    </message>
    <message>
        <source>Scene code</source>
        <translation>场景码</translation>
    </message>
    <message>
        <source>Merchant business ID</source>
        <translation>商户业务 ID</translation>
    </message>
    <message>
        <source>Merchant user ID</source>
        <translation>商户用户 ID</translation>
    </message>
    <message>
        <source>Name is required: enter the name exactly as printed on the ID card.</source>
        <translation>必须填写姓名：请按身份证上所印准确输入姓名。</translation>
    </message>
    <message>
        <source>Name is too long (%1 characters, at most %2): check that only the name was entered.</source>
        <translation>姓名过长（%1 个字符，最多 %2 个）：请检查是否只输入了姓名。</translation>
    </message>
    <message>
        <source>Name contains digits or symbols: use only letters, spaces and the separators · . - &apos; as printed on the card.</source>
        <translation>姓名含有数字或符号：请按证件所印，只使用文字、空格和分隔符 · . - &apos;。</translation>
    </message>
    <message>
        <source>ID number is required: enter the 18-character number printed on the ID card.</source>
        <translation>必须填写身份证号码：请输入身份证上所印的 18 位号码。</translation>
    </message>
    <message>
        <source>ID number has 15 digits: this is a first-generation number, invalid since 1 January 2013. Ask for the 18-character number on the person&apos;s current second-generation card.</source>
        <translation>身份证号码为 15 位：这是第一代身份证号码，自 2013 年 1 月 1 日起已停止使用。请向本人索取其现持第二代身份证上的 18 位号码。</translation>
    </message>
    <message>
        <source>ID number has %1 characters; it must have exactly 18 (17 digits and a final digit or X). Check for missing or extra characters.</source>
        <translation>身份证号码有 %1 位，必须恰好为 18 位（17 位数字加最后一位数字或 X）。请检查是否漏输或多输了字符。</translation>
    </message>
    <message>
        <source>ID number may contain only digits, with X allowed as the last character. Check for letters or symbols typed by mistake.</source>
        <translation>身份证号码只能包含数字，最后一位可以是 X。请检查是否误输入了字母或符号。</translation>
    </message>
    <message>
        <source>ID number starts with %1: this is a residence permit for Hong Kong, Macao or Taiwan residents, not a mainland resident ID card. This verification supports only mainland second-generation ID cards; use another verification method.</source>
        <translation>身份证号码以 %1 开头：这是港澳台居民居住证，不是内地居民身份证。本核验仅支持内地第二代居民身份证，请改用其他核验方式。</translation>
    </message>
    <message>
        <source>ID number starts with %1, which is not a mainland province code. Check the first two digits against the card.</source>
        <translation>身份证号码以 %1 开头，这不是内地省级行政区划代码。请对照证件核对前两位。</translation>
    </message>
    <message>
        <source>ID number: digits 7 to 14 (%1) are not a real date of birth (YYYYMMDD). Check them against the card.</source>
        <translation>身份证号码：第 7 至 14 位（%1）不是有效的出生日期（YYYYMMDD）。请对照证件核对。</translation>
    </message>
    <message>
        <source>ID number: the date of birth it contains (%1) is in the future. Check digits 7 to 14 against the card.</source>
        <translation>身份证号码：其中的出生日期（%1）晚于今天。请对照证件核对第 7 至 14 位。</translation>
    </message>
    <message>
        <source>ID number is mistyped: its last character does not match the others. Compare every character with the card.</source>
        <translation>身份证号码有误：最后一位与其他各位不符。请逐位与证件核对。</translation>
    </message>
    <message>
        <source>Valid from is required: enter the first date of the validity period printed on the back of the card.</source>
        <translation>必须填写有效期起始日期：请输入证件背面所印有效期限的起始日期。</translation>
    </message>
    <message>
        <source>Valid from (%1) is in the future: a card cannot be valid before it is issued. Check the date on the card.</source>
        <translation>有效期起始日期（%1）晚于今天：证件不可能在签发前生效。请核对证件上的日期。</translation>
    </message>
    <message>
        <source>Valid from (%1) is before the date of birth in the ID number (%2). Check the date and the ID number.</source>
        <translation>有效期起始日期（%1）早于身份证号码中的出生日期（%2）。请核对该日期和身份证号码。</translation>
    </message>
    <message>
        <source>Valid until is required: enter the last date of the validity period, or tick Long-term if the card says 长期.</source>
        <translation>必须填写有效期截止日期：请输入有效期限的截止日期；如证件上印的是“长期”，请勾选“长期”。</translation>
    </message>
    <message>
        <source>Valid until (%1) must be after Valid from (%2). Check both dates on the card.</source>
        <translation>有效期截止日期（%1）必须晚于有效期起始日期（%2）。请核对证件上的两个日期。</translation>
    </message>
    <message>
        <source>Scene code may have at most %1 characters, each a letter A-Z or a-z, a digit or an underscore. Shorten it or leave it empty.</source>
        <translation>场景码最多 %1 个字符，每个字符只能是字母 A-Z 或 a-z、数字或下划线。请缩短或留空。</translation>
    </message>
    <message>
        <source>Merchant business ID may have at most %1 characters, letters A-Z or a-z and digits only. Leave it empty to have a unique one generated.</source>
        <translation>商户业务 ID 最多 %1 个字符，只能包含字母 A-Z 或 a-z 和数字。留空则自动生成一个唯一 ID。</translation>
    </message>
    <message>
        <source>Merchant user ID may have at most %1 characters. It is sent only as its SHA-256 hash; shorten it or leave it empty.</source>
        <translation>商户用户 ID 最多 %1 个字符。它仅以 SHA-256 哈希值发送；请缩短或留空。</translation>
    </message>
    <message>
        <source>Valid from (%1) is before 2004, when second-generation ID cards were first issued. Check the date on the card.</source>
        <translation>有效期起始日期（%1）早于 2004 年，而第二代居民身份证自 2004 年起才开始签发。请核对证件上的日期。</translation>
    </message>
    <message>
        <source>Valid until is long-term, but the person was %1 on the Valid from date; long-term cards are issued only from age 46 (the term is %2 years). Check both dates: a mismatch is likely to come back as 223.</source>
        <translation>有效期截止日期为长期，但本人在有效期起始日期时为 %1 岁；长期证件仅签发给 46 岁及以上人员（按年龄有效期限应为 %2 年）。请核对两个日期：不一致很可能返回 223。</translation>
    </message>
    <message>
        <source>Valid until: the person was %1 on the Valid from date, so the card should be long-term (issued from age 46). Check the dates or tick Long-term: a mismatch is likely to come back as 223.</source>
        <translation>有效期截止日期：本人在有效期起始日期时为 %1 岁，因此证件应为长期（46 岁起签发）。请核对日期或勾选“长期”：不一致很可能返回 223。</translation>
    </message>
    <message>
        <source>Valid until: a card issued at age %1 is valid %2 years, but the dates entered span %3. Check both dates on the card: a mismatch is likely to come back as 223.</source>
        <translation>有效期截止日期：%1 岁时签发的证件有效期限为 %2 年，但输入的日期相隔 %3 年。请核对证件上的两个日期：不一致很可能返回 223。</translation>
    </message>
    <message>
        <source>Valid until (%1) does not fall on the same month and day as Valid from (%2), as it does on real cards. Check both dates: a mismatch is likely to come back as 223.</source>
        <translation>有效期截止日期（%1）与有效期起始日期（%2）的月、日不同，而真实证件上两者相同。请核对两个日期：不一致很可能返回 223。</translation>
    </message>
    <message>
        <source>Valid until (%1) has passed: the card has expired. It can still be verified, but ask the person whether they hold a newer card and use its dates.</source>
        <translation>有效期截止日期（%1）已过：证件已过期。仍可核验，但请询问本人是否持有更新的证件，并使用新证件上的日期。</translation>
    </message>
    <message>
        <source>Name has a space between Chinese characters; the card prints a Chinese name without spaces (a name in several parts is joined by the middle dot ·). Check the name: a mismatch is likely to come back as 223.</source>
        <translation>姓名的两个汉字之间有空格；证件上的中文姓名不含空格（由几部分组成的姓名以间隔号 · 连接）。请核对姓名：不一致很可能返回 223。</translation>
    </message>
    <message>
        <source>Merchant business ID looks like an ID number (17 digits and a digit or X). It is recorded and shown unmasked, so it must not be one: use a reference of your own, or leave it empty to have a unique one generated.</source>
        <translation>商户业务 ID 看起来是一个身份证号码（17 位数字加一位数字或 X）。商户业务 ID 会以不脱敏的形式记录和显示，因此不能使用身份证号码：请使用自己的编号，或留空以自动生成一个唯一 ID。</translation>
    </message>
</context>
<context>
    <name>ChainAnchor</name>
    <message>
        <source>The anchor file has no valid seq and hash.</source>
        <translation>该锚点文件没有有效的 seq 和 hash。</translation>
    </message>
    <message>
        <source>The anchor file is not an eKYC Desk anchor (format ekyc-desk-anchor/1 or /2).</source>
        <translation>该锚点文件不是 eKYC Desk 锚点（格式 ekyc-desk-anchor/1 或 /2）。</translation>
    </message>
    <message>
        <source>The anchor&apos;s signature does not match its content: the anchor file was altered.</source>
        <translation>锚点的签名与其内容不符：锚点文件被改动过。</translation>
    </message>
</context>
<context>
    <name>ChainVerifier</name>
    <message>
        <source>The chain head record is missing: %1</source>
        <translation>缺少链头记录：%1</translation>
    </message>
    <message>
        <source>The anchor belongs to another history (%1, this one is %2).</source>
        <translation>该锚点属于另一份审计记录（%1，当前为 %2）。</translation>
    </message>
    <message>
        <source>Cannot read the events: %1</source>
        <translation>无法读取事件：%1</translation>
    </message>
    <message>
        <source>Event %1 is missing (the next event is %2).</source>
        <translation>事件 %1 缺失（下一个事件是 %2）。</translation>
    </message>
    <message>
        <source>Event %1 is out of order.</source>
        <translation>事件 %1 顺序错误。</translation>
    </message>
    <message>
        <source>Event %1 has a malformed time stamp.</source>
        <translation>事件 %1 的时间戳格式错误。</translation>
    </message>
    <message>
        <source>Event %1 does not follow the event before it (previous hash mismatch): a row was deleted, inserted or moved.</source>
        <translation>事件 %1 与前一个事件不衔接（前一哈希不匹配）：有行被删除、插入或移动。</translation>
    </message>
    <message>
        <source>Event %1 was changed after it was written (hash mismatch).</source>
        <translation>事件 %1 在写入后被修改（哈希不匹配）。</translation>
    </message>
    <message>
        <source>Event %1 differs from the exported anchor: the history was rewritten.</source>
        <translation>事件 %1 与导出的锚点不一致：审计记录已被改写。</translation>
    </message>
    <message>
        <source>The chain head records %1 events but only %2 are present: events at the end were deleted.</source>
        <translation>链头记录了 %1 个事件，但只存在 %2 个：末尾的事件已被删除。</translation>
    </message>
    <message>
        <source>The chain head does not match the last event %1.</source>
        <translation>链头与最后一个事件 %1 不匹配。</translation>
    </message>
    <message>
        <source>Event %1 lies beyond the chain head: it was inserted outside the application.</source>
        <translation>事件 %1 位于链头之后：它是在应用之外插入的。</translation>
    </message>
    <message>
        <source>Cannot read the case records: %1</source>
        <translation>无法读取案件记录：%1</translation>
    </message>
    <message>
        <source>The case record %1 has no case_created event: it was inserted outside the application.</source>
        <translation>案件记录 %1 没有 case_created 事件：它是在应用之外插入的。</translation>
    </message>
    <message>
        <source>The case record %1 does not match its events (%2): the cases table was edited.</source>
        <translation>案件记录 %1 与其事件不一致（%2）：案件表已被修改。</translation>
    </message>
    <message>
        <source>The case record %1 is missing from the cases table: it was deleted.</source>
        <translation>案件表中缺少案件记录 %1：它已被删除。</translation>
    </message>
    <message>
        <source>In all, %1 case records differ from their events.</source>
        <translation>共有 %1 条案件记录与其事件不一致。</translation>
    </message>
    <message>
        <source>Cannot read the review records: %1</source>
        <translation>无法读取复核记录：%1</translation>
    </message>
    <message>
        <source>The review record of case %1 has no review events: it was inserted outside the application.</source>
        <translation>案件 %1 的复核记录没有对应的复核事件：它是在应用程序之外插入的。</translation>
    </message>
    <message>
        <source>The review record of case %1 does not match its events (%2): the reviews table was edited.</source>
        <translation>案件 %1 的复核记录与其事件不符（%2）：复核表被修改过。</translation>
    </message>
    <message>
        <source>The review record of case %1 is missing from the reviews table: it was deleted.</source>
        <translation>复核表中缺少案件 %1 的复核记录：它已被删除。</translation>
    </message>
    <message>
        <source>The anchor names event %1, but the history ends at event %2: the anchor was not found (it is not from this history, or events at the end were deleted).</source>
        <translation>锚点指向事件 %1，但审计记录止于事件 %2：未找到该锚点（它不属于此审计记录，或末尾的事件已被删除）。</translation>
    </message>
    <message>
        <source>The anchor names event 0 with a hash that is not the empty history&apos;s: it matches nothing.</source>
        <translation>锚点指向事件 0，但其哈希不是空审计记录的哈希：与任何事件都不匹配。</translation>
    </message>
    <message>
        <source>The anchor of event %1 was signed by another key (%2) than this history&apos;s (%3): the history&apos;s signing key was replaced, or the anchor is not from this history.</source>
        <translation>事件 %1 的锚点由另一把密钥（%2）签名，而非本审计记录的密钥（%3）：审计记录的签名密钥被替换，或该锚点不属于本审计记录。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The history has no signing key (meta.signing_key): it was removed outside the application, so nothing written can be told from a forgery.</source>
        <translation>审计记录没有签名密钥（meta.signing_key）：它在应用之外被删除，因此无法区分已写入的内容与伪造内容。</translation>
    </message>
    <message>
        <source>The history&apos;s signing key (%1) is not the one its keys make (%2): the key was replaced, and everything it signed may be forged.</source>
        <translation>审计记录的签名密钥（%1）不是其密钥所生成的密钥（%2）：密钥被替换，其签名的一切都可能是伪造的。</translation>
    </message>
    <message>
        <source>Two anchors name event %1 with different hashes.</source>
        <translation>两个锚点指向事件 %1，但哈希值不同。</translation>
    </message>
    <message>
        <source>The checkpoint after event %1 is missing: it was removed and the chain rewritten.</source>
        <translation>事件 %1 之后的检查点缺失：它被删除，链被重写。</translation>
    </message>
    <message>
        <source>The checkpoint at event %1 does not carry a valid signature of the history&apos;s key over the event before it: the events before it were rewritten, or the checkpoint was forged.</source>
        <translation>事件 %1 处的检查点没有本审计记录密钥对其前一事件的有效签名：之前的事件被重写，或检查点是伪造的。</translation>
    </message>
    <message>
        <source>An anchored event is no longer in the history: events were deleted.</source>
        <translation>一个已锚定的事件已不在审计记录中：有事件被删除。</translation>
    </message>
    <message>
        <source>The chain head (event %1) does not carry the history&apos;s signature: events were appended, rewritten or removed outside the application after the last signed write.</source>
        <translation>链头（事件 %1）没有本审计记录的签名：最后一次签名写入之后，有事件在应用之外被追加、重写或删除。</translation>
    </message>
    <message>
        <source>The dashboard&apos;s counts for the hour %1:00 (UTC) of %2 (%3) do not match the case records: the dashboard_hours table was edited.</source>
        <translation>仪表板中 %2（%3）在 %1:00（UTC）这一小时的计数与案件记录不符：dashboard_hours 表被改动过。</translation>
    </message>
    <message>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>live</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Cannot read the dashboard&apos;s counts: %1</source>
        <translation>无法读取仪表板的计数：%1</translation>
    </message>
    <message>
        <source>The chain head&apos;s checkpoint interval (%1) is not the one the last checkpoint signed (%2): it was changed outside the application.</source>
        <translation>链头记录的检查点间隔（%1）与最近一个检查点签署的间隔（%2）不一致：它在应用之外被修改过。</translation>
    </message>
    <message>
        <source>The checkpoint at event %1 carries the checkpoint interval %2, but %3 is in force and no change of the setting was signed: the interval was altered in the database.</source>
        <translation>事件 %1 处的检查点携带的检查点间隔为 %2，但当前生效的间隔是 %3，且没有经签名的设置修改：该间隔在数据库中被篡改过。</translation>
    </message>
    <message>
        <source>The case record %1 appears twice in the cases table: a copy was inserted outside the application.</source>
        <translation>案件记录 %1 在 cases 表中出现了两次：有人在应用程序之外插入了副本。</translation>
    </message>
    <message>
        <source>The history&apos;s schema version (%1) is lower than its tables show (%2): it was lowered outside the application, so that the checks added since would be skipped.</source>
        <translation>历史记录的架构版本（%1）低于其数据表所显示的版本（%2）：有人在应用程序之外调低了它，以跳过此后新增的检查。</translation>
    </message>
    <message>
        <source>Event %1 is a checkpoint, which only a signed history holds, but the history says it was written before signing: its schema version or signing records were altered.</source>
        <translation>事件 %1 是检查点，只有已签名的历史记录才会有检查点，但该历史记录声称写于启用签名之前：其架构版本或签名记录已被篡改。</translation>
    </message>
    <message>
        <source>Cannot read the accounts: %1</source>
        <translation>无法读取账户：%1</translation>
    </message>
    <message>
        <source>The account %1 has no account_created event: it was added outside the application.</source>
        <translation>账户 %1 没有 account_created 事件：它是在应用程序之外添加的。</translation>
    </message>
    <message>
        <source>The account %1 does not match its events (%2): the accounts table was edited.</source>
        <translation>账户 %1 与其事件不符（%2）：accounts 表已被修改。</translation>
    </message>
    <message>
        <source>The account %1 is missing from the accounts table: it was deleted.</source>
        <translation>accounts 表中缺少账户 %1：它已被删除。</translation>
    </message>
    <message>
        <source>Cannot read the review notes: %1</source>
        <translation>无法读取复核备注：%1</translation>
    </message>
    <message>
        <source>The review note %1 was written by no review event: it was inserted outside the application.</source>
        <translation>复核备注 %1 不是由任何复核事件写入的：它是在应用程序之外插入的。</translation>
    </message>
    <message>
        <source>The review note %1 of case %2 is not the one its event wrote (removed, emptied, replaced or moved): the review_texts table was edited.</source>
        <translation>案件 %2 的复核备注 %1 与其事件写入的内容不符（被移除、清空、替换或移动）：review_texts 表已被修改。</translation>
    </message>
    <message>
        <source>The review note %1 of case %2 is missing from the review_texts table: it was deleted.</source>
        <translation>review_texts 表中缺少案件 %2 的复核备注 %1：它已被删除。</translation>
    </message>
    <message>
        <source>Cannot read the reason codes: %1</source>
        <translation>无法读取原因代码：%1</translation>
    </message>
    <message>
        <source>The reason code %1 is not what its events set (its label, whether it is in use, or the code itself): the review_reasons table was edited.</source>
        <translation>原因代码 %1 与其事件设定的不符（其名称、是否启用或代码本身）：review_reasons 表已被修改。</translation>
    </message>
    <message>
        <source>The review policy kept in the history (four-eyes %1, %2 hours to decide) is not the one its events set (four-eyes %3, %4 hours): it was changed outside the application.</source>
        <translation>历史记录中保存的复核规则（双人复核 %1，%2 小时内决定）与其事件设定的规则（双人复核 %3，%4 小时）不符：它是在应用程序之外被更改的。</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Runs the training sandbox, an imitation of Id2MetaPeriodVerifyIntl, on 127.0.0.1 only, until interrupted. It accepts only the public training AccessKey printed below and answers from fictitious people.</source>
        <translation>运行培训沙箱（模拟 Id2MetaPeriodVerifyIntl 的服务），仅监听 127.0.0.1，直到被中断。它只接受下方打印的公开培训 AccessKey，并以虚构人员的数据应答。</translation>
    </message>
    <message>
        <source>TCP port on 127.0.0.1 (default: any free port).</source>
        <translation>127.0.0.1 上的 TCP 端口（默认：任一空闲端口）。</translation>
    </message>
    <message>
        <source>Where the sandbox CA and certificate are kept.</source>
        <translation>沙箱 CA 和证书的存放位置。</translation>
    </message>
    <message>
        <source>--port: expected a number from 0 to 65535.</source>
        <translation>--port：应为 0 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>The sandbox could not start: %1</source>
        <translation>沙箱无法启动：%1</translation>
    </message>
    <message>
        <source>Training sandbox listening on %1</source>
        <translation>培训沙箱正在监听 %1</translation>
    </message>
    <message>
        <source>CA certificate: %1</source>
        <translation>CA 证书：%1</translation>
    </message>
    <message>
        <source>Training AccessKey ID: %1</source>
        <translation>培训 AccessKey ID：%1</translation>
    </message>
    <message>
        <source>Training AccessKey secret (public, sandbox only): %1</source>
        <translation>培训 AccessKey Secret（公开，仅限沙箱）：%1</translation>
    </message>
    <message>
        <source>&lt;redacted&gt;</source>
        <translation>&lt;已隐去&gt;</translation>
    </message>
    <message>
        <source>SubCode: %1</source>
        <translation>SubCode：%1</translation>
    </message>
    <message>
        <source>Code: %1 (HTTP %2)</source>
        <translation>Code：%1（HTTP %2）</translation>
    </message>
    <message>
        <source>RequestId: %1</source>
        <translation>RequestId：%1</translation>
    </message>
    <message>
        <source>MerchantBizId: %1</source>
        <translation>MerchantBizId：%1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>尝试次数：%1</translation>
    </message>
    <message>
        <source>Validity start date.</source>
        <translation>有效期起始日期。</translation>
    </message>
    <message>
        <source>Validity end date.</source>
        <translation>有效期截止日期。</translation>
    </message>
    <message>
        <source>The card has no end date (长期).</source>
        <translation>证件没有截止日期（长期）。</translation>
    </message>
    <message>
        <source>What to send as ValidityEndDate for a long-term card: 长期 (default, per the provider&apos;s Chinese reference) or long-term.</source>
        <translation>长期证件的 ValidityEndDate 发送什么值：长期（默认，依据服务商的中文参考文档）或 long-term。</translation>
    </message>
    <message>
        <source>SceneCode: up to 10 letters, digits or underscores.</source>
        <translation>SceneCode：最多 10 个字母、数字或下划线。</translation>
    </message>
    <message>
        <source>MerchantUserId (phone, e-mail, ...): only its SHA-256 hash leaves this machine.</source>
        <translation>MerchantUserId（手机号码、电子邮箱等）：只有其 SHA-256 哈希值会离开本机。</translation>
    </message>
    <message>
        <source>MerchantBizId, up to 32 letters and digits (default: 32 random hex).</source>
        <translation>MerchantBizId，最多 32 个字母和数字（默认：32 位随机十六进制数）。</translation>
    </message>
    <message>
        <source>Use the built-in training sandbox and its public AccessKey.</source>
        <translation>使用内置培训沙箱及其公开 AccessKey。</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>Print the fully signed HTTP request as JSON without sending it.</source>
        <translation>以 JSON 输出完整签名的 HTTP 请求，但不发送。</translation>
    </message>
    <message>
        <source>Valid from (--start): expected a real date as YYYYMMDD.</source>
        <translation>有效期起始日期（--start）：应为 YYYYMMDD 格式的有效日期。</translation>
    </message>
    <message>
        <source>Give either --end or --long-term, not both.</source>
        <translation>--end 和 --long-term 只能指定其一。</translation>
    </message>
    <message>
        <source>Valid until (--end): expected a real date as YYYYMMDD.</source>
        <translation>有效期截止日期（--end）：应为 YYYYMMDD 格式的有效日期。</translation>
    </message>
    <message>
        <source>Refused locally; nothing was sent or billed.</source>
        <translation>已在本地拒绝；未发送任何内容，也未计费。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>--long-term-value: use 长期 or long-term.</source>
        <translation>--long-term-value：请使用 长期 或 long-term。</translation>
    </message>
    <message>
        <source>Audit history: %1</source>
        <translation>审计记录：%1</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>Warning: this answer was billed but is not recorded in the audit history yet; it waits in the history&apos;s spool.</source>
        <translation>警告：此应答已计费，但尚未记入审计记录；它暂存在审计记录的缓存队列中。</translation>
    </message>
    <message>
        <source>--retry takes the case from the history; --%1 cannot be given with it.</source>
        <translation>--retry 从审计记录中取得案件；不能同时指定 --%1。</translation>
    </message>
    <message>
        <source>Sign in as this supervisor (password from EKYC_DESK_PASSWORD, or asked on the terminal). Not needed on a history without accounts, where its local owner adds the first supervisor.</source>
        <translation>以此主管身份登录（密码取自 EKYC_DESK_PASSWORD，或在终端中询问）。在尚无账户的历史记录上不需要，由其本地所有者添加第一个主管。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4
</source>
        <translation>%1 %2 %3 %4
</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>%1 的新密码：</translation>
    </message>
    <message>
        <source>No new password for %1. %2</source>
        <translation>没有 %1 的新密码。%2</translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>再次输入相同的密码：</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>This history has accounts: sign in with --as SUPERVISOR.</source>
        <translation>此历史记录设有账户：请使用 --as SUPERVISOR 登录。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>No password for %1. %2</source>
        <translation>没有 %1 的密码。%2</translation>
    </message>
    <message>
        <source>Manages the people who sign in to the history (supervisors only; every change is an event in the chain, and nothing is ever deleted).
  accounts list [--json]
  accounts add --user NAME --role reviewer|supervisor|auditor
  accounts set-role --user NAME --role ROLE
  accounts disable|enable|unlock|reset-password --user NAME
Sign in with --as SUPERVISOR (password from EKYC_DESK_PASSWORD); a new password comes from EKYC_DESK_NEW_PASSWORD or is asked twice on the terminal.
Exit codes: 0 done; 3 bad arguments (unknown account, weak password, ...); 6 the history cannot be opened; 7 not permitted; 8 sign-in failed.</source>
        <translation>管理登录历史记录的人员（仅限主管；每次更改都是链中的一个事件，任何内容都不会被删除）。
  accounts list [--json]
  accounts add --user NAME --role reviewer|supervisor|auditor
  accounts set-role --user NAME --role ROLE
  accounts disable|enable|unlock|reset-password --user NAME
使用 --as SUPERVISOR 登录（密码取自 EKYC_DESK_PASSWORD）；新密码取自 EKYC_DESK_NEW_PASSWORD，或在终端中询问两次。
退出码：0 完成；3 参数错误（账户不存在、密码过弱等）；6 无法打开历史记录；7 无权操作；8 登录失败。</translation>
    </message>
    <message>
        <source>The account to add or change.</source>
        <translation>要添加或更改的账户。</translation>
    </message>
    <message>
        <source>reviewer, supervisor or auditor.</source>
        <translation>reviewer、supervisor 或 auditor。</translation>
    </message>
    <message>
        <source>list: one JSON object per line.</source>
        <translation>list：每行一个 JSON 对象。</translation>
    </message>
    <message>
        <source>list, add, set-role, disable, enable, unlock or reset-password</source>
        <translation>list、add、set-role、disable、enable、unlock 或 reset-password</translation>
    </message>
    <message>
        <source>Give one action: %1.</source>
        <translation>请给出一个操作：%1。</translation>
    </message>
    <message>
        <source>accounts %1 needs --user NAME.</source>
        <translation>accounts %1 需要 --user NAME。</translation>
    </message>
    <message>
        <source>accounts %1 needs --role reviewer|supervisor|auditor.</source>
        <translation>accounts %1 需要 --role reviewer|supervisor|auditor。</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>已添加 %1（%2）。</translation>
    </message>
    <message>
        <source>Reset the password of %1.</source>
        <translation>已重置 %1 的密码。</translation>
    </message>
    <message>
        <source>%1 is now a %2.</source>
        <translation>%1 现在是%2。</translation>
    </message>
    <message>
        <source>Unlocked %1.</source>
        <translation>已解锁 %1。</translation>
    </message>
    <message>
        <source>Disabled %1; the account and its history are kept.</source>
        <translation>已停用 %1；该账户及其历史记录均予保留。</translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <source>Checks one case locally (ID number checksum, dates) and, when it passes, verifies it with Alibaba Cloud Id2MetaPeriodVerifyIntl (eKYC_Date_MIN). Every answered call is billed.

Credentials, in the order of the provider&apos;s SDKs: the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN), the aliyun CLI&apos;s ~/.aliyun/config.json, the credentials file, then the key saved in the app&apos;s Settings (OS keychain). The secret is never printed.

Every case and attempt is recorded in the audit history (--db, default: the app&apos;s own history; with --training the separate training history) before and after the call; its passphrase comes from EKYC_DESK_PASSPHRASE or is asked on the terminal. On a history with accounts, sign in with --user NAME (password from EKYC_DESK_PASSWORD or asked on the terminal).

Exit codes: 0 passed (SubCode 200); 2 not passed (202/223, or an undocumented SubCode: escalate); 3 refused locally (bad input, no credentials); 4 API error, or an answer that could not be read; 5 network or TLS error before the request left (nothing billed); 6 the audit history cannot be opened or stopped recording (nothing more was sent; an answer that arrived is printed and kept in the history&apos;s spool); 7 not permitted: the signed-in account&apos;s role may not verify (recorded); 8 sign-in failed; 9 outcome unknown: the request was sent and no answer arrived, so it may have been billed (not retried; retry it with --retry CASE_ID, which keeps its MerchantBizId).</source>
        <translation>先在本地检查一个案件（身份证号校验位、日期），通过后使用阿里云 Id2MetaPeriodVerifyIntl（eKYC_Date_MIN）核验。每次得到应答的调用都会计费。

凭证按服务商 SDK 的顺序查找：环境变量（ALIBABA_CLOUD_ACCESS_KEY_ID、ALIBABA_CLOUD_ACCESS_KEY_SECRET、ALIBABA_CLOUD_SECURITY_TOKEN）、aliyun CLI 的 ~/.aliyun/config.json、凭证文件，最后是在应用设置中保存的密钥（系统钥匙串）。密钥从不打印。

每个案件和每次尝试都会在调用前后记录到审计历史中（--db，默认：应用自己的历史记录；使用 --training 时为单独的培训历史记录）；其口令取自 EKYC_DESK_PASSPHRASE，或在终端中询问。在设有账户的历史记录上，请使用 --user NAME 登录（密码取自 EKYC_DESK_PASSWORD，或在终端中询问）。

退出码：0 通过（SubCode 200）；2 未通过（202/223，或未记录在文档中的 SubCode：请上报）；3 本地拒绝（输入错误、没有凭证）；4 API 错误，或无法读取的应答；5 请求发出前的网络或 TLS 错误（未计费）；6 审计历史无法打开或停止记录（未再发送任何内容；已收到的应答会打印并保存在历史记录的暂存区中）；7 无权操作：已登录账户的角色不允许核验（已记录）；8 登录失败；9 结果未知：请求已发出但没有收到应答，可能已计费（不会重试；可使用 --retry CASE_ID 重试，它会沿用原 MerchantBizId）。</translation>
    </message>
    <message>
        <source>Send a case whose outcome is unknown (exit 9) again, under its own MerchantBizId and linked to it; its name and ID number come from the history (the reveal is recorded).</source>
        <translation>再次发送结果未知（退出码 9）的案件，沿用其 MerchantBizId 并与之关联；其姓名和身份证号取自历史记录（显示操作会被记录）。</translation>
    </message>
    <message>
        <source>The training sandbox could not start: %1</source>
        <translation>培训沙箱无法启动：%1</translation>
    </message>
    <message>
        <source>Proves: %1</source>
        <translation>证明：%1</translation>
    </message>
    <message>
        <source>Not confirmed: %1</source>
        <translation>尚未确认：%1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>接入点：%1</translation>
    </message>
    <message>
        <source>AccessKey: %1 (%2)</source>
        <translation>AccessKey：%1（%2）</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Message：%1</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>Sends one signed Id2MetaPeriodVerifyIntl request that cannot be billed: it names no person (no name, no ID number, no dates), so the service must refuse it for a missing parameter. The answer says whether the endpoint, the TLS certificate, the AccessKey and this computer&apos;s clock work. Nothing is recorded in the audit history.

The AccessKey is looked for as the provider&apos;s tools look for it: the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN), ~/.aliyun/config.json, ~/.alibabacloud/credentials.ini, then the key saved in Settings. The secret is never printed.

&quot;Accepted&quot; relies on the gateway checking the signature before the parameters, an order the provider does not document; whether the RAM user has AliyunAntCloudAuthFullAccess and whether ID Verification is activated stay unconfirmed.

Exit codes: 0 signature and clock accepted; 3 no credentials or bad arguments; 4 the service refused (signature, AccessKey, permission, not activated, clock) or answered something else; 5 network, TLS, DNS or proxy failure.</source>
        <translation>发送一个不会计费的已签名 Id2MetaPeriodVerifyIntl 请求：请求中不含任何个人信息（没有姓名、身份证号码和日期），因此服务必然以缺少参数为由拒绝它。由应答可知接入点、TLS 证书、AccessKey 和本机时钟是否正常。审计记录中不会留下任何内容。

AccessKey 的查找顺序与服务商的工具相同：环境变量（ALIBABA_CLOUD_ACCESS_KEY_ID、ALIBABA_CLOUD_ACCESS_KEY_SECRET、ALIBABA_CLOUD_SECURITY_TOKEN）、~/.aliyun/config.json、~/.alibabacloud/credentials.ini，最后是在“设置”中保存的密钥。Secret 绝不会被打印。

“已接受”这一结论依赖于网关先校验签名、后校验参数，而服务商并未公开这一顺序；RAM 用户是否拥有 AliyunAntCloudAuthFullAccess、身份核验服务是否已开通，仍未得到确认。

退出码：0 签名和时钟已被接受；3 没有凭据或参数有误；4 服务拒绝了请求（签名、AccessKey、权限、未开通、时钟）或返回了其他应答；5 网络、TLS、DNS 或代理故障。</translation>
    </message>
    <message>
        <source>Test the built-in training sandbox with its public AccessKey.</source>
        <translation>使用内置培训沙箱及其公开的 AccessKey 进行测试。</translation>
    </message>
    <message>
        <source>--training tests the built-in sandbox; --endpoint and --ca-file cannot be given with it.</source>
        <translation>--training 测试的是内置沙箱，不能同时指定 --endpoint 或 --ca-file。</translation>
    </message>
    <message>
        <source>--limit needs a positive number.</source>
        <translation>--limit 需要一个正数。</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4 %5 %6
</source>
        <translation>%1 %2 %3 %4 %5 %6
</translation>
    </message>
    <message>
        <source>CASE</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>ASSIGNEE</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>SUBCODE</source>
        <translation>SUBCODE</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source> overdue</source>
        <translation> 已超时</translation>
    </message>
    <message>
        <source>%1 in the queue, %2 overdue (SLA %3 h).
</source>
        <translation>队列中 %1 件，超时 %2 件（时限 %3 小时）。
</translation>
    </message>
    <message>
        <source>Case %1: %2
</source>
        <translation>案件 %1：%2
</translation>
    </message>
    <message>
        <source>Case %1: not in the review queue
</source>
        <translation>案件 %1：不在复核队列中
</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>Linked case: %1</source>
        <translation>关联案件：%1</translation>
    </message>
    <message>
        <source>--four-eyes is on or off.</source>
        <translation>--four-eyes 的值为 on 或 off。</translation>
    </message>
    <message>
        <source>four-eyes: %1, SLA: %2 h
</source>
        <translation>四眼原则：%1，时限：%2 小时
</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>review attach needs CASE and at least one FILE.</source>
        <translation>review attach 需要案件编号和至少一个文件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1  %2 attached to case %3
</source>
        <translation>%1  %2 已关联到案件 %3
</translation>
    </message>
    <message>
        <source>The manual-review queue (masked), for scripts and tests.
  review queue [--state S,...] [--assignee NAME|-] [--subcode CODE] [--json]
  review open|claim|release|withdraw CASE [--note TEXT]
  review reassign CASE --to NAME
  review propose CASE --decision approve|reject|escalate --reason CODE --note TEXT
  review approve CASE | review decline CASE --note TEXT
  review reopen CASE --reason TEXT
  review note CASE --note TEXT | review attach CASE FILE...
  review show CASE [--json]   the case&apos;s timeline
  review reasons [--json] | review reason-set --reason CODE --label TEXT [--retire]
  review policy [--four-eyes on|off] [--sla-hours N]
Sign in with --user NAME (password from EKYC_DESK_PASSWORD).
Exit codes: 0 done; 3 bad arguments (unknown case or reason code, missing note); 6 the history cannot be opened; 7 not permitted or a transition the review&apos;s state refuses; 8 sign-in failed.</source>
        <translation>人工复核队列（已打码），供脚本和测试使用。
  review queue [--state S,...] [--assignee NAME|-] [--subcode CODE] [--json]
  review open|claim|release|withdraw CASE [--note TEXT]
  review reassign CASE --to NAME
  review propose CASE --decision approve|reject|escalate --reason CODE --note TEXT
  review approve CASE | review decline CASE --note TEXT
  review reopen CASE --reason TEXT
  review note CASE --note TEXT | review attach CASE FILE...
  review show CASE [--json]   案件时间线
  review reasons [--json] | review reason-set --reason CODE --label TEXT [--retire]
  review policy [--four-eyes on|off] [--sla-hours N]
使用 --user NAME 登录（密码取自 EKYC_DESK_PASSWORD）。
退出码：0 完成；3 参数错误（未知案件或原因代码、缺少备注）；6 无法打开历史记录；7 无权限或复核状态不允许该操作；8 登录失败。</translation>
    </message>
    <message>
        <source>queue, open, claim, propose, approve, show, ...</source>
        <translation>queue、open、claim、propose、approve、show 等</translation>
    </message>
    <message>
        <source>review %1 needs the case id.</source>
        <translation>review %1 需要案件编号。</translation>
    </message>
    <message>
        <source>queue: only these states (open, in_review, proposed, escalated, approved, rejected, reopened; comma-separated).</source>
        <translation>queue：仅列出这些状态（open、in_review、proposed、escalated、approved、rejected、reopened；以逗号分隔）。</translation>
    </message>
    <message>
        <source>queue: claimed by NAME (- for nobody).</source>
        <translation>queue：由 NAME 认领的案件（- 表示无人认领）。</translation>
    </message>
    <message>
        <source>queue: only cases with this SubCode.</source>
        <translation>queue：仅列出该 SubCode 的案件。</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>CODE</translation>
    </message>
    <message>
        <source>queue: at most N cases (default 200).</source>
        <translation>queue：最多 N 件（默认 200）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>propose: approve, reject or escalate.</source>
        <translation>propose：approve（通过）、reject（拒绝）或 escalate（上报）。</translation>
    </message>
    <message>
        <source>DECISION</source>
        <translation>DECISION</translation>
    </message>
    <message>
        <source>propose: a reason code in force (see `review reasons`); reopen: why, in words (- reads it from stdin).</source>
        <translation>propose：一个现行的原因代码（见 `review reasons`）；reopen：用文字说明原因（- 表示从标准输入读取）。</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>REASON</translation>
    </message>
    <message>
        <source>The note (required for propose, decline and note; - reads it from stdin, which keeps it out of the process list).</source>
        <translation>备注（propose、decline 和 note 必填；- 表示从标准输入读取，这样备注不会出现在进程列表中）。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>reassign: the account that takes the case.</source>
        <translation>reassign：接手案件的账户。</translation>
    </message>
    <message>
        <source>reason-set: the label people read.</source>
        <translation>reason-set：显示给用户的名称。</translation>
    </message>
    <message>
        <source>reason-set: take the code out of use.</source>
        <translation>reason-set：停用该代码。</translation>
    </message>
    <message>
        <source>policy: on or off.</source>
        <translation>policy：on 或 off。</translation>
    </message>
    <message>
        <source>on|off</source>
        <translation>on|off</translation>
    </message>
    <message>
        <source>policy: hours before a case is overdue.</source>
        <translation>policy：案件超时前的小时数。</translation>
    </message>
    <message>
        <source>JSON output (queue and show: one object per line).</source>
        <translation>JSON 输出（queue 和 show：每行一个对象）。</translation>
    </message>
    <message>
        <source>cases (the cases of the filter) or events (the raw events of the range).</source>
        <translation>cases（筛选条件下的案件）或 events（范围内的原始事件）。</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>WHAT</translation>
    </message>
    <message>
        <source>First day of the range (YYYY-MM-DD, local time).</source>
        <translation>范围的第一天（YYYY-MM-DD，本地时间）。</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>Last day of the range, included (YYYY-MM-DD, local time).</source>
        <translation>范围的最后一天，含当天（YYYY-MM-DD，本地时间）。</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>The file to write; the manifest goes beside it (FILE.manifest.json).</source>
        <translation>要写入的文件；清单写在其旁边（FILE.manifest.json）。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>CSV for Excel: starts with a UTF-8 byte-order mark.</source>
        <translation>供 Excel 使用的 CSV：以 UTF-8 字节顺序标记开头。</translation>
    </message>
    <message>
        <source>A filter of the history browser, KEY=VALUE (repeatable; cases only).</source>
        <translation>历史记录浏览器的筛选条件，KEY=VALUE（可重复；仅用于案件）。</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>KEY=VALUE</translation>
    </message>
    <message>
        <source>Names and ID numbers in clear (supervisors, with --reason; recorded).</source>
        <translation>以明文导出姓名和证件号码（仅限主管，需 --reason；会被记录）。</translation>
    </message>
    <message>
        <source>Why an unmasked export is made.</source>
        <translation>进行明文导出的原因。</translation>
    </message>
    <message>
        <source>--what: expected cases or events.</source>
        <translation>--what：应为 cases 或 events。</translation>
    </message>
    <message>
        <source>Give the file to write with --out PATH.</source>
        <translation>请用 --out PATH 指定要写入的文件。</translation>
    </message>
    <message>
        <source>--filter is for cases; an events export takes --from and --to.</source>
        <translation>--filter 仅用于案件；事件导出只接受 --from 和 --to。</translation>
    </message>
    <message>
        <source>--filter: expected KEY=VALUE, got %1.</source>
        <translation>--filter：应为 KEY=VALUE，实际为 %1。</translation>
    </message>
    <message>
        <source>Exported %1 row(s) to %2
Manifest %3 (SHA-256 %4)
</source>
        <translation>已导出 %1 行到 %2
清单 %3（SHA-256 %4）
</translation>
    </message>
    <message>
        <source>BROKEN: %1</source>
        <translation>已损坏：%1</translation>
    </message>
    <message>
        <source>verify MANIFEST: check an export</source>
        <translation>verify MANIFEST：检查一次导出</translation>
    </message>
    <message>
        <source>Use: export --out PATH ... | export verify MANIFEST (see export --help).</source>
        <translation>用法：export --out PATH ... | export verify MANIFEST（见 export --help）。</translation>
    </message>
    <message>
        <source>csv, jsonl or pdf (a report of cases).</source>
        <translation>csv、jsonl 或 pdf（案件报告）。</translation>
    </message>
    <message>
        <source>--format: expected csv, jsonl or pdf.</source>
        <translation>--format：应为 csv、jsonl 或 pdf。</translation>
    </message>
    <message>
        <source>Exports the history, with a manifest that proves the export.
  export --what cases|events --from YYYY-MM-DD --to YYYY-MM-DD --format csv|jsonl|pdf --out PATH
         [--excel] [--filter KEY=VALUE ...] [--unmasked --reason TEXT] [--db PATH|URL] [--user NAME]
      cases: the cases of the filter (the history browser&apos;s keys), masked unless --unmasked (supervisors only, with a reason; recorded). events: every event of the range with its sequence number, canonical fields and hash, so the chain can be recomputed over the file. Writes PATH and PATH.manifest.json (the file&apos;s SHA-256, rows, filter, range, chain head, the previous export&apos;s manifest hash, an HMAC) and records an export_made event. Supervisors and auditors export. CSV cells that start with = + - @ TAB CR or &apos; get a &apos; in front, so that no spreadsheet runs them as formulas. pdf (cases only): an A4 report with a summary by outcome, a chart of cases per day, the cases table (masked unless --unmasked) and the chain facts.
  export verify MANIFEST [--db PATH|URL]
      Checks the file against its manifest and the chain inside an events export; with --db also the HMAC, the range against the history and the export chain (keep the exports of a history in one folder).
Exit codes: 0 OK; 3 bad arguments, or no manifest there; 6 the history cannot be opened or the file cannot be written; 7 not permitted; 8 sign-in failed; 10 the file differs from its manifest (or is missing); 11 the chain inside the file is broken; 12 the manifest was changed; 13 the history no longer matches the export; 14 the export chain is broken.</source>
        <translation>导出历史记录，并附带可证明导出内容的清单。
  export --what cases|events --from YYYY-MM-DD --to YYYY-MM-DD --format csv|jsonl|pdf --out PATH
         [--excel] [--filter KEY=VALUE ...] [--unmasked --reason TEXT] [--db PATH|URL] [--user NAME]
      cases：筛选条件下的案件（键与历史记录浏览器相同），默认打码；--unmasked 仅限主管，需给出原因，并会被记录。events：范围内的每个事件，带序号、规范字段和哈希，可据此在文件上重新计算哈希链。写入 PATH 和 PATH.manifest.json（文件的 SHA-256、行数、筛选条件、范围、链头、上一次导出的清单哈希、HMAC），并记录一条 export_made 事件。主管和审计员可以导出。以 = + - @ TAB CR 或 &apos; 开头的 CSV 单元格前会加一个 &apos;，使电子表格不会把它当作公式执行。pdf（仅限 cases）：一份 A4 报告，含按结果的汇总、每日案件数图表、案件表（默认打码，除非 --unmasked）和哈希链信息。
  export verify MANIFEST [--db PATH|URL]
      按清单检查文件，并检查事件导出文件内部的哈希链；加 --db 时还检查 HMAC、范围与历史记录是否一致以及导出链（请把同一历史记录的导出文件放在同一文件夹中）。
退出码：0 正常；3 参数错误，或该处没有清单；6 无法打开历史记录或无法写入文件；7 无权执行；8 登录失败；10 文件与清单不符（或文件缺失）；11 文件内部的哈希链断裂；12 清单被改动；13 历史记录与导出内容不再一致；14 导出链断裂。</translation>
    </message>
    <message>
        <source>Row %1 (line %2) refused, not sent: %3</source>
        <translation>第 %1 行（文件第 %2 行）被拒绝，未发送：%3</translation>
    </message>
    <message>
        <source>Row %1 (line %2) warning: %3</source>
        <translation>第 %1 行（文件第 %2 行）警告：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have warnings (listed above). Check them, then run again with --accept-warnings to send them. Nothing was sent.</source>
        <translation>
            <numerusform>%n 行有警告（见上方列表）。请检查后使用 --accept-warnings 重新运行以发送它们。未发送任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have warnings (listed above). Send them anyway? [y/N] </source>
        <translation>
            <numerusform>%n 行有警告（见上方列表）。仍要发送吗？[y/N] </numerusform>
        </translation>
    </message>
    <message>
        <source>Resuming the batch begun %1 with this input: rows already answered are not sent again.</source>
        <translation>继续 %1 开始的同一输入的批次：已有答复的行不会再次发送。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were sent without an answer and may have been billed; they are marked &quot;unknown&quot; in %1 and are not sent again unless you add --retry-unknown.</source>
        <translation>
            <numerusform>%n 行已发送但未收到答复，可能已计费；它们在 %1 中标记为“unknown”，除非加上 --retry-unknown，否则不会再次发送。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The service throttled %n attempt(s); the whole batch slowed down (now %1 requests per second).</source>
        <translation>
            <numerusform>服务限流了 %n 次尝试；整个批次已放慢（现为每秒 %1 个请求）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Results: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>The CSV file of cases.</source>
        <translation>案件的 CSV 文件。</translation>
    </message>
    <message>
        <source>Where the results are written.</source>
        <translation>结果写入的位置。</translation>
    </message>
    <message>
        <source>Write the results as JSON Lines instead of CSV.</source>
        <translation>以 JSON Lines 而非 CSV 写入结果。</translation>
    </message>
    <message>
        <source>SceneCode for rows that have none.</source>
        <translation>用于未给出 SceneCode 的行。</translation>
    </message>
    <message>
        <source>Send rows that have plausibility warnings.</source>
        <translation>发送带有合理性警告的行。</translation>
    </message>
    <message>
        <source>Send again the rows an earlier run sent without an answer (they may have been billed).</source>
        <translation>再次发送此前运行已发送但未收到答复的行（它们可能已计费）。</translation>
    </message>
    <message>
        <source>Give the input with --in FILE and where the results go with --out FILE.</source>
        <translation>请用 --in FILE 指定输入，用 --out FILE 指定结果位置。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Usage: ekyc-desk-cli &lt;command&gt; [options]

Commands:
  verify           Check a case locally, then verify it with Id2MetaPeriodVerifyIntl
  batch            Verify a list of cases from a CSV file (resumable)
  test-connection  One signed call that cannot be billed: endpoint, TLS, AccessKey and clock
  sandbox          Run the training sandbox on loopback for other clients
  history          List recent cases from the audit history (masked)
  audit            Verify the audit history&apos;s hash chain, or export its head hash
  accounts         Manage the people who sign in (supervisors only)
  review           The manual-review queue: claim, propose, approve, show a case&apos;s timeline
  export           Export cases or events with a manifest that proves them; verify an export
  dev              Developer tools (seed a synthetic history)

Run &apos;ekyc-desk-cli &lt;command&gt; --help&apos; for the options of a command.
</source>
        <translation>用法：ekyc-desk-cli &lt;命令&gt; [选项]

命令：
  verify           在本地检查案件，然后使用 Id2MetaPeriodVerifyIntl 核验
  batch            从 CSV 文件核验一批案件（可续跑）
  test-connection  一次不会计费的签名调用：检查端点、TLS、AccessKey 和时钟
  sandbox          在本机回环地址上为其他客户端运行培训沙盒
  history          列出审计历史中最近的案件（已打码）
  audit            校验审计历史的哈希链，或导出其链头哈希
  accounts         管理登录人员（仅限主管）
  review           人工复核队列：认领、提出决定、批准、查看案件时间线
  export           导出案件或事件，并附带可自证的清单；校验导出文件
  dev              开发工具（生成模拟历史记录）

运行 &apos;ekyc-desk-cli &lt;命令&gt; --help&apos; 查看某个命令的选项。
</translation>
    </message>
    <message>
        <source>Appends one line per complete request received to FILE, flushed at once: a JSON object with ms (arrival time, milliseconds since the epoch, taken when the request had been read completely), time (the same in ISO 8601 UTC), status (the HTTP status answered, 0 when dropped), method, path, action (the x-acs-action header) and code (the answer&apos;s Code).</source>
        <translation>每收到一个完整请求，就向 FILE 追加一行并立即写入磁盘：一个 JSON 对象，包含 ms（到达时间，自纪元起的毫秒数，在请求完整读取后记录）、time（同一时间，ISO 8601 UTC 格式）、status（应答的 HTTP 状态码，连接被断开时为 0）、method、path、action（x-acs-action 请求头）和 code（应答中的 Code）。</translation>
    </message>
    <message>
        <source>--request-log: cannot open %1: %2</source>
        <translation>--request-log：无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Interrupted: no more rows are sent; the calls in flight finish and are recorded, then the results are written. Interrupt again to quit at once (run the same command later to resume).</source>
        <translation>已中断：不再发送新的行；进行中的调用完成并记录后写出结果。再中断一次可立即退出（之后运行同一命令即可续跑）。</translation>
    </message>
    <message>
        <source>Interrupted: the rows not yet sent were not sent. Run the same command to send them.</source>
        <translation>已中断：尚未发送的行没有发送。运行同一命令即可发送它们。</translation>
    </message>
    <message>
        <source>Calls in flight at once, each on a connection of its own, 1 to %1 (default %1), always within the rate limit.</source>
        <translation>同时进行的调用数，每个调用使用自己的连接，1 到 %1（默认 %1），始终不超过速率限制。</translation>
    </message>
    <message>
        <source>--parallel: expected a number from 1 to %1.</source>
        <translation>--parallel：应为 1 到 %1 之间的数字。</translation>
    </message>
    <message>
        <source>--parallel %1: at most %2 calls run at once, each on a connection of its own; %2 it is.</source>
        <translation>--parallel %1：同时最多运行 %2 个调用，每个调用使用自己的连接；按 %2 运行。</translation>
    </message>
    <message>
        <source>There is no case %1 in this history.</source>
        <translation>此历史中没有案例 %1。</translation>
    </message>
    <message>
        <source>--filter: %1 is given more than once.</source>
        <translation>--filter：%1 给出了不止一次。</translation>
    </message>
    <message>
        <source>Verify a list again that was already begun in this history, as a new batch (every row is sent and billed again). A batch whose journal is beside --out resumes instead: give another --out to start anew.</source>
        <translation>把已在此历史中开始过的列表作为新批次再次核验（每一行都会再次发送并再次计费）。若 --out 旁已有该批次的日志，则会续跑：如要重新开始，请给出另一个 --out。</translation>
    </message>
    <message>
        <source>To verify the list anyway, add --again.</source>
        <translation>如仍要核验此列表，请加上 --again。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of this list were in the list verified before with these results: their earlier outcomes are in %1, marked earlier_run, and were not sent again.</source>
        <translation>
            <numerusform>此列表中有 %n 行在之前以同一结果文件核验的列表中：它们之前的结果写在 %1 中（标记为 earlier_run），没有再次发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifies a list of cases from a CSV file (UTF-8, with or without a byte-order mark; GBK is refused with how to convert it). The header names the columns name, id_number, start, end and optionally scene, user_id, merchant_biz_id, in any order; start and end are YYYYMMDD, end may be long-term or 长期.

Every row is checked locally first: refused rows are listed with the field and reason and never sent (a row with the same name, ID number and dates as an earlier row is refused too: a case is sent once per list); rows with a warning are sent only with --accept-warnings (or a yes on the terminal). Each row becomes a case in the audit history, recorded before it is sent, exactly like verify. Every answered call is billed; in training mode nothing is.

The output has one row per input row: outcome (passed, not_passed, refused, error, unknown, not_sent), SubCode, explanation, RequestId, MerchantBizId, case id and error; names and ID numbers masked.

Resumable: run the same command again after an interruption (even kill -9): rows already answered are not sent again, rows that failed without being billed are sent again, and rows sent without an answer are listed as unknown and not sent again unless --retry-unknown. The batch is kept in OUT.batch.json. A list corrected or extended and run again with the same --out sends only its new rows: the rows of the list verified there before report their earlier outcomes from the history.

A list already verified in this history that cannot be resumed (its OUT.batch.json deleted, or another --out given) is refused, since every row would be sent and billed again: give its earlier --out to resume it, or add --again. Another list given the --out of a batch that left rows to resume (not sent, not answered, failed, or killed) is refused as well, so that batch can still resume: resume it first, or delete its OUT.batch.json.

The requests share the rate limit (setting api/rateLimitQps) and slow down together when the service throttles.

Exit codes: 0 every row answered (see each outcome); 3 refused before sending (a missing or bad option, the file, the list already begun, its --out in use or holding another list&apos;s batch, every row refused), or warnings not accepted; 4 some rows ended in an error (not billed: run again to resend them); 6 the audit history cannot be opened or stopped recording (nothing more was sent), or the results cannot be written; 7 not permitted; 8 sign-in failed; 9 some rows&apos; outcome is unknown; 10 some rows refused by the pre-check (not sent), the others answered; 130 interrupted (Ctrl-C, SIGTERM or the terminal closed: nothing more was sent, the calls in flight were recorded and the results written; a second Ctrl-C quits at once).</source>
        <translation>从 CSV 文件核验一批案件（UTF-8，可带或不带字节顺序标记；GBK 会被拒绝，并说明如何转换）。表头给出列 name、id_number、start、end，可选 scene、user_id、merchant_biz_id，顺序不限；start 和 end 为 YYYYMMDD，end 可为 long-term 或 长期。

每一行先在本地检查：被拒绝的行会列出字段和原因，且绝不发送（与前面某行姓名、身份证号码和有效期都相同的行也会被拒绝：同一案件在一份列表中只发送一次）；带警告的行只有在使用 --accept-warnings（或在终端回答 yes）时才发送。每一行都会成为审计历史中的一个案件，在发送前记录，与 verify 完全相同。每次有答复的调用都会计费；培训模式下不计费。

输出中每个输入行对应一行：结果（passed、not_passed、refused、error、unknown、not_sent）、SubCode、说明、RequestId、MerchantBizId、案件编号和错误；姓名和证件号码已打码。

可续跑：中断后（即使是 kill -9）再次运行同一命令：已有答复的行不会再次发送，未计费的失败行会再次发送，已发送但无答复的行列为 unknown，除非使用 --retry-unknown 否则不会再次发送。批次信息保存在 OUT.batch.json 中。修改或扩充后的列表以同一个 --out 再次运行时只发送新的行：之前在此核验过的列表中的行会从历史中报告它们之前的结果。

已在此历史中核验过、但无法续跑的列表（其 OUT.batch.json 已删除，或给了另一个 --out）会被拒绝，因为每一行都会再次发送并再次计费：给出之前的 --out 以续跑，或加上 --again。若某批次仍有待续的行（未发送、未获答复、失败或被强行终止），另一份列表使用它的 --out 同样会被拒绝，以便该批次仍能续跑：请先续跑它，或删除其 OUT.batch.json。

所有请求共享速率限制（设置 api/rateLimitQps），服务限流时一起放慢。

退出码：0 每行都有答复（见各行结果）；3 发送前即被拒绝（缺少或错误的选项、文件本身、列表已开始过、其 --out 正被使用或保存着另一份列表的批次、所有行均被拒绝），或未接受警告；4 部分行以错误结束（未计费：再次运行即可重新发送）；6 无法打开审计历史或其停止记录（不再发送任何内容），或无法写出结果；7 无权限；8 登录失败；9 部分行结果未知；10 部分行未通过预检而被拒绝（未发送），其余各行均有答复；130 已中断（Ctrl-C、SIGTERM 或终端关闭：不再发送，进行中的调用已记录，结果已写出；再按一次 Ctrl-C 立即退出）。</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <source>--case: cannot read %1: %2</source>
        <translation>--case：无法读取 %1：%2</translation>
    </message>
    <message>
        <source>--case: %1 holds more than one case&apos;s worth of text; verify a list with: ekyc-desk-cli batch</source>
        <translation>--case：%1 的内容超出一个案件所需；核验名单请用：ekyc-desk-cli batch</translation>
    </message>
    <message>
        <source>--case: %1</source>
        <translation>--case：%1</translation>
    </message>
    <message>
        <source>--case: %1 holds no case under its header line.</source>
        <translation>--case：%1 的表头行下没有案件。</translation>
    </message>
    <message>
        <source>--case: %1 holds %2 cases; verify a list with: ekyc-desk-cli batch</source>
        <translation>--case：%1 含有 %2 个案件；核验名单请用：ekyc-desk-cli batch</translation>
    </message>
    <message>
        <source>Name as on the ID card (other users of this machine can see it in the process list: --case keeps it off the command line).</source>
        <translation>与身份证上一致的姓名（本机其他用户可在进程列表中看到它：--case 可使其不出现在命令行上）。</translation>
    </message>
    <message>
        <source>18-character resident ID number (seen in the process list too, as --name).</source>
        <translation>18 位居民身份证号码（与 --name 一样会出现在进程列表中）。</translation>
    </message>
    <message>
        <source>Read the case from FILE, or from standard input for -, instead of --name, --id-number, --start, --end, --long-term, --scene, --user-id and --merchant-biz-id: CSV as a batch list takes it (a header line naming name, id_number, start, end and optionally scene, user_id, merchant_biz_id), with one case.</source>
        <translation>从 FILE 读取案件（- 表示标准输入），代替 --name、--id-number、--start、--end、--long-term、--scene、--user-id 和 --merchant-biz-id：格式与批量核验名单相同的 CSV（表头行列出 name、id_number、start、end，以及可选的 scene、user_id、merchant_biz_id），只含一个案件。</translation>
    </message>
    <message>
        <source>--case takes the whole case from its file; --%1 cannot be given with it.</source>
        <translation>--case 从文件读取整个案件；不能同时给出 --%1。</translation>
    </message>
    <message>
        <source>OK %1 row(s) in %2: the file, its manifest, its HMAC and the export chain match the history.</source>
        <translation>正常，%2 共 %1 行：文件、清单、HMAC 和导出链均与历史记录一致。</translation>
    </message>
    <message>
        <source>OK %1 row(s) in %2: the file matches its manifest (give --db to check the HMAC and the history too).</source>
        <translation>正常，%2 共 %1 行：文件与清单一致（加 --db 可同时检查 HMAC 和历史记录）。</translation>
    </message>
    <message>
        <source>--role: &quot;%1&quot; is not a role; give reviewer, supervisor or auditor.</source>
        <translation>--role：“%1”不是一个角色；请给出 reviewer、supervisor 或 auditor。</translation>
    </message>
    <message>
        <source>--sla-hours: &quot;%1&quot; is not a whole number of hours (1 to 720).</source>
        <translation>--sla-hours：“%1”不是整数小时数（1 至 720）。</translation>
    </message>
</context>
<context>
    <name>ConnectionTestResult</name>
    <message>
        <source> This computer&apos;s clock is about %1 minutes ahead of the service&apos;s.</source>
        <translation>本机时钟比服务端快约 %1 分钟。</translation>
    </message>
    <message>
        <source> This computer&apos;s clock is about %1 minutes behind the service&apos;s.</source>
        <translation>本机时钟比服务端慢约 %1 分钟。</translation>
    </message>
    <message>
        <source>The connection to %1 was refused: nothing accepts connections there. Check the endpoint and its port, and any firewall.</source>
        <translation>连接 %1 被拒绝：该地址上没有服务接受连接。请检查接入点及其端口，以及防火墙设置。</translation>
    </message>
    <message>
        <source>%1 did not answer within the time limit. Check the network connection, any firewall and the proxy settings.</source>
        <translation>%1 未在时限内应答。请检查网络连接、防火墙和代理设置。</translation>
    </message>
    <message>
        <source>The connection to %1 broke before an answer arrived (%2). Check the network connection, any firewall and the proxy settings.</source>
        <translation>与 %1 的连接在收到应答前中断（%2）。请检查网络连接、防火墙和代理设置。</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2, but not in the provider&apos;s format (%3). Check that the endpoint is an ID Verification endpoint and that no proxy or captive portal answers in its place.</source>
        <translation>%1 返回了 HTTP %2，但应答不是服务商的格式（%3）。请确认该接入点确为身份核验服务的接入点，并且没有代理或认证门户代替它应答。</translation>
    </message>
    <message>
        <source>The service at %1 answered HTTP %2 with the code %3 and the message &quot;%4&quot; (as it sent them). From this answer the test cannot tell whether the AccessKey and the clock work; look the code up in the provider&apos;s documentation, with the RequestId.</source>
        <translation>%1 上的服务返回了 HTTP %2，错误码 %3，消息“%4”（均为服务原文）。仅凭此应答无法判断 AccessKey 和时钟是否正常；请结合 RequestId 在服务商文档中查找该错误码。</translation>
    </message>
    <message>
        <source>The service at %1 accepted the signature made with %2 and the request&apos;s time stamp, then refused the request as expected, because it names no person (%3). No verification was made and nothing was billed.</source>
        <translation>%1 上的服务接受了用 %2 生成的签名和请求的时间戳，随后如预期那样拒绝了该请求，因为请求中不含任何个人信息（%3）。未进行任何核验，也未产生任何费用。</translation>
    </message>
    <message>
        <source>The service at %1 refused the request&apos;s signature (%2): the AccessKey secret does not match the ID of %3, or something on the way changed the signed headers. Enter the secret again (without spaces), or create a new AccessKey in the RAM console if the secret is lost.</source>
        <translation>%1 上的服务拒绝了请求的签名（%2）：%3 的 AccessKey Secret 与其 ID 不匹配，或者传输途中有设备改动了已签名的请求头。请重新输入 Secret（不要带空格）；如果 Secret 已丢失，请在 RAM 控制台中新建 AccessKey。</translation>
    </message>
    <message>
        <source>The service at %1 does not know the AccessKey ID of %2 (%3). Check the ID for typing errors, and that the key still exists in the RAM console.</source>
        <translation>%1 上的服务无法识别 %2 的 AccessKey ID（%3）。请检查 ID 是否有输入错误，并确认该密钥在 RAM 控制台中仍然存在。</translation>
    </message>
    <message>
        <source>The service at %1 knows the AccessKey of %2, but it is disabled (%3). Enable it in the RAM console, or use another AccessKey.</source>
        <translation>%1 上的服务识别 %2 的 AccessKey，但该密钥已被禁用（%3）。请在 RAM 控制台中启用它，或改用其他 AccessKey。</translation>
    </message>
    <message>
        <source>The service at %1 accepted the AccessKey of %2 but refused it this call (%3): the RAM user has no permission for ID Verification. Ask the account administrator to grant the AliyunAntCloudAuthFullAccess policy to this RAM user.</source>
        <translation>%1 上的服务接受了 %2 的 AccessKey，但拒绝了这次调用（%3）：该 RAM 用户没有身份核验服务的权限。请联系账户管理员为该 RAM 用户授予 AliyunAntCloudAuthFullAccess 权限策略。</translation>
    </message>
    <message>
        <source>The service at %1 identified the account of %2 but refused the call (%3): ID Verification is not activated for this Alibaba Cloud account, or the account has an overdue payment. Ask the account administrator to activate ID Verification or settle the payment.</source>
        <translation>%1 上的服务识别出了 %2 所属的账户，但拒绝了调用（%3）：该阿里云账户未开通身份核验服务，或账户已欠费。请联系账户管理员开通身份核验服务或结清欠费。</translation>
    </message>
    <message>
        <source>The service at %1 refused the request&apos;s time stamp (%2): this computer&apos;s clock is too far from the service&apos;s time (the gateway allows about 15 minutes). Turn on automatic time synchronisation, check the time zone, then test again.</source>
        <translation>%1 上的服务拒绝了请求的时间戳（%2）：本机时钟与服务端时间相差过大（网关允许约 15 分钟的偏差）。请开启自动时间同步并检查时区，然后重新测试。</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (%2). Certificate errors are never ignored. Check the endpoint; behind a proxy that inspects TLS, add its CA certificate as the extra CA file.</source>
        <translation>与 %1 的安全连接失败（%2）。证书错误绝不会被忽略。请检查接入点；如果经过会检查 TLS 流量的代理，请将该代理的 CA 证书添加为额外 CA 文件。</translation>
    </message>
    <message>
        <source>The proxy on the way to %1 failed or refused the connection (%2). Check the system proxy settings (the https_proxy and no_proxy environment variables, or the desktop&apos;s proxy settings).</source>
        <translation>通往 %1 的代理出错或拒绝了连接（%2）。请检查系统代理设置（环境变量 https_proxy 和 no_proxy，或桌面环境的代理设置）。</translation>
    </message>
    <message>
        <source>The host name %1 could not be found (DNS). Check the endpoint for typing errors, the network connection and the DNS settings; the hk-vpc endpoint resolves only inside Alibaba Cloud&apos;s Hong Kong network.</source>
        <translation>无法解析主机名 %1（DNS）。请检查接入点是否有输入错误，以及网络连接和 DNS 设置；hk-vpc 接入点只能在阿里云香港地域的内网中解析。</translation>
    </message>
    <message>
        <source>The endpoint is reachable over a verified TLS connection, the AccessKey ID exists and is enabled, the secret matches it, and this computer&apos;s clock is within the gateway&apos;s tolerance.</source>
        <translation>可以通过已验证的 TLS 连接访问接入点；AccessKey ID 存在且已启用，Secret 与之匹配，本机时钟也在网关允许的偏差范围内。</translation>
    </message>
    <message>
        <source>The endpoint is reachable over a verified TLS connection, and the AccessKey, its secret and this computer&apos;s clock were accepted: the gateway refuses a permission or an account only once it knows who signed.</source>
        <translation>可以通过已验证的 TLS 连接访问接入点，且 AccessKey、其 Secret 和本机时钟均已被接受：网关只有在确认签名者身份之后才会拒绝权限或账户。</translation>
    </message>
    <message>
        <source>A server answers at that address, but it could not prove that it is the service.</source>
        <translation>该地址上有服务器应答，但它无法证明自己就是该服务。</translation>
    </message>
    <message>
        <source>Nothing about the service: the request got no answer.</source>
        <translation>无法证明服务的任何情况：请求没有得到应答。</translation>
    </message>
    <message>
        <source>The endpoint is reachable over a verified TLS connection and answers.</source>
        <translation>可以通过已验证的 TLS 连接访问接入点，且接入点有应答。</translation>
    </message>
    <message>
        <source>Whether this AccessKey may call ID Verification (the AliyunAntCloudAuthFullAccess policy) and whether ID Verification is activated for the account: the gateway stopped at the missing parameter. This reading also relies on the gateway checking the signature before the parameters, an order the provider does not document.</source>
        <translation>此 AccessKey 是否有权调用身份核验服务（AliyunAntCloudAuthFullAccess 权限策略），以及该账户是否已开通身份核验服务：网关在缺少参数这一步就停止了。此外，这一结论依赖于网关先校验签名、后校验参数，而服务商并未公开这一顺序。</translation>
    </message>
    <message>
        <source>Whether ID Verification is activated for the account: the permission was refused first.</source>
        <translation>该账户是否已开通身份核验服务：权限检查先被拒绝了。</translation>
    </message>
    <message>
        <source>Whether the RAM user has the AliyunAntCloudAuthFullAccess policy: the account was refused first.</source>
        <translation>该 RAM 用户是否拥有 AliyunAntCloudAuthFullAccess 权限策略：账户检查先被拒绝了。</translation>
    </message>
    <message>
        <source>Whether the AccessKey secret matches its ID, the permission (AliyunAntCloudAuthFullAccess) and the activation of ID Verification: set the clock and test again.</source>
        <translation>AccessKey Secret 是否与其 ID 匹配、权限（AliyunAntCloudAuthFullAccess）以及身份核验服务是否已开通：请校准时钟后重新测试。</translation>
    </message>
    <message>
        <source>The clock, the permission (AliyunAntCloudAuthFullAccess) and the activation of ID Verification: the gateway stops at the first problem. Correct it and test again.</source>
        <translation>时钟、权限（AliyunAntCloudAuthFullAccess）以及身份核验服务是否已开通：网关在遇到第一个问题时就会停止。请改正后重新测试。</translation>
    </message>
    <message>
        <source>The AccessKey, the clock, the permission (AliyunAntCloudAuthFullAccess) and the activation of ID Verification were not tested.</source>
        <translation>AccessKey、时钟、权限（AliyunAntCloudAuthFullAccess）以及身份核验服务是否已开通，均未得到检验。</translation>
    </message>
    <message>
        <source>The server at %1 answered in plain HTTP, not TLS: check the endpoint URL&apos;s scheme and port.</source>
        <translation>%1 处的服务器以明文 HTTP 而非 TLS 应答：请检查接入点 URL 的协议（scheme）和端口。</translation>
    </message>
</context>
<context>
    <name>CredentialChain</name>
    <message>
        <source>%1 and %2 are not set</source>
        <translation>%1 和 %2 均未设置</translation>
    </message>
    <message>
        <source>%1 is set but %2 is not.</source>
        <translation>已设置 %1，但未设置 %2。</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>aliyun CLI configuration</source>
        <translation>aliyun CLI 配置文件</translation>
    </message>
    <message>
        <source>credentials file</source>
        <translation>凭据文件</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No AccessKey found. Looked at: %1.</source>
        <translation>未找到 AccessKey。已查找：%1。</translation>
    </message>
</context>
<context>
    <name>CredentialFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a credentials file.</source>
        <translation>%1 过大，不可能是凭据文件。</translation>
    </message>
    <message>
        <source>%1 is open to other users (mode %2); it is used all the same. Restrict it with: chmod 600 %1</source>
        <translation>%1 对其他用户开放（权限 %2），仍照常使用。请用以下命令限制权限：chmod 600 %1</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>AccessKey %1 from %2</source>
        <translation>AccessKey %1（来源：%2）</translation>
    </message>
    <message>
        <source>STS AccessKey %1 from %2</source>
        <translation>STS AccessKey %1（来源：%2）</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <source>training mode</source>
        <translation>培训模式</translation>
    </message>
</context>
<context>
    <name>CredentialsIni</name>
    <message>
        <source>Section [%1] of %2 (type = %3) has no %4.</source>
        <translation>%2 的节 [%1]（type = %3）缺少 %4。</translation>
    </message>
    <message>
        <source>Section [%1] of %2 has type = %3, which eKYC Desk does not support: it signs only with an AccessKey it is given. Use type = access_key, or type = sts with an STS token you got with the aliyun CLI.</source>
        <translation>%2 的节 [%1] 为 type = %3，eKYC Desk 不支持该类型：它只用直接提供给它的 AccessKey 签名。请使用 type = access_key，或使用 type = sts 并填入用 aliyun CLI 获取的 STS 令牌。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>credentials file %1, section [%2]</source>
        <translation>凭据文件 %1，节 [%2]</translation>
    </message>
    <message>
        <source>%1 has no section [%2].</source>
        <translation>%1 中没有节 [%2]。</translation>
    </message>
    <message>
        <source>no home folder and no %1</source>
        <translation>没有主目录，也未设置 %1</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 names %2, which does not exist.</source>
        <translation>%1 指定的 %2 不存在。</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>A double quote inside an unquoted CSV field.</source>
        <translation>未加引号的 CSV 字段中出现了双引号。</translation>
    </message>
    <message>
        <source>A quoted CSV field is not closed.</source>
        <translation>加引号的 CSV 字段没有结束引号。</translation>
    </message>
    <message>
        <source>Text after a closing quote in a CSV field.</source>
        <translation>CSV 字段的结束引号后还有文字。</translation>
    </message>
    <message>
        <source>A line ends with a lone carriage return (CR) in the CSV.</source>
        <translation>CSV 中有一行以单独的回车符（CR）结尾。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Cannot read the dashboard: %1</source>
        <translation>无法读取统计看板：%1</translation>
    </message>
    <message>
        <source>The dashboard needs a range whose start is before its end.</source>
        <translation>统计看板的范围起点必须早于终点。</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>&amp;Range:</source>
        <translation>范围(&amp;R):</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Re&amp;viewer:</source>
        <translation>审核员(&amp;V):</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Verifications</source>
        <translation>核验数</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <source>202 not in database</source>
        <translation>202 库中无记录</translation>
    </message>
    <message>
        <source>223 mismatch</source>
        <translation>223 信息不一致</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Manual-review backlog</source>
        <translation>人工复核积压</translation>
    </message>
    <message>
        <source>Billed calls</source>
        <translation>计费调用</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>202</source>
        <translation>202</translation>
    </message>
    <message>
        <source>223</source>
        <translation>223</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>The dashboard cannot be read: %1</source>
        <translation>无法读取统计看板：%1</translation>
    </message>
    <message>
        <source>%1 (%2 pending)</source>
        <translation>%1（%2 件待处理）</translation>
    </message>
    <message>
        <source>none (training)</source>
        <translation>无（培训）</translation>
    </message>
    <message>
        <source>Errors by kind: failed, not billed %1 · refused by the service %2 · outcome unknown, may have been billed %3. Answers with another SubCode: %4.</source>
        <translation>按类型的错误：失败，未计费 %1 · 被服务拒绝 %2 · 结果未知，可能已计费 %3。其他 SubCode 的应答：%4。</translation>
    </message>
    <message>
        <source>Backlog by age: under 1 h %1 · 1 to 8 h %2 · 8 to 24 h %3 · 24 h and more %4 · overdue %5.</source>
        <translation>积压时长：不足 1 小时 %1 · 1 至 8 小时 %2 · 8 至 24 小时 %3 · 24 小时及以上 %4 · 已逾期 %5。</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>无待处理</translation>
    </message>
    <message numerus="yes">
        <source>%n open, oldest %1</source>
        <translation>
            <numerusform>%n 件待处理，最早 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Other answer</source>
        <translation>其他应答</translation>
    </message>
    <message>
        <source>Verifications per month by outcome</source>
        <translation>按结果统计的每月核验数</translation>
    </message>
    <message>
        <source>Verifications per day by outcome</source>
        <translation>按结果统计的每日核验数</translation>
    </message>
    <message>
        <source>Training calls are never billed</source>
        <translation>培训调用从不计费</translation>
    </message>
    <message>
        <source>Answered calls (every answer is billed)</source>
        <translation>已应答的调用（每次应答均计费）</translation>
    </message>
    <message>
        <source>Billed calls per month</source>
        <translation>每月计费调用</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>结束日期（含当天）</translation>
    </message>
</context>
<context>
    <name>EndpointConfig</name>
    <message>
        <source>Endpoint: &quot;%1&quot; is not a valid URL. Use hk-internet, hk-vpc or an https:// URL.</source>
        <translation>接入点：“%1”不是有效的 URL。请使用 hk-internet、hk-vpc 或 https:// URL。</translation>
    </message>
    <message>
        <source>Endpoint: only https:// endpoints are allowed; personal data is never sent unencrypted.</source>
        <translation>接入点：只允许 https:// 接入点；个人数据绝不以未加密方式发送。</translation>
    </message>
    <message>
        <source>CA file: cannot read %1 (%2).</source>
        <translation>CA 文件：无法读取 %1（%2）。</translation>
    </message>
    <message>
        <source>CA file: %1 holds no PEM certificate.</source>
        <translation>CA 文件：%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>Endpoint: the custom endpoint (setting api/customEndpoint, or --endpoint) must not contain a user name or password (user:password@host). Remove it: the AccessKey belongs in the OS keychain or the credentials file, a database password in the keychain, PGPASSWORD or ~/.pgpass.</source>
        <translation>接入点：自定义接入点（设置项 api/customEndpoint，或 --endpoint）不得包含用户名或密码（user:password@host）。请将其删除：AccessKey 应保存在系统钥匙串或凭据文件中，数据库密码应保存在系统钥匙串、PGPASSWORD 或 ~/.pgpass 中。</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>Cannot read the chain head: %1</source>
        <translation>无法读取链头：%1</translation>
    </message>
    <message>
        <source>Cannot append the event: %1</source>
        <translation>无法追加事件：%1</translation>
    </message>
    <message>
        <source>Cannot update the chain head: %1</source>
        <translation>无法更新链头：%1</translation>
    </message>
    <message>
        <source>The history&apos;s signing key is not available.</source>
        <translation>审计记录的签名密钥不可用。</translation>
    </message>
    <message>
        <source>Cannot sign the chain head: %1</source>
        <translation>无法为链头签名：%1</translation>
    </message>
    <message>
        <source>Cannot change the checkpoint interval: %1</source>
        <translation>无法修改检查点间隔：%1</translation>
    </message>
</context>
<context>
    <name>EventRange</name>
    <message>
        <source>Cannot read the events: %1</source>
        <translation>无法读取事件：%1</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>字符串列表</translation>
    </message>
    <message>
        <source>The %1 event has no %2.</source>
        <translation>%1 事件缺少 %2。</translation>
    </message>
    <message>
        <source>The %1 event&apos;s %2 is neither %3 nor null.</source>
        <translation>%1 事件的 %2 既不是%3，也不是 null。</translation>
    </message>
    <message>
        <source>The %1 event&apos;s %2 is not %3.</source>
        <translation>%1 事件的 %2 不是%3。</translation>
    </message>
    <message>
        <source>The %1 event has an invalid version.</source>
        <translation>%1 事件的版本无效。</translation>
    </message>
    <message>
        <source>The %1 event is version %2, newer than this version of eKYC Desk can read (up to version %3).</source>
        <translation>%1 事件为第 %2 版，比本版 eKYC Desk 能读取的版本更新（最高第 %3 版）。</translation>
    </message>
    <message>
        <source>Unknown audit event kind %1.</source>
        <translation>未知的审计事件类型 %1。</translation>
    </message>
    <message>
        <source>Expected a %1 event, not a %2 event.</source>
        <translation>应为 %1 事件，而不是 %2 事件。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>The &amp;cases of the current filter, one row each</source>
        <translation>当前筛选条件下的案件(&amp;C)，每个案件一行</translation>
    </message>
    <message>
        <source>The raw &amp;events of the filter&apos;s period, with their chain fields (auditor&apos;s view)</source>
        <translation>筛选时间段内的原始事件(&amp;E)，含链字段（审计员视图）</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>导出内容：</translation>
    </message>
    <message>
        <source>CSV (UTF-8)</source>
        <translation>CSV（UTF-8）</translation>
    </message>
    <message>
        <source>CSV for Excel (UTF-8 with BOM)</source>
        <translation>适用于 Excel 的 CSV（带 BOM 的 UTF-8）</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Names and ID numbers &amp;unmasked (supervisors only; recorded with the reason)</source>
        <translation>不脱敏导出姓名和身份证号(&amp;U)（仅限主管；连同理由一并记录）</translation>
    </message>
    <message>
        <source>why the personal data must leave the history</source>
        <translation>个人数据为何必须导出</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>文件(&amp;I)：</translation>
    </message>
    <message>
        <source>A manifest (file SHA-256, rows, filter, chain facts, HMAC) is written beside the file; check it later with: ekyc-desk-cli export verify FILE.manifest.json</source>
        <translation>文件旁会写入一份清单（文件 SHA-256、行数、筛选条件、链信息、HMAC）；之后可用以下命令校验：ekyc-desk-cli export verify 文件.manifest.json</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.
Manifest: %2</source>
        <translation>
            <numerusform>已导出 %n 行到 %1。
清单：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled. No file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <source>Exporting… %1 of %2 rows</source>
        <translation>正在导出… 第 %1 行，共 %2 行</translation>
    </message>
    <message>
        <source>PDF report (cases only)</source>
        <translation>PDF 报告（仅限案件）</translation>
    </message>
</context>
<context>
    <name>ExportManifest</name>
    <message>
        <source>This is not an eKYC Desk export manifest.</source>
        <translation>这不是 eKYC Desk 的导出清单。</translation>
    </message>
    <message>
        <source>The manifest was changed: it is not as eKYC Desk wrote it.</source>
        <translation>清单已被改动：与 eKYC Desk 写入时不一致。</translation>
    </message>
</context>
<context>
    <name>ExportVerifier</name>
    <message>
        <source>Line %1 is not a JSON object.</source>
        <translation>第 %1 行不是 JSON 对象。</translation>
    </message>
    <message>
        <source>Row %1 has %2 cells, the header %3.</source>
        <translation>第 %1 行有 %2 个单元格，表头有 %3 个。</translation>
    </message>
    <message>
        <source>Cannot read the manifest %1.</source>
        <translation>无法读取清单 %1。</translation>
    </message>
    <message>
        <source>The export comes from history %1, not from this one (%2).</source>
        <translation>该导出来自历史记录 %1，而不是当前历史记录（%2）。</translation>
    </message>
    <message>
        <source>The manifest was changed: its HMAC does not match its contents.</source>
        <translation>清单已被改动：其 HMAC 与内容不符。</translation>
    </message>
    <message>
        <source>The exported file %1 is missing.</source>
        <translation>导出文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The file %1 was changed: its size or SHA-256 differs from the manifest&apos;s.</source>
        <translation>文件 %1 已被改动：其大小或 SHA-256 与清单不符。</translation>
    </message>
    <message>
        <source>The file %1 does not read as its manifest says: %2</source>
        <translation>文件 %1 无法按清单所述读取：%2</translation>
    </message>
    <message>
        <source>The manifest says %1 rows; the file it describes has %2.</source>
        <translation>清单记载 %1 行，而它描述的文件有 %2 行。</translation>
    </message>
    <message>
        <source>The chain inside the file breaks at event %1 (row %2): it was changed, removed or moved.</source>
        <translation>文件内部的哈希链在事件 %1（第 %2 行）处断裂：该行被改动、删除或移动。</translation>
    </message>
    <message>
        <source>The file&apos;s events do not run from event %1 to event %2 as the manifest says.</source>
        <translation>文件中的事件并非如清单所述从事件 %1 到事件 %2。</translation>
    </message>
    <message>
        <source>The history no longer holds the chain head of the export (event %1).</source>
        <translation>历史记录中已不再有该导出时的链头（事件 %1）。</translation>
    </message>
    <message>
        <source>The history no longer matches the export at event %1: it was changed since.</source>
        <translation>历史记录在事件 %1 处与导出内容不再一致：导出后已被改动。</translation>
    </message>
    <message>
        <source>The history has no record of this export (no export_made event names its manifest).</source>
        <translation>历史记录中没有这次导出的记录（没有任何 export_made 事件指向其清单）。</translation>
    </message>
    <message>
        <source>The export chain is broken: the manifest names %1 as the export before it, the history %2.</source>
        <translation>导出链断裂：清单记载的上一次导出为 %1，而历史记录中为 %2。</translation>
    </message>
    <message>
        <source>The manifest of the export before this one, %1, is missing.</source>
        <translation>上一次导出的清单 %1 不存在。</translation>
    </message>
    <message>
        <source>The manifest of the export before this one, %1, was changed.</source>
        <translation>上一次导出的清单 %1 已被改动。</translation>
    </message>
    <message>
        <source>The manifest %1 describes the file %2: a manifest is named after its file (%3), so this one was renamed or copied over another.</source>
        <translation>清单 %1 描述的是文件 %2：清单按其文件命名（%3），因此这份清单被改过名，或被复制覆盖了另一份清单。</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消；没有写入任何文件。</translation>
    </message>
    <message>
        <source>Choose the file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <source>Events hold no names or ID numbers: an events export is never unmasked.</source>
        <translation>事件中不含姓名和证件号码：事件导出不会以明文导出。</translation>
    </message>
    <message>
        <source>An events export takes only a time range.</source>
        <translation>事件导出只接受时间范围。</translation>
    </message>
    <message>
        <source>Cannot read the events: %1</source>
        <translation>无法读取事件：%1</translation>
    </message>
    <message>
        <source>The format pdf is a report of cases: export events as csv or jsonl.</source>
        <translation>pdf 格式是案件报告：事件请导出为 csv 或 jsonl。</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>The time range is empty: its start (from) is not before its end (to).</source>
        <translation>时间范围为空：开始（from）不早于结束（to）。</translation>
    </message>
    <message>
        <source>The file&apos;s name holds an ID number, and it is recorded in the audit history for good: name the file otherwise.</source>
        <translation>文件名中含有身份证号码，而文件名会永久记录在审计记录中：请换一个文件名。</translation>
    </message>
    <message>
        <source>The export is recorded in the audit history (event %1) with its manifest %2, but its file could not be put in place: %3</source>
        <translation>该导出已记录在审计记录中（事件 %1），其清单为 %2，但其文件未能放到目标位置：%3</translation>
    </message>
</context>
<context>
    <name>FileDigest</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>FileRateBudget</name>
    <message>
        <source>Cannot open the shared rate budget %1: %2</source>
        <translation>无法打开共享速率预算 %1：%2</translation>
    </message>
    <message>
        <source>Cannot lock the shared rate budget %1: %2</source>
        <translation>无法锁定共享速率预算 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write the shared rate budget %1: %2</source>
        <translation>无法写入共享速率预算 %1：%2</translation>
    </message>
</context>
<context>
    <name>HistoryCli</name>
    <message>
        <source>Cannot read the anchor file %1.</source>
        <translation>无法读取锚点文件 %1。</translation>
    </message>
    <message>
        <source>There is no history at %1.</source>
        <translation>%1 处没有审计记录。</translation>
    </message>
    <message>
        <source> (anchor at event %1 confirmed)</source>
        <translation> （已确认事件 %1 处的锚点）</translation>
    </message>
    <message>
        <source>An anchor written by audit head.</source>
        <translation>由 audit head 写出的锚点。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Write the anchor to this file.</source>
        <translation>将锚点写入此文件。</translation>
    </message>
    <message>
        <source>--events needs a positive number.</source>
        <translation>--events 需要一个正数。</translation>
    </message>
    <message>
        <source>%1 events…</source>
        <translation>%1 个事件…</translation>
    </message>
    <message>
        <source>Seeded %1 events into %2 in %3 s (%4 events/s).</source>
        <translation>已在 %3 秒内向 %2 写入 %1 个事件（每秒 %4 个事件）。</translation>
    </message>
    <message>
        <source>Developer tools.
  dev seed --events N [--db PATH|URL] [--seed S] [--batch B]
      Fills the history with a synthetic one: fictitious people (valid check digits), several reviewers and scenes, attempts, throttled retries and answers 200/202/223, written in transactions of B events (default 1000).
Exit codes: 0 done; 3 bad arguments; 6 the history cannot be opened or written.</source>
        <translation>开发者工具。
  dev seed --events N [--db PATH|URL] [--seed S] [--batch B]
      用合成数据填充审计记录：虚构人员（校验码有效）、多名审核员和多个场景、多次尝试、限流后的重试以及 200/202/223 应答，每个事务写入 B 个事件（默认 1000）。
退出码：0 完成；3 参数错误；6 无法打开或写入审计记录。</translation>
    </message>
    <message>
        <source>How many events to write.</source>
        <translation>要写入的事件数。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Seed for repeatable output.</source>
        <translation>用于生成可重复输出的种子。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Events per transaction.</source>
        <translation>每个事务的事件数。</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <source>Use: dev seed --events N [--db PATH|URL] (see dev --help).</source>
        <translation>用法：dev seed --events N [--db PATH|URL]（参见 dev --help）。</translation>
    </message>
    <message>
        <source>PATH|URL</source>
        <translation>PATH|URL</translation>
    </message>
    <message>
        <source>Passphrase for the audit history: </source>
        <translation>审计记录口令： </translation>
    </message>
    <message>
        <source>How many cases to list (default 20).</source>
        <translation>要列出的案件数（默认 20）。</translation>
    </message>
    <message>
        <source>One JSON object per line instead of a table.</source>
        <translation>每行输出一个 JSON 对象，而不是表格。</translation>
    </message>
    <message>
        <source>--last needs a positive number.</source>
        <translation>--last 需要一个正数。</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SubCode</source>
        <translation>SubCode</translation>
    </message>
    <message>
        <source>(purged)</source>
        <translation>（已清理）</translation>
    </message>
    <message>
        <source>(no cases yet)</source>
        <translation>（暂无案件）</translation>
    </message>
    <message>
        <source>--older-than: expected a number of days, 1 or more.</source>
        <translation>--older-than：应为天数，至少为 1。</translation>
    </message>
    <message>
        <source>Erased name and ID number of %1 case(s) created before %2; their metadata and the hash chain are kept.</source>
        <translation>已删除 %2 之前创建的 %1 个案件的姓名和身份证号码；其元数据和哈希链均予保留。</translation>
    </message>
    <message>
        <source>Retention period in days for audit purge.</source>
        <translation>audit purge 使用的保留期限（天）。</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>DAYS</translation>
    </message>
    <message>
        <source>dev seed needs --db PATH|URL naming a new, empty history.</source>
        <translation>dev seed 需要用 --db PATH|URL 指定一个新的空审计记录。</translation>
    </message>
    <message>
        <source>%1 already holds cases; dev seed writes only into a new, empty history.</source>
        <translation>%1 中已有案件；dev seed 只写入新的空审计记录。</translation>
    </message>
    <message>
        <source>Set %1, or run this command on a terminal to be asked.</source>
        <translation>请设置 %1，或在终端中运行此命令以便输入。</translation>
    </message>
    <message>
        <source>Nothing was entered.</source>
        <translation>未输入任何内容。</translation>
    </message>
    <message>
        <source>The audit history needs its passphrase. %1</source>
        <translation>审计历史需要口令。%1</translation>
    </message>
    <message>
        <source>Sign in to the history as NAME (password from EKYC_DESK_PASSWORD, or asked on the terminal).</source>
        <translation>以 NAME 登录历史记录（密码取自 EKYC_DESK_PASSWORD，或在终端中询问）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>This history has accounts: sign in with --user NAME.</source>
        <translation>此历史记录设有账户：请使用 --user NAME 登录。</translation>
    </message>
    <message>
        <source>This history has no accounts yet: acting as its local owner %1.</source>
        <translation>此历史记录尚无账户：以本地所有者 %1 的身份操作。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>No password for %1. %2</source>
        <translation>没有 %1 的密码。%2</translation>
    </message>
    <message>
        <source>Lists the most recent cases of the audit history, newest first, with name and ID number masked (a reviewer sees their own cases).
Exit codes: 0 listed; 3 bad arguments; 6 the history or its keys cannot be opened, or its cases cannot be read; 7 not permitted; 8 sign-in failed.
The passphrase comes from EKYC_DESK_PASSPHRASE, or is asked on the terminal.</source>
        <translation>列出审计历史中最近的案件，最新的在前，姓名和身份证号已打码（审核员只能看到自己的案件）。
退出码：0 已列出；3 参数错误；6 无法打开历史记录或其密钥，或无法读取其案件；7 无权操作；8 登录失败。
口令取自 EKYC_DESK_PASSPHRASE，或在终端中询问。</translation>
    </message>
    <message>
        <source>Run this command on a terminal to be asked.</source>
        <translation>请在终端中运行此命令以便输入。</translation>
    </message>
    <message>
        <source>The training desk&apos;s own history (with --db: that file, read as the trainee).</source>
        <translation>培训工作台自己的历史记录（与 --db 一起使用时为该文件，以学员身份读取）。</translation>
    </message>
    <message>
        <source>There is no training history at %1 yet.</source>
        <translation>%1 处尚无培训历史记录。</translation>
    </message>
    <message>
        <source>hk-internet (default), hk-vpc, or an https:// URL.</source>
        <translation>hk-internet（默认）、hk-vpc 或 https:// URL。</translation>
    </message>
    <message>
        <source>Extra CA certificates (PEM) to trust for a private endpoint.</source>
        <translation>访问私有接入点时额外信任的 CA 证书（PEM）。</translation>
    </message>
    <message>
        <source>The audit history: a SQLite file path or a postgresql://user@host:port/db URL (default: %1). Never put the database password in the URL: every process list shows the command line. Use PGPASSWORD, ~/.pgpass or the password kept in the OS keychain (File &gt; Settings).</source>
        <translation>审计记录：SQLite 文件路径或 postgresql://user@host:port/db URL（默认：%1）。切勿把数据库密码写进 URL：任何进程列表都会显示命令行。请使用 PGPASSWORD、~/.pgpass 或保存在系统钥匙串中的密码（文件 &gt; 设置）。</translation>
    </message>
    <message>
        <source>Anchor files in %1 cannot be trusted: %2</source>
        <translation>%1 中的锚点文件不可信：%2</translation>
    </message>
    <message>
        <source>There are no anchors of history %1 in %2.</source>
        <translation>%2 中没有审计记录 %1 的锚点。</translation>
    </message>
    <message numerus="yes">
        <source> (%n anchor(s) confirmed)</source>
        <translation>
            <numerusform>（已确认 %n 个锚点）</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed: the history has not been opened with its keys since signing began.</source>
        <translation>未签名：自启用签名以来，该审计记录尚未用其密钥打开过。</translation>
    </message>
    <message>
        <source>A folder of anchors (the history/anchorDirectory setting) to check.</source>
        <translation>要检查的锚点文件夹（history/anchorDirectory 设置）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Unlock the history&apos;s keys (passphrase or keychain) to check the masks and the signing key.</source>
        <translation>解锁审计记录的密钥（口令或钥匙串），以检查掩码和签名密钥。</translation>
    </message>
    <message numerus="yes">
        <source>Signed by key %1: the head and %n checkpoint(s) verified (one every %2 events).</source>
        <translation>
            <numerusform>由密钥 %1 签名：链头和 %n 个检查点已验证（每 %2 个事件一个）。</numerusform>
        </translation>
    </message>
    <message>
        <source>--every: expected a number of events from %1 to %2.</source>
        <translation>--every：应为 %1 至 %2 之间的事件数。</translation>
    </message>
    <message>
        <source>A signed checkpoint follows every %1 events.</source>
        <translation>每 %1 个事件之后签署一个检查点。</translation>
    </message>
    <message>
        <source>A signed checkpoint follows every %1 events from now on (it was every %2); the change is itself a signed checkpoint.</source>
        <translation>从现在起每 %1 个事件之后签署一个检查点（原为每 %2 个）；这次修改本身也是一个已签名的检查点。</translation>
    </message>
    <message>
        <source>For audit checkpoints: a signed checkpoint every N events.</source>
        <translation>用于 audit checkpoints：每 N 个事件签署一个检查点。</translation>
    </message>
    <message>
        <source>verify, head, purge or checkpoints</source>
        <translation>verify、head、purge 或 checkpoints</translation>
    </message>
    <message>
        <source>Use: audit verify | audit head | audit purge | audit checkpoints (see audit --help).</source>
        <translation>用法：audit verify | audit head | audit purge | audit checkpoints（参见 audit --help）。</translation>
    </message>
    <message>
        <source>--%1 is given more than once: give it once.</source>
        <translation>--%1 给出了不止一次：请只给一次。</translation>
    </message>
    <message>
        <source>--db: give a history file or a postgresql:// URL (an empty value is not the default history).</source>
        <translation>--db：请给出历史文件或 postgresql:// URL（空值并不表示默认历史）。</translation>
    </message>
    <message>
        <source>Cannot write the anchor to %1: %2</source>
        <translation>无法将锚点写入 %1：%2</translation>
    </message>
    <message>
        <source>Checks the tamper evidence of the audit history.
  audit verify [--db PATH|URL] [--anchor FILE] [--anchors DIR] [--keys]
      Walks the hash chain and checks the signatures of its head and checkpoints and every case record (masks and blind index included). Prints &quot;OK &lt;count&gt; events, head &lt;hash&gt;&quot; and exits 0, or prints the first broken event and exits 1. With --anchor, also checks that the exported head is still on the chain (detects a wholesale rewrite); with --anchors, every anchor in the folder (the history/anchorDirectory setting writes one per checkpoint; detects a roll-back). Needs no passphrase; with --keys (the passphrase or the keychain) the masks and index are also compared with the decrypted data and the signing key with the one the keys make.
  audit head [--db PATH|URL] [--out FILE]
      Exports the current head (seq, hash, time) as a small JSON anchor signed by the history&apos;s key, to keep outside the app, and records an anchor_exported event and a checkpoint.
  audit purge [--db PATH|URL] [--older-than DAYS]
      Erases name and ID number of cases older than DAYS (default: the history/retentionDays setting, 365) and records a retention_purge event; times, outcomes and SubCodes are kept and the chain still verifies.
  audit checkpoints [--db PATH|URL] [--every N]
      Shows how many events lie between the history&apos;s signed checkpoints (default 1000), or, for a supervisor, changes it for every writer of the history (10 to 100000); the change is itself a signed checkpoint, so no one without the key can widen it.
Exit codes: 0 OK; 1 chain broken; 3 bad arguments; 6 the history cannot be opened (or the anchor cannot be written); 7 not permitted (head: a supervisor or an auditor; purge and a change of checkpoints: a supervisor); 8 sign-in failed.</source>
        <translation>检查审计记录的防篡改证据。
  audit verify [--db PATH|URL] [--anchor FILE] [--anchors DIR] [--keys]
      逐条核对哈希链，并检查链头和各检查点的签名以及每条案件记录（包括掩码和盲索引）。输出 &quot;OK &lt;count&gt; events, head &lt;hash&gt;&quot; 并以 0 退出，或输出第一个损坏的事件并以 1 退出。使用 --anchor 时，还会检查导出的链头是否仍在链上（可发现整体重写）；使用 --anchors 时，检查文件夹中的每个锚点（history/anchorDirectory 设置会为每个检查点写入一个；可发现回滚）。无需口令；使用 --keys（口令或钥匙串）时，还会将掩码和索引与解密后的数据比对，并将签名密钥与密钥生成的密钥比对。
  audit head [--db PATH|URL] [--out FILE]
      将当前链头（序号、哈希、时间）导出为由审计记录密钥签名的小型 JSON 锚点，保存在应用之外，并记录 anchor_exported 事件和一个检查点。
  audit purge [--db PATH|URL] [--older-than DAYS]
      清除早于 DAYS 天（默认：history/retentionDays 设置，365）的案件的姓名和身份证号，并记录 retention_purge 事件；时间、结果和 SubCode 保留，链仍可验证。
  audit checkpoints [--db PATH|URL] [--every N]
      显示审计记录相邻两个已签名检查点之间的事件数（默认 1000），或由主管为审计记录的所有写入者修改该间隔（10 至 100000）；修改本身也是一个已签名的检查点，没有密钥的人无法放宽它。
退出码：0 正常；1 链已损坏；3 参数错误；6 无法打开审计记录（或无法写入锚点）；7 无权限（head：主管或审计员；purge 及修改检查点间隔：主管）；8 登录失败。</translation>
    </message>
    <message>
        <source>--batch needs a positive number.</source>
        <translation>--batch 需要一个正整数。</translation>
    </message>
    <message>
        <source>--seed needs a whole number (0 or more).</source>
        <translation>--seed 需要一个整数（0 或以上）。</translation>
    </message>
    <message>
        <source>--db: the URL carries a password, which every process list on this computer shows, so it is not used. Give the URL without it and the password in PGPASSWORD, ~/.pgpass or the OS keychain (File &gt; Settings).</source>
        <translation>--db：该 URL 含有密码，本机的任何进程列表都会显示它，因此不予使用。请给出不含密码的 URL，并将密码放在 PGPASSWORD、~/.pgpass 或操作系统钥匙串中（文件 &gt; 设置）。</translation>
    </message>
    <message>
        <source>--%1: give a value (an empty value is not the same as leaving the option out).</source>
        <translation>--%1：请给出一个值（空值不等于省略该选项）。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
</context>
<context>
    <name>HistoryFilterBar</name>
    <message>
        <source>&amp;Period:</source>
        <translation>时间段(&amp;P)：</translation>
    </message>
    <message>
        <source>Re&amp;viewer:</source>
        <translation>审核员(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>Revie&amp;w:</source>
        <translation>人工复核(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Sce&amp;ne:</source>
        <translation>场景(&amp;N)：</translation>
    </message>
    <message>
        <source>Save filter…</source>
        <translation>保存筛选条件…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>exact value, then Enter</source>
        <translation>输入完整值后按回车</translation>
    </message>
    <message>
        <source>any scene</source>
        <translation>任意场景</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To date (inclusive)</source>
        <translation>结束日期（含当天）</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Never sent to review</source>
        <translation>从未送人工复核</translation>
    </message>
    <message>
        <source>Live and training</source>
        <translation>正式与培训</translation>
    </message>
    <message>
        <source>Live only</source>
        <translation>仅正式</translation>
    </message>
    <message>
        <source>Training only</source>
        <translation>仅培训</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>MerchantBizId</source>
        <translation>MerchantBizId</translation>
    </message>
    <message>
        <source>RequestId</source>
        <translation>RequestId</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>保存筛选条件</translation>
    </message>
    <message>
        <source>Name of this filter (saved for your account; an ID number search is not saved):</source>
        <translation>筛选条件名称（保存在您的账户下；身份证号搜索不会保存）：</translation>
    </message>
    <message>
        <source>Save&amp;d:</source>
        <translation>已保存(&amp;D)：</translation>
    </message>
    <message>
        <source>Search value</source>
        <translation>搜索内容</translation>
    </message>
</context>
<context>
    <name>HistoryLocation</name>
    <message>
        <source>The schema in the PostgreSQL URL may contain only letters, digits and underscores.</source>
        <translation>PostgreSQL URL 中的 schema 只能包含字母、数字和下划线。</translation>
    </message>
    <message>
        <source>The sslmode in the PostgreSQL URL is not one of disable, allow, prefer, require, verify-ca, verify-full.</source>
        <translation>PostgreSQL URL 中的 sslmode 不是 disable、allow、prefer、require、verify-ca、verify-full 之一。</translation>
    </message>
    <message>
        <source>The history location must be a file path or a postgresql:// URL.</source>
        <translation>审计记录位置必须是文件路径或 postgresql:// URL。</translation>
    </message>
    <message>
        <source>No history location given.</source>
        <translation>未指定审计记录位置。</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is not installed (package libqt6sql6-sqlite).</source>
        <translation>未安装 Qt 的 SQLite 驱动（软件包 libqt6sql6-sqlite）。</translation>
    </message>
    <message>
        <source>Cannot create the folder for the history: %1</source>
        <translation>无法创建审计记录所在的文件夹：%1</translation>
    </message>
    <message>
        <source>Cannot open the history %1: %2</source>
        <translation>无法打开审计记录 %1：%2</translation>
    </message>
    <message>
        <source>Cannot set up the history %1: %2</source>
        <translation>无法初始化审计记录 %1：%2</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (package libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（软件包 libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>Cannot connect to the history %1: %2</source>
        <translation>无法连接审计记录 %1：%2</translation>
    </message>
    <message>
        <source>The PostgreSQL URL is not valid; expected postgresql://user@host:port/dbname (the password through PGPASSWORD, ~/.pgpass or the OS keychain).</source>
        <translation>PostgreSQL URL 无效；应为 postgresql://user@host:port/dbname（密码通过 PGPASSWORD、~/.pgpass 或系统钥匙串提供）。</translation>
    </message>
    <message>
        <source>The sslrootcert in the PostgreSQL URL may not contain a semicolon.</source>
        <translation>PostgreSQL URL 中的 sslrootcert 不能包含分号。</translation>
    </message>
    <message>
        <source>The PostgreSQL server %1 is not on this machine, and sslmode=%2 does not verify its certificate: the history and the password could reach whoever answers. Leave sslmode out (verify-full is the default) or use verify-ca, with the server&apos;s CA in ~/.postgresql/root.crt or named by sslrootcert=PATH.</source>
        <translation>PostgreSQL 服务器 %1 不在本机上，而 sslmode=%2 不校验其证书：审计记录和密码可能落入任何应答者之手。请省略 sslmode（默认为 verify-full）或使用 verify-ca，并将服务器的 CA 放在 ~/.postgresql/root.crt 中，或用 sslrootcert=PATH 指定。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>(purged)</source>
        <translation>（已清理）</translation>
    </message>
    <message>
        <source>training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>live</source>
        <translation>正式</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>MerchantBizId</source>
        <translation>MerchantBizId</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>人工复核</translation>
    </message>
</context>
<context>
    <name>HistoryOpener</name>
    <message>
        <source>A new history needs a passphrase first.</source>
        <translation>新的审计记录需要先设置口令。</translation>
    </message>
    <message>
        <source>The audit history location in the settings is not valid: %1</source>
        <translation>设置中的审计记录位置无效：%1</translation>
    </message>
    <message>
        <source>The audit history cannot be opened</source>
        <translation>无法打开审计记录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>eKYC Desk records every case in its audit history and does not verify without it.</source>
        <translation>eKYC Desk 会将每个案件记入审计记录，没有审计记录就不会进行核验。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Events of the selected case</source>
        <translation>所选案件的事件</translation>
    </message>
    <message>
        <source>&amp;Reveal…</source>
        <translation>显示(&amp;R)…</translation>
    </message>
    <message>
        <source>Events of the case %1 (MerchantBizId %2)</source>
        <translation>案件 %1 的事件（MerchantBizId %2）</translation>
    </message>
    <message>
        <source>Select a case to see its events.</source>
        <translation>选择一个案件以查看其事件。</translation>
    </message>
    <message>
        <source>#%1 %2 by %3 on %4
%5</source>
        <translation>#%1 %2，操作人 %3，时间 %4
%5</translation>
    </message>
    <message>
        <source>No audit history is open.</source>
        <translation>未打开审计记录。</translation>
    </message>
    <message>
        <source>Case created (training)</source>
        <translation>案件已创建（培训）</translation>
    </message>
    <message>
        <source>Case created</source>
        <translation>案件已创建</translation>
    </message>
    <message>
        <source>Attempt %1 sent</source>
        <translation>已发送第 %1 次尝试</translation>
    </message>
    <message>
        <source>Answer to attempt %1: HTTP %2, Code %3, SubCode %4, %5 ms</source>
        <translation>第 %1 次尝试的应答：HTTP %2，Code %3，SubCode %4，%5 毫秒</translation>
    </message>
    <message>
        <source>Case ended without an answer: %1</source>
        <translation>案件未收到应答即结束：%1</translation>
    </message>
    <message>
        <source>Case completed: SubCode %1, passed</source>
        <translation>案件已完成：SubCode %1，通过</translation>
    </message>
    <message>
        <source>Case completed: SubCode %1, not passed</source>
        <translation>案件已完成：SubCode %1，未通过</translation>
    </message>
    <message>
        <source>Manual review decision</source>
        <translation>人工审核决定</translation>
    </message>
    <message>
        <source>Name and ID number revealed to %1, reason: %2</source>
        <translation>姓名和身份证号码已向 %1 显示，理由：%2</translation>
    </message>
    <message>
        <source>Linked to a re-verification</source>
        <translation>已关联到重新核验</translation>
    </message>
    <message>
        <source>Name and ID number erased (retention)</source>
        <translation>姓名和身份证号码已删除（保留期到期）</translation>
    </message>
    <message>
        <source>&amp;Verify again…</source>
        <translation>重新核验(&amp;V)…</translation>
    </message>
    <message>
        <source>The events of this case cannot be read: %1</source>
        <translation>无法读取此案件的事件：%1</translation>
    </message>
    <message>
        <source>Verify this case again, for example after an error or a correction. Once you give the reason, its name and ID number are decrypted into the case form; the history records this with the reason, and the new case is linked to this one.</source>
        <translation>重新核验此案件，例如在出错或更正之后。填写理由后，其姓名和身份证号码将被解密并填入案件表单；审计记录会连同理由记下此操作，新案件将与此案件关联。</translation>
    </message>
    <message>
        <source>&amp;Timeline…</source>
        <translation>时间线(&amp;T)…</translation>
    </message>
    <message>
        <source>Every event of the case with its position in the chain, its review steps and notes</source>
        <translation>案件的每个事件及其在链中的位置、复核步骤和备注</translation>
    </message>
    <message>
        <source>The filter was not saved: %1</source>
        <translation>筛选条件未保存：%1</translation>
    </message>
    <message>
        <source>#%1  %2  %3</source>
        <translation>#%1  %2  %3</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) match the filters.</source>
        <translation>
            <numerusform>有 %n 个案件符合筛选条件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have %n case(s).</source>
        <translation>
            <numerusform>您共有 %n 个案件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The team has %n case(s).</source>
        <translation>
            <numerusform>团队共有 %n 个案件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown, scroll for more.</source>
        <translation>
            <numerusform>已显示 %n 个，向下滚动查看更多。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 Names and ID numbers are masked.</source>
        <translation>%1 %2 姓名和身份证号已脱敏。</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the cases of these filters, or the events of their period, with a manifest that proves the file</source>
        <translation>导出这些筛选条件下的案件或其时间段内的事件，并附带可证明文件完整性的清单</translation>
    </message>
</context>
<context>
    <name>HistoryPolicy</name>
    <message>
        <source>The history records who acts: the actor has no name.</source>
        <translation>历史记录要记下操作人：该操作人没有名称。</translation>
    </message>
    <message>
        <source>Give a reason to reveal the name and ID number.</source>
        <translation>请填写显示姓名和身份证号的理由。</translation>
    </message>
    <message>
        <source>A case cannot be completed as %1.</source>
        <translation>案件不能以 %1 状态结束。</translation>
    </message>
    <message>
        <source>The retention purge needs a cut-off date.</source>
        <translation>保留期清理需要一个截止日期。</translation>
    </message>
</context>
<context>
    <name>HistoryQuery</name>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>202 not in the database</source>
        <translation>202 库中无此记录</translation>
    </message>
    <message>
        <source>223 mismatch</source>
        <translation>223 不一致</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <source>The filter %1 cannot be &quot;%2&quot;: %3</source>
        <translation>筛选条件 %1 不能为“%2”：%3</translation>
    </message>
    <message>
        <source>give a date as YYYY-MM-DD</source>
        <translation>请按 YYYY-MM-DD 填写日期</translation>
    </message>
    <message>
        <source>one of %1, or error:KIND</source>
        <translation>应为 %1 之一，或 error:类型</translation>
    </message>
    <message>
        <source>200, 202 or 223</source>
        <translation>应为 200、202 或 223</translation>
    </message>
    <message>
        <source>a review state (open, in_review, proposed, escalated, approved, rejected, reopened) or none</source>
        <translation>应为复核状态（open、in_review、proposed、escalated、approved、rejected、reopened）或 none</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>应为 yes 或 no</translation>
    </message>
    <message>
        <source>one of %1, with - before it for descending</source>
        <translation>应为 %1 之一，前加 - 表示降序</translation>
    </message>
    <message>
        <source>There is no filter %1. Filters: %2</source>
        <translation>没有筛选条件 %1。可用的筛选条件：%2</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>以下之一：%1</translation>
    </message>
</context>
<context>
    <name>HistoryWriter</name>
    <message>
        <source>an earlier record of this case is still waiting in the spool</source>
        <translation>该案件之前的一条记录仍在缓存队列中等待写入</translation>
    </message>
</context>
<context>
    <name>IniDocument</name>
    <message>
        <source>a section header must be [name]</source>
        <translation>节标题必须写作 [name]</translation>
    </message>
    <message>
        <source>this section already began on line %1</source>
        <translation>此节已在第 %1 行开始</translation>
    </message>
    <message>
        <source>expected key = value</source>
        <translation>应为 key = value 形式</translation>
    </message>
    <message>
        <source>a key comes before any [section]</source>
        <translation>在第一个 [节] 之前出现了键</translation>
    </message>
    <message>
        <source>this key was already given on line %1</source>
        <translation>此键已在第 %1 行给出</translation>
    </message>
    <message>
        <source>a quoted value must end with its quote</source>
        <translation>带引号的值必须以相同的引号结束</translation>
    </message>
    <message>
        <source>%1, line %2: %3.</source>
        <translation>%1，第 %2 行：%3。</translation>
    </message>
</context>
<context>
    <name>KeyVault</name>
    <message>
        <source>This audit history needs its passphrase. Enter it when asked, or give it in the EKYC_DESK_PASSPHRASE environment variable for scripts and scheduled jobs.</source>
        <translation>此审计记录需要口令。请在提示时输入；脚本和计划任务可通过环境变量 EKYC_DESK_PASSPHRASE 提供。</translation>
    </message>
    <message>
        <source>The passphrase does not unlock this audit history. Check it (including keyboard layout and Caps Lock) and try again. Nothing was decrypted and no new key was made.</source>
        <translation>该口令无法解锁此审计记录。请检查口令（包括键盘布局和大写锁定）后重试。未解密任何数据，也未生成新密钥。</translation>
    </message>
    <message>
        <source>No keychain service is available to hold the key of this audit history. Unlock the system keychain, or use a passphrase instead (EKYC_DESK_PASSPHRASE for scripts).</source>
        <translation>没有可用的系统钥匙串服务来保存此审计记录的密钥。请解锁系统钥匙串，或改用口令（脚本中使用 EKYC_DESK_PASSPHRASE）。</translation>
    </message>
    <message>
        <source>The key of this audit history is not in the keychain of this user account, and the history has no passphrase. Open it as the user and on the workstation that created it, or restore the keychain entry.</source>
        <translation>此审计记录的密钥不在当前用户账户的系统钥匙串中，且该审计记录没有设置口令。请在创建它的工作站上以创建它的用户身份打开，或恢复该钥匙串条目。</translation>
    </message>
    <message>
        <source>The key record of this audit history is damaged or comes from a newer version of eKYC Desk, so the history cannot be decrypted. Restore the history database from a backup.</source>
        <translation>此审计记录的密钥记录已损坏，或来自更新版本的 eKYC Desk，因此无法解密该审计记录。请从备份恢复审计记录数据库。</translation>
    </message>
    <message>
        <source>The keychain entry &quot;%1&quot; holds a different key than this history.</source>
        <translation>钥匙串条目“%1”中的密钥与此审计记录的密钥不同。</translation>
    </message>
</context>
<context>
    <name>KeychainCredentials</name>
    <message>
        <source>No keychain service is available, so %1. Start the desktop&apos;s keyring (on Linux: GNOME Keyring or KWallet, unlocked in this session), or give the AccessKey through the environment, ~/.aliyun/config.json or ~/.alibabacloud/credentials.ini.</source>
        <translation>没有可用的系统钥匙串服务，因此%1。请启动桌面的密钥环（Linux 上为 GNOME Keyring 或 KWallet，并在本会话中解锁），或通过环境变量、~/.aliyun/config.json 或 ~/.alibabacloud/credentials.ini 提供 AccessKey。</translation>
    </message>
    <message>
        <source>the AccessKey saved in Settings cannot be read</source>
        <translation>无法读取在设置中保存的 AccessKey</translation>
    </message>
    <message>
        <source>the AccessKey was not saved (eKYC Desk keeps it nowhere else)</source>
        <translation>AccessKey 未保存（eKYC Desk 不会把它存放在其他任何地方）</translation>
    </message>
    <message>
        <source>the OS keychain (entered in Settings)</source>
        <translation>系统钥匙串（在设置中输入）</translation>
    </message>
    <message>
        <source>no keychain in this run</source>
        <translation>本次运行未使用钥匙串</translation>
    </message>
    <message>
        <source>no AccessKey saved in Settings</source>
        <translation>设置中没有保存 AccessKey</translation>
    </message>
    <message>
        <source>The keychain holds the AccessKey ID from Settings but not its secret: enter the AccessKey again in Settings.</source>
        <translation>钥匙串中有在设置中输入的 AccessKey ID，但没有对应的 Secret：请在设置中重新输入 AccessKey。</translation>
    </message>
    <message>
        <source>Enter both the AccessKey ID and the AccessKey secret.</source>
        <translation>请同时输入 AccessKey ID 和 AccessKey Secret。</translation>
    </message>
    <message>
        <source>the AccessKey saved in Settings could not be removed</source>
        <translation>无法删除在设置中保存的 AccessKey</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No keychain service is available to keep the audit history key (on Linux: a Secret Service such as GNOME Keyring or KWallet, unlocked in this session).</source>
        <translation>没有可用的系统钥匙串服务来保存审计记录密钥（在 Linux 上：需要已在本会话中解锁的 Secret Service，如 GNOME Keyring 或 KWallet）。</translation>
    </message>
    <message>
        <source>%1 Detail: %2</source>
        <translation>%1 详细信息：%2</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation>系统钥匙串在 %1 秒内没有响应</translation>
    </message>
    <message>
        <source>The keychain has no entry &quot;%1&quot; for service &quot;%2&quot;.</source>
        <translation>系统钥匙串中没有服务“%2”的条目“%1”。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>eKYC Desk</source>
        <translation>eKYC Desk</translation>
    </message>
    <message>
        <source>TRAINING MODE: answers come from the built-in sandbox with fictitious people. Nothing is sent to Alibaba Cloud and nothing is billed.</source>
        <translation>培训模式：应答来自内置沙箱，使用虚构人员数据。不会向阿里云发送任何内容，也不会计费。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
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
        <source>&amp;New case</source>
        <translation>新建案件(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About eKYC Desk</source>
        <translation>关于 eKYC Desk(&amp;A)</translation>
    </message>
    <message>
        <source>Training sandbox at %1</source>
        <translation>培训沙箱：%1</translation>
    </message>
    <message>
        <source>Live endpoint %1</source>
        <translation>正式接入点：%1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <source>Sent case %1</source>
        <translation>已发送案件 %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Vie&amp;w</source>
        <translation>视图(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>审计记录(&amp;H)</translation>
    </message>
    <message>
        <source>History: %1 (key from %2)</source>
        <translation>审计记录：%1（密钥来源：%2）</translation>
    </message>
    <message>
        <source>No audit history: cases are not recorded</source>
        <translation>无审计记录：案件不会被记录</translation>
    </message>
    <message>
        <source>Not recorded in the audit history: %1</source>
        <translation>未记入审计记录：%1</translation>
    </message>
    <message>
        <source>Not a re-verification</source>
        <translation>不作为重新核验</translation>
    </message>
    <message>
        <source>Keep what is in the form but do not link the new case to the earlier one.</source>
        <translation>保留表单中的内容，但不将新案件与之前的案件关联。</translation>
    </message>
    <message>
        <source>Wait until the current case has an answer, then verify the case again.</source>
        <translation>请等当前案件收到应答后，再重新核验该案件。</translation>
    </message>
    <message>
        <source>Verifying again case %1 — the new case will be linked to it.</source>
        <translation>正在重新核验案件 %1 — 新案件将与其关联。</translation>
    </message>
    <message>
        <source>Case %1
MerchantBizId %2
Created %3, %4</source>
        <translation>案件 %1
MerchantBizId %2
创建于 %3，%4</translation>
    </message>
    <message>
        <source>Cannot verify the case again</source>
        <translation>无法重新核验该案件</translation>
    </message>
    <message>
        <source>Cannot verify the case again: %1</source>
        <translation>无法重新核验该案件：%1</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Settings unchanged.</source>
        <translation>设置未更改。</translation>
    </message>
    <message>
        <source>Opening case %1…</source>
        <translation>正在打开案件 %1…</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>锁定工作台(&amp;L)</translation>
    </message>
    <message>
        <source>The audit history cannot be reached.</source>
        <translation>无法访问审计历史。</translation>
    </message>
    <message>
        <source>Settings saved, but not applied: %1</source>
        <translation>设置已保存，但未能应用：%1</translation>
    </message>
    <message>
        <source>Settings saved. The new history location takes effect the next time eKYC Desk starts.</source>
        <translation>设置已保存。新的审计记录位置将在下次启动 eKYC Desk 时生效。</translation>
    </message>
    <message>
        <source>the key file beside it</source>
        <translation>其旁边的密钥文件</translation>
    </message>
    <message>
        <source>SubCode %1</source>
        <translation>SubCode %1</translation>
    </message>
    <message>
        <source>outcome unknown, may have been billed</source>
        <translation>结果未知，可能已计费</translation>
    </message>
    <message>
        <source>This exact case (the same name, ID number and dates) already has an answer: %1, case %2.</source>
        <translation>完全相同的案件（姓名、身份证号码和日期均相同）已有答复：%1，案件 %2。</translation>
    </message>
    <message>
        <source>Verify it again anyway?</source>
        <translation>仍要再次核验吗？</translation>
    </message>
    <message>
        <source>Verify the same case again?</source>
        <translation>再次核验同一案件？</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>再次核验</translation>
    </message>
    <message>
        <source>Correcting case %1 — the corrected case will be linked to it.</source>
        <translation>正在更正案件 %1 — 更正后的案件将与其关联。</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>Correct the highlighted fields as printed on the card, then press Enter.</source>
        <translation>请按证件上印刷的内容更正突出显示的字段，然后按 Enter 键。</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>复核队列</translation>
    </message>
    <message>
        <source>Sent to manual review.</source>
        <translation>已送人工复核。</translation>
    </message>
    <message>
        <source>Not sent to manual review: %1</source>
        <translation>未能送人工复核：%1</translation>
    </message>
    <message>
        <source>Four-eyes review is the team&apos;s policy, kept in the history; not changed: %1</source>
        <translation>四眼复核是团队规则，保存在审计历史中；未更改：%1</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>统计看板</translation>
    </message>
    <message>
        <source>Verify a &amp;list…</source>
        <translation>批量核验(&amp;L)…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Live service</source>
        <translation>正式服务</translation>
    </message>
    <message>
        <source>User &amp;guide…</source>
        <translation>用户指南(&amp;G)…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>核验(&amp;V)</translation>
    </message>
    <message>
        <source>Review &amp;queue</source>
        <translation>复核队列(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>统计看板(&amp;D)</translation>
    </message>
    <message>
        <source>Desk tools</source>
        <translation>工作台工具</translation>
    </message>
    <message>
        <source>Opening the audit history…</source>
        <translation>正在打开审计记录…</translation>
    </message>
    <message>
        <source>Anchors not copied</source>
        <translation>锚点未复制</translation>
    </message>
    <message>
        <source>A signed checkpoint of the audit history could not be copied to the anchor folder: %1 The history itself is intact. Choose a folder that can be written in Settings → History; it applies when the history is opened again.</source>
        <translation>审计记录的一个已签名检查点未能复制到锚点文件夹：%1 审计记录本身完好无损。请在“设置 → 审计记录”中选择一个可写入的文件夹；重新打开审计记录后生效。</translation>
    </message>
    <message>
        <source>Signed checkpoints are copied to the anchor folder again.</source>
        <translation>已签名的检查点又能复制到锚点文件夹了。</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>审计记录：%1</translation>
    </message>
    <message>
        <source>Opening history…</source>
        <translation>正在打开审计记录…</translation>
    </message>
    <message>
        <source>No audit history</source>
        <translation>无审计记录</translation>
    </message>
    <message>
        <source>Training sandbox starting…</source>
        <translation>培训沙箱正在启动…</translation>
    </message>
    <message>
        <source>Training sandbox</source>
        <translation>培训沙箱</translation>
    </message>
    <message>
        <source>Training sandbox %1</source>
        <translation>培训沙箱 %1</translation>
    </message>
    <message>
        <source>Live: %1</source>
        <translation>正式：%1</translation>
    </message>
    <message>
        <source>Live endpoint</source>
        <translation>正式接入点</translation>
    </message>
    <message>
        <source>The checkpoint interval is the team&apos;s setting, kept in the history; not changed: %1</source>
        <translation>检查点间隔是团队的设置，保存在审计记录中；未修改：%1</translation>
    </message>
    <message>
        <source>Stop the list being verified?</source>
        <translation>停止正在进行的批量核验？</translation>
    </message>
    <message>
        <source>A list is being verified. Stop it and quit?
The rows not yet sent are not sent: verify the list again later to send them. The rows on their way are answered and recorded first, and the results are written.</source>
        <translation>正在批量核验一份名单。要停止并退出吗？
尚未发送的行不会发送：以后再次核验该名单即可发送。已发出的行会先收到应答并记录，结果文件也会写好。</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>停止并退出</translation>
    </message>
    <message>
        <source>Stopping the list: the desk closes once the calls on their way are answered and recorded.</source>
        <translation>正在停止批量核验：已发出的调用收到应答并记录后，工作台即关闭。</translation>
    </message>
    <message>
        <source>AccessKey %1</source>
        <translation>AccessKey %1</translation>
    </message>
    <message>
        <source>AccessKey</source>
        <translation>AccessKey</translation>
    </message>
    <message>
        <source>STS AccessKey %1</source>
        <translation>STS AccessKey %1</translation>
    </message>
    <message>
        <source>STS AccessKey</source>
        <translation>STS AccessKey</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>Cannot read the history schema version: %1</source>
        <translation>无法读取审计记录的架构版本：%1</translation>
    </message>
    <message>
        <source>This history has schema version %1, written by a newer version of eKYC Desk (this one knows up to %2). Update eKYC Desk.</source>
        <translation>此审计记录的架构版本为 %1，由更新版本的 eKYC Desk 写入（本版本最高支持 %2）。请更新 eKYC Desk。</translation>
    </message>
    <message>
        <source>Cannot start migration to schema version %1: %2</source>
        <translation>无法开始迁移到架构版本 %1：%2</translation>
    </message>
    <message>
        <source>Migration to schema version %1 failed and was rolled back: %2</source>
        <translation>迁移到架构版本 %1 失败，已回滚：%2</translation>
    </message>
    <message>
        <source>%1 is not an eKYC Desk history (%2), and it was left untouched. Give the location of a history, or a path where no file exists yet to start a new one.</source>
        <translation>%1 不是 eKYC Desk 审计记录（%2），未对其作任何改动。请指定一个审计记录的位置，或指定一个尚无文件的路径以新建审计记录。</translation>
    </message>
    <message>
        <source>it is not a file</source>
        <translation>它不是文件</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>it is not a SQLite database</source>
        <translation>它不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>a SQLite database without the eKYC Desk schema</source>
        <translation>它是没有 eKYC Desk 架构的 SQLite 数据库</translation>
    </message>
    <message>
        <source>This history has schema version %1 and this version of eKYC Desk uses %2. The upgrade changes its tables, which only their owner may do: open it once with the database role %3, then again as %4.</source>
        <translation>此审计记录的架构版本为 %1，本版 eKYC Desk 使用 %2。升级会更改其数据表，只有表的所有者可以进行：请先用数据库角色 %3 打开一次，再以 %4 打开。</translation>
    </message>
</context>
<context>
    <name>NetworkErrorMap</name>
    <message>
        <source>No complete answer within the time limit.</source>
        <translation>在时限内未收到完整应答。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The answer exceeded the size limit and was not read.</source>
        <translation>应答超出大小限制，未读取。</translation>
    </message>
    <message>
        <source>%1 TLS errors: %2</source>
        <translation>%1 TLS 错误：%2</translation>
    </message>
    <message>
        <source>The server answered in plain HTTP, not TLS: check the URL&apos;s scheme and port (%1).</source>
        <translation>服务器以明文 HTTP 而非 TLS 应答：请检查 URL 的协议（scheme）和端口（%1）。</translation>
    </message>
    <message>
        <source>A certificate that is not valid yet often means that this computer&apos;s date and time are wrong: check them.</source>
        <translation>证书尚未生效，通常说明本机的日期和时间不正确：请检查。</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>give the file to write.</source>
        <translation>请给出要写入的文件。</translation>
    </message>
    <message>
        <source>%1 is a folder; give the name of a file in it.</source>
        <translation>%1 是一个文件夹；请给出其中的文件名。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, a pipe or a socket).</source>
        <translation>%1 不是普通文件（而是设备、管道或套接字）。</translation>
    </message>
    <message>
        <source>the folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 is the audit history (or a file kept beside it): writing there would destroy it. Choose another file.</source>
        <translation>%1 是审计历史（或其旁边保存的文件）：写入该处会将其毁坏。请选择其他文件。</translation>
    </message>
    <message>
        <source>%1 is also the input; choose another file for the output.</source>
        <translation>%1 同时也是输入文件；请为输出选择其他文件。</translation>
    </message>
    <message>
        <source>%1 is inside %2, where eKYC Desk keeps its own files (histories, record spools, certificates, settings). Choose another folder.</source>
        <translation>%1 位于 %2 内，eKYC Desk 在那里保存自己的文件（历史、记录暂存文件、证书、设置）。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>%1: %2 is named as an export&apos;s manifest; give the name of the export file itself (its manifest is written beside it).</source>
        <translation>%1：%2 是导出清单的文件名；请给出导出文件本身的名称（清单会写在它旁边）。</translation>
    </message>
    <message>
        <source>%1: %2 is an earlier export (its manifest %3 is beside it). The next export&apos;s manifest names it, and verifying either needs it as it was: choose another name.</source>
        <translation>%1：%2 是先前的一次导出（其清单 %3 就在旁边）。下一次导出的清单会引用它，校验任一导出都需要它保持原样：请换一个名称。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Audit history passphrase</source>
        <translation>审计记录口令</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>确认口令(&amp;R)：</translation>
    </message>
    <message>
        <source>Protect the audit history</source>
        <translation>保护审计记录</translation>
    </message>
    <message>
        <source>Unlock the audit history</source>
        <translation>解锁审计记录</translation>
    </message>
    <message numerus="yes">
        <source>eKYC Desk records every case in an audit history. The history holds personal data (names and ID numbers), which is stored encrypted. Choose a passphrase that protects its key; it must have at least %n characters.</source>
        <translation>
            <numerusform>eKYC Desk 会将每个案件记入审计记录。审计记录包含个人数据（姓名和身份证号码），这些数据以加密方式保存。请设置一个口令来保护其密钥；口令至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the passphrase of the audit history to open it.</source>
        <translation>请输入审计记录的口令以打开它。</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>审计记录：%1</translation>
    </message>
    <message>
        <source>The key is also kept in the keychain of your user account when the system has one, so you are asked for the passphrase rarely. The passphrase is needed to open the history on other workstations that share a PostgreSQL history. It cannot be recovered: keep it somewhere safe.</source>
        <translation>如系统提供钥匙串，密钥还会保存在您账户的系统钥匙串中，因此很少需要输入口令。在共享同一 PostgreSQL 审计记录的其他工作站上打开时需要此口令。口令无法找回，请妥善保管。</translation>
    </message>
    <message>
        <source>Create history</source>
        <translation>创建审计记录</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase must have at least %n characters.</source>
        <translation>
            <numerusform>口令至少需要 %n 个字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>The password is empty.</source>
        <translation>密码为空。</translation>
    </message>
    <message>
        <source>The password needs at least %1 characters.</source>
        <translation>密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>MerchantBizId</source>
        <translation>MerchantBizId</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>人工复核</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Name (masked)</source>
        <translation>姓名（打码）</translation>
    </message>
    <message>
        <source>ID number (masked)</source>
        <translation>身份证号码（打码）</translation>
    </message>
    <message>
        <source>none (every case the exporter may see)</source>
        <translation>无（导出者可见的全部案件）</translation>
    </message>
    <message>
        <source>A PDF report needs the fonts of a graphical application.</source>
        <translation>PDF 报告需要图形应用程序的字体。</translation>
    </message>
    <message>
        <source>eKYC Desk: cases report</source>
        <translation>eKYC Desk：案件报告</translation>
    </message>
    <message>
        <source>History</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>导出人</translation>
    </message>
    <message>
        <source>Exported at (UTC)</source>
        <translation>导出时间（UTC）</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Names and ID numbers</source>
        <translation>姓名和身份证号码</translation>
    </message>
    <message>
        <source>in clear (unmasked export)</source>
        <translation>明文（不打码导出）</translation>
    </message>
    <message>
        <source>masked</source>
        <translation>已打码</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>通过率</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Pass rate: passed cases out of those the service answered (passed, 202 and 223).</source>
        <translation>通过率：通过的案件占服务已应答案件（通过、202 和 223）的比例。</translation>
    </message>
    <message>
        <source>Cases per day (UTC) by outcome</source>
        <translation>按结果统计的每日案件数（UTC）</translation>
    </message>
    <message>
        <source>No case matches the filter.</source>
        <translation>没有符合筛选条件的案件。</translation>
    </message>
    <message>
        <source>Chain facts</source>
        <translation>哈希链信息</translation>
    </message>
    <message>
        <source>Chain head at export</source>
        <translation>导出时的链头</translation>
    </message>
    <message>
        <source>event %1, hash %2</source>
        <translation>事件 %1，哈希 %2</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Previous export&apos;s manifest hash</source>
        <translation>上一次导出的清单哈希</translation>
    </message>
    <message>
        <source>none (the first export of this history)</source>
        <translation>无（此历史记录的首次导出）</translation>
    </message>
    <message>
        <source>The manifest beside this file (%1.manifest.json) holds its SHA-256 and an HMAC; check both with: ekyc-desk-cli export verify %1.manifest.json --db ...</source>
        <translation>本文件旁边的清单（%1.manifest.json）记录了它的 SHA-256 和 HMAC；可用以下命令检查：ekyc-desk-cli export verify %1.manifest.json --db ...</translation>
    </message>
    <message>
        <source>The PDF report could not be written.</source>
        <translation>无法写入 PDF 报告。</translation>
    </message>
</context>
<context>
    <name>PgAccess</name>
    <message>
        <source>Cannot read the database role&apos;s privileges on the history: %1</source>
        <translation>无法读取数据库角色对审计记录的权限：%1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>The database role %1 may not use the schema %2 of the history %3. The schema&apos;s owner can grant it with:
%4</source>
        <translation>数据库角色 %1 无权使用审计记录 %3 所在的模式（schema）%2。该模式的所有者可以用以下语句授权：
%4</translation>
    </message>
    <message>
        <source>There is no history in the schema %1 of %2 yet, and the database role %3 may not make one there (it lacks CREATE on the schema). Open it first as the role that owns the schema, or have that role grant CREATE on it.</source>
        <translation>%2 的模式（schema）%1 中尚无审计记录，而数据库角色 %3 无权在其中创建（缺少该模式的 CREATE 权限）。请先以拥有该模式的角色打开一次，或由该角色授予 CREATE 权限。</translation>
    </message>
    <message>
        <source>every privilege it needs on the history&apos;s tables</source>
        <translation>审计记录各数据表所需的全部权限</translation>
    </message>
    <message>
        <source>USAGE on the schema %1; %2</source>
        <translation>模式（schema）%1 的 USAGE；%2</translation>
    </message>
    <message>
        <source>The database role %1 may not use the history %2: it lacks %3. The history&apos;s owner, the role %4, can grant it with:
%5</source>
        <translation>数据库角色 %1 无权使用审计记录 %2：缺少 %3。审计记录的所有者（角色 %4）可以用以下语句授权：
%5</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between what a role lacks on two tables</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>There is no schema %1 in %2 for the history, and the database role %3 may not make it. Have the database&apos;s owner make it, or name another schema in the history&apos;s location (?schema=).</source>
        <translation>%2 中没有供审计记录使用的模式（schema）%1，而数据库角色 %3 无权创建它。请让数据库的所有者创建，或在审计记录位置中指定其他模式（?schema=）。</translation>
    </message>
    <message>
        <source>The database role %1 may not use the history %2: it lacks %3. The roles named before their statements (the history&apos;s owner, %4, and the owners of the schema or of tables it did not make) can grant it with:
%5</source>
        <translation>数据库角色 %1 无权使用审计记录 %2：缺少 %3。各组语句前注明的角色（审计记录的所有者 %4，以及模式（schema）或非其创建的数据表的所有者）可以用这些语句授权：
%5</translation>
    </message>
</context>
<context>
    <name>PiiVault</name>
    <message>
        <source>The history keys are not valid.</source>
        <translation>历史记录的密钥无效。</translation>
    </message>
    <message>
        <source>Cannot encrypt the personal data of the case.</source>
        <translation>无法加密案件的个人数据。</translation>
    </message>
    <message>
        <source>The personal data of case %1 does not decrypt: it was altered or belongs to other keys.</source>
        <translation>案件 %1 的个人数据无法解密：数据已被改动，或属于其他密钥。</translation>
    </message>
    <message>
        <source>Cannot encrypt the review note.</source>
        <translation>无法加密复核备注。</translation>
    </message>
    <message>
        <source>A review note of case %1 does not decrypt.</source>
        <translation>案件 %1 的一条复核备注无法解密。</translation>
    </message>
</context>
<context>
    <name>PrivateFiles</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot make the folder %1 private to you (mode 0700).</source>
        <translation>无法将文件夹 %1 设为仅你本人可访问（权限 0700）。</translation>
    </message>
    <message>
        <source>%1 can be read by other users and cannot be made private (mode 0600): change its owner or permissions, or choose another file.</source>
        <translation>%1 可被其他用户读取，且无法设为仅你本人可访问（权限 0600）：请更改其所有者或权限，或选择其他文件。</translation>
    </message>
</context>
<context>
    <name>RecordSpool</name>
    <message>
        <source>The spool %1 cannot be opened.</source>
        <translation>无法打开缓存队列 %1。</translation>
    </message>
    <message>
        <source>The spool %1 cannot be written: %2</source>
        <translation>无法写入缓存队列 %1：%2</translation>
    </message>
    <message>
        <source>The spool %1 cannot be removed.</source>
        <translation>无法删除缓存队列 %1。</translation>
    </message>
    <message>
        <source>The spool %1 cannot be rewritten: %2</source>
        <translation>无法重写缓存队列 %1：%2</translation>
    </message>
    <message>
        <source>The spool %1 is in use by another process.</source>
        <translation>缓存队列 %1 正被另一个进程使用。</translation>
    </message>
    <message>
        <source>The spool holds a completion of another kind.</source>
        <translation>暂存区中有另一种类型的结束记录。</translation>
    </message>
</context>
<context>
    <name>RecordedCase</name>
    <message>
        <source>The case %1 is not in the audit history.</source>
        <translation>审计历史中没有案件 %1。</translation>
    </message>
    <message>
        <source>The name and ID number of this case were erased by the retention purge; enter them again.</source>
        <translation>此案件的姓名和身份证号已被保留期清理删除；请重新输入。</translation>
    </message>
    <message>
        <source>re-verification</source>
        <translation>重新核验</translation>
    </message>
    <message>
        <source>Only a case whose outcome is unknown is retried with its MerchantBizId; verify this one again as a new case.</source>
        <translation>只有结果未知的案件才会以原 MerchantBizId 重试；请将此案件作为新案件重新核验。</translation>
    </message>
    <message>
        <source>retry after an unknown outcome</source>
        <translation>结果未知后重试</translation>
    </message>
</context>
<context>
    <name>ReferencePicker</name>
    <message>
        <source>Documents seen for this case</source>
        <translation>此案件查看过的文件</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>附加</translation>
    </message>
    <message>
        <source>%1 — %2 bytes — SHA-256 %3</source>
        <translation>%1 — %2 字节 — SHA-256 %3</translation>
    </message>
</context>
<context>
    <name>ResponseParser</name>
    <message>
        <source>The answer has %1 bytes, more than the limit of %2.</source>
        <translation>应答有 %1 字节，超过了 %2 字节的上限。</translation>
    </message>
    <message>
        <source>HTTP %1 with a body that is not JSON (%2 at offset %3).</source>
        <translation>HTTP %1，响应体不是 JSON（%2，位于偏移量 %3）。</translation>
    </message>
    <message>
        <source>HTTP %1 with a JSON body that is not an object.</source>
        <translation>HTTP %1，JSON 响应体不是对象。</translation>
    </message>
    <message>
        <source>A success answer without a Result object.</source>
        <translation>成功应答中没有 Result 对象。</translation>
    </message>
    <message>
        <source>A success answer whose Result.Passed is neither Y nor N.</source>
        <translation>成功应答中的 Result.Passed 既不是 Y 也不是 N。</translation>
    </message>
    <message>
        <source>A success answer without Result.SubCode.</source>
        <translation>成功应答中没有 Result.SubCode。</translation>
    </message>
    <message>
        <source>HTTP %1 without an error code.</source>
        <translation>HTTP %1，没有错误码。</translation>
    </message>
    <message>
        <source>HTTP %1 with a body of type %2, not JSON: the service&apos;s answers are JSON.</source>
        <translation>HTTP %1 的应答正文类型为 %2，而不是 JSON：该服务的应答均为 JSON。</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Merchant business ID</source>
        <translation>商户业务 ID</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>No verification yet</source>
        <translation>尚未核验</translation>
    </message>
    <message>
        <source>Enter the case on the left and press Enter. The outcome and what to do next appear here.</source>
        <translation>在左侧录入案件并按 Enter 键。结果和后续操作将显示在这里。</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Waiting for the answer. Busy or failing connections are retried safely.</source>
        <translation>正在等待应答。繁忙或失败的连接会被安全地重试。</translation>
    </message>
    <message>
        <source>(not yet)</source>
        <translation>（尚无）</translation>
    </message>
    <message>
        <source>Verifying… attempt %1</source>
        <translation>正在核验… 第 %1 次尝试</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Not verified: error</source>
        <translation>未核验：出错</translation>
    </message>
    <message>
        <source>Cancelled: nothing was verified</source>
        <translation>已取消：未进行任何核验</translation>
    </message>
    <message>
        <source>No SubCode in the answer</source>
        <translation>应答中没有 SubCode</translation>
    </message>
    <message>
        <source>SubCode %1</source>
        <translation>SubCode %1</translation>
    </message>
    <message>
        <source>Error %1</source>
        <translation>错误 %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (last one took %2 ms)</source>
        <translation>%1（最近一次耗时 %2 毫秒）</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Code %1</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>应答：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not recorded — the history is unavailable</source>
        <translation>未记录 — 审计记录不可用</translation>
    </message>
    <message>
        <source>Warning: this answer was billed but could not be recorded in the audit history. Note its RequestId; it is kept in the history&apos;s spool and written as soon as the history is available again.</source>
        <translation>警告：此应答已计费，但无法记入审计记录。请记下其 RequestId；它保存在审计记录的缓存队列中，审计记录恢复可用后会立即写入。</translation>
    </message>
    <message>
        <source>&amp;Retry with the same MerchantBizId</source>
        <translation>沿用同一 MerchantBizId 重试(&amp;R)</translation>
    </message>
    <message>
        <source>Sends this case again under its MerchantBizId, linked to it; its name and ID number come from the audit history, which records the reveal</source>
        <translation>沿用此案件的 MerchantBizId 再次发送并与之关联；姓名和身份证号码取自审计记录，显示操作会被记录</translation>
    </message>
    <message>
        <source>Result for the previous data: the case was edited after this answer. Press Enter to verify the edited case as a new case.</source>
        <translation>此结果针对之前的数据：收到此答复后案件已被修改。按 Enter 键将修改后的案件作为新案件核验。</translation>
    </message>
    <message>
        <source>&amp;Correct and verify again</source>
        <translation>更正并再次核验(&amp;C)</translation>
    </message>
    <message>
        <source>Keeps the data in the form, highlights the usual suspects and links the corrected case to this one</source>
        <translation>保留表单中的数据，突出显示常见的出错字段，并将更正后的案件与本案件关联</translation>
    </message>
    <message>
        <source>Send to &amp;manual review…</source>
        <translation>提交人工审核(&amp;M)…</translation>
    </message>
    <message>
        <source>Opens this case in the manual review queue</source>
        <translation>在人工审核队列中打开此案件</translation>
    </message>
    <message>
        <source>Ask the person to confirm every character of the name and of the ID number against the card.</source>
        <translation>请当事人对照证件逐字确认姓名和身份证号码。</translation>
    </message>
    <message>
        <source>A card renewed recently, or an ID number that was changed, may not be in the official database yet: ask whether either happened.</source>
        <translation>近期换领的证件或变更过的身份证号码可能尚未录入官方数据库：请询问是否有上述情况。</translation>
    </message>
    <message>
        <source>If the person confirms the data as entered, send the case to manual review.</source>
        <translation>如当事人确认所填数据无误，请将案件提交人工审核。</translation>
    </message>
    <message>
        <source>Check the validity dates on the back of the card: the start date and the end date (or long-term) must be exactly as printed.</source>
        <translation>核对证件背面的有效期限：起始日期和截止日期（或“长期”）必须与证件上印刷的完全一致。</translation>
    </message>
    <message>
        <source>Check the name character by character: the middle dot &quot;·&quot; (not a full stop &quot;.&quot;, not left out), and any rare character typed as a similar common one.</source>
        <translation>逐字核对姓名：间隔号“·”（不是句点“.”，也不能漏掉），以及是否有生僻字被输入成了相近的常用字。</translation>
    </message>
    <message>
        <source>If something differs, press &quot;Correct and verify again&quot;: the data stays in the form, the usual suspects are highlighted and the new case is linked to this one.</source>
        <translation>如有不符，请点击“更正并再次核验”：数据保留在表单中，常见的出错字段会突出显示，新案件将与本案件关联。</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>下一步操作</translation>
    </message>
    <message>
        <source>Manual review needs the audit history, and this case is not in it</source>
        <translation>人工审核需要审计历史记录，而此案件未记录在其中</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Reveal name and ID number</source>
        <translation>显示完整姓名和身份证号码</translation>
    </message>
    <message>
        <source>Revealing personal data is recorded in the audit history with your name and the reason.</source>
        <translation>显示个人数据的操作将连同您的姓名和理由记入审计记录。</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>e.g. customer called about ticket 4711</source>
        <translation>例如：客户就工单 4711 来电</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>身份证号码：</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Case of %1 (%2), created %3</source>
        <translation>%1（%2）的案件，创建于 %3</translation>
    </message>
    <message>
        <source>Give the reason for revealing the personal data; it is recorded.</source>
        <translation>请填写显示个人数据的理由；该理由会被记录。</translation>
    </message>
    <message>
        <source>Not revealed: %1</source>
        <translation>未显示：%1</translation>
    </message>
    <message>
        <source>Verify again: reveal name and ID number</source>
        <translation>再次核验：显示姓名和身份证号码</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件 %1</translation>
    </message>
    <message>
        <source>Verifying the case again decrypts its name and ID number into the case form. This is recorded in the audit history with your name and the reason.</source>
        <translation>再次核验会解密此案件的姓名和身份证号码并填入案件表单。此操作将连同您的姓名和理由记录在审计历史中。</translation>
    </message>
    <message>
        <source>Reveal and verify again</source>
        <translation>显示并再次核验</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReviewDecisionDialog</name>
    <message>
        <source>Propose a decision</source>
        <translation>提出决定</translation>
    </message>
    <message>
        <source>What you saw and why you decide so (required)</source>
        <translation>您看到了什么，以及为何如此决定（必填）</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>决定(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>With four-eyes, a second person approves the decision before it counts; escalating hands the case to the supervisors.</source>
        <translation>启用四眼原则时，决定须经另一人批准后才生效；上报则将案件交给主管。</translation>
    </message>
</context>
<context>
    <name>ReviewFlow</name>
    <message>
        <source>Unknown review action &quot;%1&quot;.</source>
        <translation>未知的复核操作“%1”。</translation>
    </message>
    <message>
        <source>Write a note: %1 needs one, kept beside the reason code.</source>
        <translation>请填写备注：“%1”需要备注，与原因代码分开保存。</translation>
    </message>
    <message>
        <source>The case is not in the review queue; send it to manual review first.</source>
        <translation>该案件不在复核队列中，请先提交人工复核。</translation>
    </message>
    <message>
        <source>The review of this case is closed (%1); a supervisor may reopen it.</source>
        <translation>该案件的复核已结束（%1），主管可以重新开启。</translation>
    </message>
    <message>
        <source>The case is already in the review queue (%1).</source>
        <translation>该案件已在复核队列中（%1）。</translation>
    </message>
    <message>
        <source>A reviewer sends only their own cases to manual review.</source>
        <translation>审核员只能将自己的案件提交人工复核。</translation>
    </message>
    <message>
        <source>The case has no answer yet; wait for it before sending it to manual review.</source>
        <translation>该案件尚无结果，请等待结果后再提交人工复核。</translation>
    </message>
    <message>
        <source>%1 has already claimed this case.</source>
        <translation>%1 已认领该案件。</translation>
    </message>
    <message>
        <source>The case cannot be claimed while it is %1.</source>
        <translation>案件处于“%1”状态时不能认领。</translation>
    </message>
    <message>
        <source>This case was escalated; only a supervisor may take it.</source>
        <translation>该案件已上报，只有主管可以认领。</translation>
    </message>
    <message>
        <source>A decision is waiting for approval; withdraw it before releasing the case.</source>
        <translation>有一项决定正在等待批准，请先撤回再释放案件。</translation>
    </message>
    <message>
        <source>Nobody has claimed this case.</source>
        <translation>尚无人认领该案件。</translation>
    </message>
    <message>
        <source>Only %1 or a supervisor may release this case.</source>
        <translation>只有 %1 或主管可以释放该案件。</translation>
    </message>
    <message>
        <source>Only a supervisor may reassign a case.</source>
        <translation>只有主管可以重新分配案件。</translation>
    </message>
    <message>
        <source>A decision is waiting for approval; withdraw it before reassigning the case.</source>
        <translation>有一项决定正在等待批准，请先撤回再重新分配案件。</translation>
    </message>
    <message>
        <source>Reassign to an active reviewer or supervisor account (not &quot;%1&quot;).</source>
        <translation>请分配给一个有效的审核员或主管账户（不能是“%1”）。</translation>
    </message>
    <message>
        <source>An escalated case goes to a supervisor.</source>
        <translation>已上报的案件只能分配给主管。</translation>
    </message>
    <message>
        <source>A decision is already waiting for approval.</source>
        <translation>已有一项决定正在等待批准。</translation>
    </message>
    <message>
        <source>Claim the case before deciding it.</source>
        <translation>请先认领案件再作决定。</translation>
    </message>
    <message>
        <source>%1 has claimed this case; only they may propose a decision.</source>
        <translation>%1 已认领该案件，只有其本人可以提出决定。</translation>
    </message>
    <message>
        <source>The decision must be approve, reject or escalate.</source>
        <translation>决定必须是通过、拒绝或上报。</translation>
    </message>
    <message>
        <source>The case is already escalated to the supervisors.</source>
        <translation>该案件已上报给主管。</translation>
    </message>
    <message>
        <source>No decision is waiting for approval on this case.</source>
        <translation>该案件没有等待批准的决定。</translation>
    </message>
    <message>
        <source>You proposed this decision; a second person must approve it (four-eyes).</source>
        <translation>该决定由您提出，必须由另一人批准（四眼原则）。</translation>
    </message>
    <message>
        <source>This case was escalated; only a supervisor may approve its decision.</source>
        <translation>该案件已上报，只有主管可以批准其决定。</translation>
    </message>
    <message>
        <source>Only %1 or a supervisor may withdraw this proposal.</source>
        <translation>只有 %1 或主管可以撤回该提议。</translation>
    </message>
    <message>
        <source>Only a supervisor may reopen a decided case.</source>
        <translation>只有主管可以重新开启已决定的案件。</translation>
    </message>
    <message>
        <source>The case is still open in the review queue.</source>
        <translation>该案件仍在复核队列中未结束。</translation>
    </message>
    <message>
        <source>Only the people working on this case add notes and references to it.</source>
        <translation>只有处理该案件的人员可以添加备注和文件引用。</translation>
    </message>
    <message>
        <source>A reference needs the file name and its SHA-256.</source>
        <translation>文件引用需要文件名及其 SHA-256。</translation>
    </message>
</context>
<context>
    <name>ReviewItem</name>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>复核中</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>待批准</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>已重新开启</translation>
    </message>
    <message>
        <source>sent to manual review</source>
        <translation>已提交人工复核</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>已认领</translation>
    </message>
    <message>
        <source>released</source>
        <translation>已释放</translation>
    </message>
    <message>
        <source>reassigned</source>
        <translation>已重新分配</translation>
    </message>
    <message>
        <source>decision proposed</source>
        <translation>已提出决定</translation>
    </message>
    <message>
        <source>decision approved</source>
        <translation>决定已批准</translation>
    </message>
    <message>
        <source>proposal declined</source>
        <translation>提议被退回</translation>
    </message>
    <message>
        <source>proposal withdrawn</source>
        <translation>提议已撤回</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>document reference</source>
        <translation>文件引用</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>escalate to supervisors</source>
        <translation>上报主管</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>%1 in the queue, %2 overdue</source>
        <translation>队列中 %1 个，%2 个已超时</translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation>%1 — 已超时</translation>
    </message>
    <message>
        <source>%1 (escalated)</source>
        <translation>%1（已上报）</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Waiting longer than the team&apos;s limit of %1 h for a review.</source>
        <translation>等待复核的时间已超过团队规定的 %1 小时。</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>等待时长</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>SubCode</source>
        <translation>SubCode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>核验人</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>送审时间</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePanel</name>
    <message>
        <source>&amp;State:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>account name</source>
        <translation>账户名</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>认领(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Release</source>
        <translation>释放(&amp;R)</translation>
    </message>
    <message>
        <source>Reassi&amp;gn…</source>
        <translation>改派(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Propose decision…</source>
        <translation>提出决定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Decline…</source>
        <translation>退回(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤回(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>重新打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>添加备注(&amp;N)…</translation>
    </message>
    <message>
        <source>Attach &amp;documents…</source>
        <translation>附加文件(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Timeline…</source>
        <translation>时间线(&amp;T)…</translation>
    </message>
    <message>
        <source>You claimed the case.</source>
        <translation>您已认领此案件。</translation>
    </message>
    <message>
        <source>The case is back in the queue.</source>
        <translation>案件已退回队列。</translation>
    </message>
    <message>
        <source>Decision approved: the review of this case is closed.</source>
        <translation>决定已批准：此案件的复核已结束。</translation>
    </message>
    <message>
        <source>Proposal withdrawn.</source>
        <translation>提议已撤回。</translation>
    </message>
    <message>
        <source>Decline the proposal</source>
        <translation>退回提议</translation>
    </message>
    <message>
        <source>Why does the decision go back to its author?</source>
        <translation>为什么将此决定退回给提出人？</translation>
    </message>
    <message>
        <source>Proposal declined: it went back to its author.</source>
        <translation>提议已退回给提出人。</translation>
    </message>
    <message>
        <source>Reopen the review</source>
        <translation>重新打开复核</translation>
    </message>
    <message>
        <source>Why is the decided case reopened?</source>
        <translation>为什么重新打开已决定的案件？</translation>
    </message>
    <message>
        <source>The review is open again.</source>
        <translation>复核已重新打开。</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>备注已添加。</translation>
    </message>
    <message>
        <source>Reassign the case</source>
        <translation>改派案件</translation>
    </message>
    <message>
        <source>Give the case to the account:</source>
        <translation>将案件交给账户：</translation>
    </message>
    <message>
        <source>The case went to %1.</source>
        <translation>案件已交给 %1。</translation>
    </message>
    <message>
        <source>Decision proposed: %1.</source>
        <translation>已提出决定：%1。</translation>
    </message>
    <message>
        <source>Practise as:</source>
        <translation>练习身份：</translation>
    </message>
    <message>
        <source>trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>second trainee</source>
        <translation>第二学员</translation>
    </message>
    <message>
        <source>Training only: propose a decision as one trainee and approve it as the other, as four-eyes asks of two people.</source>
        <translation>仅限培训：以一名学员身份提出决定，再以另一名学员身份批准，体验双人复核（四眼原则）。</translation>
    </message>
    <message>
        <source>Still in the queue</source>
        <translation>仍在队列中</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Named:</source>
        <translation>指定：</translation>
    </message>
    <message>
        <source>You proposed this decision; a second person approves it (four-eyes).</source>
        <translation>此决定由您提出，须由另一人批准（四眼原则）。</translation>
    </message>
    <message>
        <source>Assign&amp;ee:</source>
        <translation>处理人(&amp;E)：</translation>
    </message>
    <message>
        <source>S&amp;ubCode:</source>
        <translation>S&amp;ubCode：</translation>
    </message>
    <message>
        <source>Assignee&apos;s account name</source>
        <translation>处理人的账号名</translation>
    </message>
    <message numerus="yes">
        <source>Computing the SHA-256 of %n file(s)…</source>
        <translation>
            <numerusform>正在计算 %n 个文件的 SHA-256…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document reference(s) recorded.</source>
        <translation>
            <numerusform>已记录 %n 个文件引用。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewReason</name>
    <message>
        <source>Document seen, data correct</source>
        <translation>已查看证件，信息正确</translation>
    </message>
    <message>
        <source>Typo corrected and re-verified</source>
        <translation>已更正录入错误并重新核验</translation>
    </message>
    <message>
        <source>Card renewed, not yet in the database</source>
        <translation>证件已换领，数据库尚未更新</translation>
    </message>
    <message>
        <source>Card expired</source>
        <translation>证件已过期</translation>
    </message>
    <message>
        <source>Mismatch confirmed with the person</source>
        <translation>已与本人确认信息不一致</translation>
    </message>
    <message>
        <source>Suspected forgery</source>
        <translation>疑似伪造</translation>
    </message>
    <message>
        <source>Person did not respond</source>
        <translation>本人未回应</translation>
    </message>
    <message>
        <source>Needs a supervisor&apos;s decision</source>
        <translation>需要主管决定</translation>
    </message>
</context>
<context>
    <name>ReviewTable</name>
    <message>
        <source>Cannot read the review: %1</source>
        <translation>无法读取复核记录：%1</translation>
    </message>
    <message>
        <source>Cannot save the review: %1</source>
        <translation>无法保存复核记录：%1</translation>
    </message>
    <message>
        <source>Case %1 is not in the review queue.</source>
        <translation>案件 %1 不在复核队列中。</translation>
    </message>
    <message>
        <source>Cannot read the review queue: %1</source>
        <translation>无法读取复核队列：%1</translation>
    </message>
    <message>
        <source>Cannot save the review note: %1</source>
        <translation>无法保存复核备注：%1</translation>
    </message>
    <message>
        <source>Cannot read the review notes: %1</source>
        <translation>无法读取复核备注：%1</translation>
    </message>
    <message>
        <source>Cannot read the review reason codes: %1</source>
        <translation>无法读取复核原因代码：%1</translation>
    </message>
    <message>
        <source>Cannot save the reason code: %1</source>
        <translation>无法保存原因代码：%1</translation>
    </message>
    <message>
        <source>Cannot read the review policy: %1</source>
        <translation>无法读取复核规则：%1</translation>
    </message>
    <message>
        <source>Cannot save the review policy: %1</source>
        <translation>无法保存复核规则：%1</translation>
    </message>
    <message>
        <source>Cannot erase the review notes: %1</source>
        <translation>无法清除复核备注：%1</translation>
    </message>
    <message>
        <source>The review policy of this history is missing.</source>
        <translation>此审计历史缺少复核规则。</translation>
    </message>
</context>
<context>
    <name>SandboxCa</name>
    <message>
        <source>The training sandbox certificates were created in %1 but cannot be read back.</source>
        <translation>培训沙箱证书已在 %1 中创建，但无法读回。</translation>
    </message>
    <message>
        <source>Cannot create the training sandbox folder %1.</source>
        <translation>无法创建培训沙箱文件夹 %1。</translation>
    </message>
    <message>
        <source>OpenSSL could not generate the training sandbox keys.</source>
        <translation>OpenSSL 无法生成培训沙箱密钥。</translation>
    </message>
    <message>
        <source>OpenSSL could not create the training sandbox certificates.</source>
        <translation>OpenSSL 无法创建培训沙箱证书。</translation>
    </message>
    <message>
        <source>Cannot write the training sandbox certificates to %1.</source>
        <translation>无法将培训沙箱证书写入 %1。</translation>
    </message>
    <message>
        <source>Another program keeps the training sandbox certificates in %1 locked.</source>
        <translation>另一个程序锁定了 %1 中的培训沙箱证书。</translation>
    </message>
</context>
<context>
    <name>SandboxServer</name>
    <message>
        <source>The training sandbox cannot listen on 127.0.0.1:%1: %2</source>
        <translation>培训沙箱无法监听 127.0.0.1:%1：%2</translation>
    </message>
</context>
<context>
    <name>SendToReviewDialog</name>
    <message>
        <source>Attach &amp;documents…</source>
        <translation>附加文件(&amp;D)…</translation>
    </message>
    <message>
        <source>Send to manual review</source>
        <translation>送人工复核</translation>
    </message>
    <message>
        <source>What the reviewer should know (optional)</source>
        <translation>复核人员需要了解的情况（可选）</translation>
    </message>
    <message>
        <source>&amp;Send to review</source>
        <translation>送审(&amp;S)</translation>
    </message>
    <message>
        <source>The case goes to the review queue, where a reviewer claims and decides it. Only the names and SHA-256 of the documents are recorded; the files are not copied.</source>
        <translation>案件将进入复核队列，由复核人员认领并作出决定。仅记录文件名和 SHA-256，文件本身不会被复制。</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Documents seen:</source>
        <translation>已查看的文件：</translation>
    </message>
    <message numerus="yes">
        <source>Computing the SHA-256 of %n file(s)…</source>
        <translation>
            <numerusform>正在计算 %n 个文件的 SHA-256…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The long-term value must be 长期 or long-term, not &quot;%1&quot;.</source>
        <translation>长期有效值必须是“长期”或 long-term，而不是“%1”。</translation>
    </message>
    <message>
        <source>This history has accounts: sign in to use it.</source>
        <translation>此历史记录设有账户：请登录后使用。</translation>
    </message>
    <message>
        <source>Training uses the built-in sandbox: leave out --endpoint (or leave out --training to use %1).</source>
        <translation>培训模式使用内置沙箱：请去掉 --endpoint（或去掉 --training 以使用 %1）。</translation>
    </message>
    <message>
        <source>Training uses the built-in sandbox and trusts its own certificate: leave out --ca-file.</source>
        <translation>培训模式使用内置沙箱并信任其自身的证书：请去掉 --ca-file。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>a valid value</source>
        <translation>有效的值</translation>
    </message>
    <message>
        <source>Setting %1 holds &quot;%2&quot;, not %3; using %4.</source>
        <translation>设置 %1 的值为“%2”，不是%3；改用 %4。</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>长期 or long-term</source>
        <translation>长期或 long-term</translation>
    </message>
    <message>
        <source>a whole number above 0</source>
        <translation>大于 0 的整数</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a whole number from 1 to 240</source>
        <translation>1 到 240 之间的整数</translation>
    </message>
    <message>
        <source>0 (no limit) or a number above 0</source>
        <translation>0（不限制）或大于 0 的数字</translation>
    </message>
    <message>
        <source>light, dark or empty (the system&apos;s)</source>
        <translation>light、dark 或留空（跟随系统）</translation>
    </message>
    <message>
        <source>The settings file %1 held serialized data, which eKYC Desk never writes: it was set aside as %2 and the defaults apply.</source>
        <translation>设置文件 %1 含有序列化数据（eKYC Desk 从不写入此类数据）：已将其另存为 %2，并改用默认设置。</translation>
    </message>
    <message>
        <source>a whole number from 10 to 100000</source>
        <translation>10 至 100000 之间的整数</translation>
    </message>
</context>
<context>
    <name>SettingsChange</name>
    <message>
        <source>The audit history is not available: settings not changed.</source>
        <translation>审计记录不可用：设置未更改。</translation>
    </message>
    <message>
        <source>The application is closing: settings not changed.</source>
        <translation>应用程序正在关闭：设置未更改。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>接入点：</translation>
    </message>
    <message>
        <source>&amp;Custom https URL:</source>
        <translation>自定义 https 地址(&amp;C)：</translation>
    </message>
    <message>
        <source>Extra CA &amp;file:</source>
        <translation>附加 CA 文件(&amp;F)：</translation>
    </message>
    <message>
        <source>None: the system&apos;s certificates only</source>
        <translation>无：仅使用系统证书</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Requests per second:</source>
        <translation>每秒请求数(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>超时(&amp;T)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How long one attempt may take before it is given up.</source>
        <translation>单次尝试在放弃前最多可用的时间。</translation>
    </message>
    <message>
        <source>&amp;Attempts:</source>
        <translation>尝试次数(&amp;A)：</translation>
    </message>
    <message>
        <source>How often a case is sent at most, counting retries after a timeout or a throttled answer.</source>
        <translation>一个案件最多发送的次数，包括超时或被限流后的重试。</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Long-term card:</source>
        <translation>长期有效证件：</translation>
    </message>
    <message>
        <source>长期 — as the provider&apos;s Chinese reference specifies (default)</source>
        <translation>长期 — 与服务商中文文档一致（默认）</translation>
    </message>
    <message>
        <source>long-term — as its English page renders it</source>
        <translation>long-term — 与服务商英文页面的写法一致</translation>
    </message>
    <message>
        <source>What is sent as the end of validity (ValidityEndDate) of a card valid for the long term. Keep 长期 unless a live call on a known long-term card shows that the service expects the English value.</source>
        <translation>长期有效证件的有效期截止日期（ValidityEndDate）发送的值。除非用一张已知的长期证件实际调用后发现服务要求英文值，否则请保留“长期”。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <source>R&amp;etention:</source>
        <translation>保留期(&amp;E)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>After this many days the audit purge erases the name and ID number of a case; the rest of the record stays.</source>
        <translation>超过该天数后，审计清理会删除案件中的姓名和身份证号码，记录的其余部分保留。</translation>
    </message>
    <message>
        <source>Hong Kong, &amp;Internet (%1)</source>
        <translation>中国香港，公网(&amp;I)（%1）</translation>
    </message>
    <message>
        <source>Hong Kong, &amp;VPC (%1)</source>
        <translation>中国香港，VPC(&amp;V)（%1）</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>The stored URL holds a password, which is not shown; it is kept unless you change the location.</source>
        <translation>已保存的地址中含有密码，此处不显示；除非更改位置，否则该密码保持不变。</translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation>附加 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Endpoint: enter the https:// URL of the custom endpoint.</source>
        <translation>接入点：请输入自定义接入点的 https:// 地址。</translation>
    </message>
    <message>
        <source>The AccessKey comes from the environment, the aliyun CLI profile or the credentials file, else from the key saved below in the OS keychain. Secrets are never stored in the settings.</source>
        <translation>AccessKey 取自环境变量、aliyun CLI 配置或凭证文件，否则取自下方保存在系统钥匙串中的密钥。机密信息从不保存在设置中。</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>AccessKey</source>
        <translation>AccessKey</translation>
    </message>
    <message>
        <source>AccessKey &amp;ID:</source>
        <translation>AccessKey ID(&amp;I)：</translation>
    </message>
    <message>
        <source>S&amp;ecret:</source>
        <translation>Secret(&amp;E)：</translation>
    </message>
    <message>
        <source>STS t&amp;oken:</source>
        <translation>STS 令牌(&amp;O)：</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>&amp;Remove saved key</source>
        <translation>删除已保存的密钥(&amp;R)</translation>
    </message>
    <message>
        <source>Default &amp;scene code:</source>
        <translation>默认场景码(&amp;S)：</translation>
    </message>
    <message>
        <source>Filled into every new case; empty: none.</source>
        <translation>自动填入每个新案件；留空：不填。</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>语言(&amp;N)：</translation>
    </message>
    <message>
        <source>Manual review:</source>
        <translation>人工复核：</translation>
    </message>
    <message>
        <source>&amp;Four eyes: a second person confirms each decision</source>
        <translation>双人复核(&amp;F)：每项决定须由第二人确认</translation>
    </message>
    <message>
        <source>I&amp;dle lock:</source>
        <translation>空闲锁定(&amp;D)：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Minutes without input after which the desk locks and asks for the password again (1 to 240).</source>
        <translation>无操作达到该分钟数后，工作台将锁定并要求重新输入密码（1 到 240）。</translation>
    </message>
    <message>
        <source>A SQLite file path or a postgresql:// URL of a shared server; empty: the default file shown in grey. Leave the database password out of the URL: enter it below (kept in the OS keychain), or give it through PGPASSWORD or ~/.pgpass. A new location takes effect the next time eKYC Desk starts.</source>
        <translation>SQLite 文件路径，或共享服务器的 postgresql:// 地址；留空：使用灰色显示的默认文件。请勿在地址中包含数据库密码：请在下方输入（保存在系统钥匙串中），或通过 PGPASSWORD 或 ~/.pgpass 提供。新的位置将在下次启动 eKYC Desk 时生效。</translation>
    </message>
    <message>
        <source>Database &amp;password:</source>
        <translation>数据库密码(&amp;P)：</translation>
    </message>
    <message>
        <source>For a postgresql:// location only: kept in the OS keychain, never in the settings.</source>
        <translation>仅用于 postgresql:// 位置：保存在系统钥匙串中，从不保存在设置中。</translation>
    </message>
    <message>
        <source>Changes apply at once and are recorded in the audit history; a new history location takes effect at the next start. Only a supervisor may change settings; anyone may choose the language.</source>
        <translation>更改立即生效并记入审计记录；新的审计记录位置在下次启动时生效。只有主管可以更改设置；任何人都可以选择语言。</translation>
    </message>
    <message>
        <source>Settings saved and applied; the change is recorded in the audit history.</source>
        <translation>设置已保存并应用；此更改已记入审计记录。</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>The saved key %1 is removed from the keychain when you press OK.</source>
        <translation>按“确定”后，将从钥匙串中删除已保存的密钥 %1。</translation>
    </message>
    <message>
        <source>No key is saved here. Enter one to keep it in the OS keychain; it is never stored anywhere else.</source>
        <translation>此处未保存密钥。输入密钥后会保存在系统钥匙串中，不会存放在其他任何地方。</translation>
    </message>
    <message>
        <source>Saved in the OS keychain: %1. Enter another key to replace it.</source>
        <translation>已保存在系统钥匙串中：%1。输入其他密钥可替换它。</translation>
    </message>
    <message>
        <source>History location: %1</source>
        <translation>审计记录位置：%1</translation>
    </message>
    <message>
        <source>History location: leave the password out of the URL; enter it in Database password (kept in the OS keychain), or give it through PGPASSWORD or ~/.pgpass. Passwords are never stored in the settings.</source>
        <translation>审计记录位置：请勿在地址中包含密码；请在“数据库密码”中输入（保存在系统钥匙串中），或通过 PGPASSWORD 或 ~/.pgpass 提供。密码从不保存在设置中。</translation>
    </message>
    <message>
        <source>AccessKey: enter both the AccessKey ID and its secret (the STS token only with them).</source>
        <translation>AccessKey：请同时输入 AccessKey ID 及其 Secret（STS 令牌只能与二者一同提供）。</translation>
    </message>
    <message>
        <source>Idle lock: enter from 1 to 240 minutes.</source>
        <translation>空闲锁定：请输入 1 到 240 分钟。</translation>
    </message>
    <message>
        <source>Default scene code: %1</source>
        <translation>默认场景码：%1</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>未保存任何内容。</translation>
    </message>
    <message>
        <source>AccessKey not saved: %1</source>
        <translation>AccessKey 未保存：%1</translation>
    </message>
    <message>
        <source>Database password not saved: %1</source>
        <translation>数据库密码未保存：%1</translation>
    </message>
    <message>
        <source>No AccessKey to test with: enter one above, or give one through the environment.</source>
        <translation>没有可用于测试的 AccessKey：请在上方输入，或通过环境变量提供。</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>正在测试与 %1 的连接…</translation>
    </message>
    <message>
        <source>Proves: %1</source>
        <translation>可证明：%1</translation>
    </message>
    <message>
        <source>Not confirmed: %1</source>
        <translation>尚未确认：%1</translation>
    </message>
    <message>
        <source>RequestId: %1</source>
        <translation>RequestId：%1</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>The account&apos;s limit for eKYC_Date_MIN is 10 QPS, shared by everyone using the account. This limit is shared by every eKYC Desk program on this computer, and by every computer of a team history on PostgreSQL. 0: no limit (for a local endpoint only).</source>
        <translation>eKYC_Date_MIN 的账号限额为 10 QPS，由使用该账号的所有人共享。此处的限制由本机上所有 eKYC Desk 程序共享，团队历史位于 PostgreSQL 时由所有电脑共享。0：不限制（仅用于本地端点）。</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>System colours</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Custom https URL</source>
        <translation>自定义 https 地址</translation>
    </message>
    <message>
        <source>Anc&amp;hor folder:</source>
        <translation>锚点文件夹(&amp;H)：</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Optional: every signed checkpoint of the history is also written here as an anchor file. Choose another disk or a share; audit verify --anchors checks them. Applies when the history is next opened.</source>
        <translation>可选：审计记录的每个已签名检查点也会以锚点文件的形式写入此处。请选择另一块磁盘或共享文件夹；audit verify --anchors 会检查它们。下次打开审计记录时生效。</translation>
    </message>
    <message>
        <source>Anchor folder</source>
        <translation>锚点文件夹</translation>
    </message>
    <message>
        <source>Chec&amp;kpoints:</source>
        <translation>检查点(&amp;K)：</translation>
    </message>
    <message>
        <source>Events between signed checkpoints</source>
        <translation>已签名检查点之间的事件数</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> events</source>
        <translation> 个事件</translation>
    </message>
    <message>
        <source>The history&apos;s key signs a checkpoint after this many events. The team&apos;s setting, kept in the history: a supervisor&apos;s change applies to every workstation and is itself signed.</source>
        <translation>审计记录的密钥每隔这么多个事件签署一个检查点。这是团队的设置，保存在审计记录中：主管的修改对所有工作站生效，且修改本身也经过签名。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>再次输入(&amp;R)：</translation>
    </message>
    <message>
        <source>Create the first supervisor</source>
        <translation>创建第一个主管</translation>
    </message>
    <message>
        <source>The audit history %1 has no accounts yet. Everyone who uses it signs in, so that every case records who did it. Create the first supervisor account now; the supervisor then adds reviewers, supervisors and auditors.</source>
        <translation>审计历史 %1 尚无账户。每个使用者都需要登录，以便每个案件都记录是谁操作的。请现在创建第一个主管账户；之后由主管添加审核员、主管和审计员。</translation>
    </message>
    <message>
        <source>Sign in to the audit history %1.</source>
        <translation>登录审计历史 %1。</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <source>The desk locked itself while nobody used it. The open case is kept; enter your password to go on.</source>
        <translation>工作台在无人使用时已自动锁定。当前案件已保留；请输入密码继续。</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>No account was created.</source>
        <translation>未创建账户。</translation>
    </message>
    <message>
        <source>Nobody signed in.</source>
        <translation>无人登录。</translation>
    </message>
</context>
<context>
    <name>TrainingHistory</name>
    <message>
        <source>Cannot read the training history&apos;s key %1: %2</source>
        <translation>无法读取培训历史记录的密钥 %1：%2</translation>
    </message>
    <message>
        <source>The training history&apos;s key %1 is damaged.</source>
        <translation>培训历史记录的密钥 %1 已损坏。</translation>
    </message>
    <message>
        <source>The training history %1 has lost its key file %2. Move the history away to start a new one.</source>
        <translation>培训历史记录 %1 的密钥文件 %2 已丢失。请将该历史记录移走以新建一个。</translation>
    </message>
    <message>
        <source>Cannot write the training history&apos;s key %1: %2</source>
        <translation>无法写入培训历史记录的密钥 %1：%2</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>eKYC Desk user guide</source>
        <translation>eKYC Desk 用户指南</translation>
    </message>
</context>
<context>
    <name>VerificationResult</name>
    <message>
        <source>The information is consistent. Verification passed.</source>
        <translation>信息一致，核验通过。</translation>
    </message>
    <message>
        <source>The identity cannot be found in the official database. The information may be wrong or fraudulent.</source>
        <translation>在官方数据库中查不到该身份。信息可能有误或为虚假信息。</translation>
    </message>
    <message>
        <source>The name and ID number do not match, or the validity start or end date does not match the official database. The information may be wrong or fraudulent.</source>
        <translation>姓名与身份证号码不匹配，或有效期起始日期或截止日期与官方数据库不一致。信息可能有误或为虚假信息。</translation>
    </message>
    <message>
        <source>Unrecognised result – escalate to a supervisor</source>
        <translation>无法识别的结果 — 请上报主管</translation>
    </message>
    <message>
        <source>Ask the person to confirm the information and try again. If they confirm it is correct, route the case to manual review.</source>
        <translation>请本人确认信息后重试。如本人确认信息无误，请将案件转人工审核。</translation>
    </message>
    <message>
        <source>Do not decide the case on this result: the service returned a result code this version does not know. Escalate the case to a supervisor.</source>
        <translation>请勿依据此结果处理案件：服务返回了本版本无法识别的结果码。请将案件上报主管。</translation>
    </message>
    <message>
        <source>The service reports that a required parameter is missing. Check that the name, ID number and validity dates are filled in; if they are, report this to support.</source>
        <translation>服务报告缺少必需的参数。请检查姓名、身份证号码和有效期限是否已填写；如已填写，请向技术支持报告此问题。</translation>
    </message>
    <message>
        <source>The service rejected a parameter as invalid. Check the name, ID number, validity dates and scene code, correct them and try again.</source>
        <translation>服务认为某个参数无效而拒绝了请求。请检查姓名、身份证号码、有效期限和场景码，更正后重试。</translation>
    </message>
    <message>
        <source>The AccessKey belongs to a RAM user that is not allowed to call ID Verification. Ask the account administrator to grant the AliyunAntCloudAuthFullAccess policy to this RAM user.</source>
        <translation>该 AccessKey 所属的 RAM 用户无权调用身份核验服务。请联系账户管理员为该 RAM 用户授予 AliyunAntCloudAuthFullAccess 权限策略。</translation>
    </message>
    <message>
        <source>The Alibaba Cloud account cannot use ID Verification: the service is not activated or the account has an overdue payment. Ask the account administrator to activate ID Verification or settle the overdue payment.</source>
        <translation>该阿里云账户无法使用身份核验服务：服务未开通或账户已欠费。请联系账户管理员开通身份核验服务或结清欠费。</translation>
    </message>
    <message>
        <source>The request was refused by throttling. The account&apos;s limit of 10 requests per second is shared by all its users. Wait a moment and try again; if it keeps happening, lower this workstation&apos;s rate limit setting.</source>
        <translation>请求因限流被拒绝。账户每秒 10 次请求的限额由其所有用户共享。请稍候重试；如果反复出现，请调低本工作站的速率限制设置。</translation>
    </message>
    <message>
        <source>The service could not verify the request signature. Check that the AccessKey secret is correct and that this computer&apos;s clock is set correctly.</source>
        <translation>服务无法验证请求签名。请检查 AccessKey Secret 是否正确，以及本机时钟是否准确。</translation>
    </message>
    <message>
        <source>The service received an incomplete signature. Check the AccessKey secret and this computer&apos;s clock; if both are right, report this to support.</source>
        <translation>服务收到的签名不完整。请检查 AccessKey Secret 和本机时钟；如两者均无误，请向技术支持报告此问题。</translation>
    </message>
    <message>
        <source>The service does not know this AccessKey ID. Check the AccessKey ID, and that the key is still enabled in the RAM console.</source>
        <translation>服务无法识别此 AccessKey ID。请检查 AccessKey ID，并确认该密钥在 RAM 控制台中仍处于启用状态。</translation>
    </message>
    <message>
        <source>The service saw this request&apos;s one-time nonce before. Try again; if it keeps happening, report this to support.</source>
        <translation>服务此前已收到过此请求的一次性随机数（nonce）。请重试；如果反复出现，请向技术支持报告此问题。</translation>
    </message>
    <message>
        <source>The request&apos;s time stamp was too far from the service&apos;s time. Set this computer&apos;s clock correctly (automatic time synchronisation) and try again.</source>
        <translation>请求的时间戳与服务端时间相差过大。请正确设置本机时钟（开启自动时间同步）后重试。</translation>
    </message>
    <message>
        <source>The service had an internal error; nothing was billed. Try again later; if it persists, report it to Alibaba Cloud with the request ID.</source>
        <translation>服务发生内部错误；未计费。请稍后重试；如果问题持续存在，请凭请求 ID 向阿里云报告。</translation>
    </message>
    <message>
        <source>The service is temporarily unavailable; nothing was billed. Try again in a few minutes.</source>
        <translation>服务暂时不可用；未计费。请几分钟后重试。</translation>
    </message>
    <message>
        <source>The service returned an error this version does not know. Read the code and message shown, and report them to support if they are unclear.</source>
        <translation>服务返回了本版本无法识别的错误。请阅读显示的错误码和消息；如有疑问，请向技术支持报告。</translation>
    </message>
    <message>
        <source>The service&apos;s answer could not be read. Do not retry blindly: the call may have been billed. Check the case in the Alibaba Cloud console by its MerchantBizId or report this to support.</source>
        <translation>无法读取服务的应答。请勿盲目重试：此次调用可能已计费。请在阿里云控制台中按 MerchantBizId 查询该案件，或向技术支持报告此问题。</translation>
    </message>
    <message>
        <source>The service&apos;s answer was larger than allowed and was not read. Check the endpoint setting; the call may have been billed, so check the case in the Alibaba Cloud console.</source>
        <translation>服务的应答超出允许的大小，未读取。请检查接入点设置；此次调用可能已计费，请在阿里云控制台中查询该案件。</translation>
    </message>
    <message>
        <source>The service did not answer in time. Check the network connection and try again.</source>
        <translation>服务未及时应答。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The service&apos;s host name could not be found. Check the endpoint setting and the network or DNS configuration.</source>
        <translation>找不到服务的主机名。请检查接入点设置以及网络或 DNS 配置。</translation>
    </message>
    <message>
        <source>The connection to the service was refused. Check the endpoint setting and any firewall or proxy.</source>
        <translation>与服务的连接被拒绝。请检查接入点设置以及防火墙或代理。</translation>
    </message>
    <message>
        <source>The connection to the service was closed unexpectedly. Check the network connection and try again.</source>
        <translation>与服务的连接意外关闭。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The secure connection failed: the server certificate could not be verified. Check the endpoint, the proxy, or the extra CA file setting. Certificate errors are never ignored.</source>
        <translation>安全连接失败：无法验证服务器证书。请检查接入点、代理或额外 CA 文件设置。证书错误绝不会被忽略。</translation>
    </message>
    <message>
        <source>The proxy server failed or refused the connection. Check the system proxy settings.</source>
        <translation>代理服务器出错或拒绝了连接。请检查系统代理设置。</translation>
    </message>
    <message>
        <source>A network error occurred. Check the network connection and try again.</source>
        <translation>发生网络错误。请检查网络连接后重试。</translation>
    </message>
    <message>
        <source>The verification was cancelled before an answer arrived.</source>
        <translation>在收到应答之前，核验已被取消。</translation>
    </message>
    <message>
        <source>Outcome unknown: the request was sent but no answer arrived (%1). The service may have processed and billed it, so it was not retried automatically. Look the case up in the Alibaba Cloud console by its MerchantBizId, or retry it with the same MerchantBizId.</source>
        <translation>结果未知：请求已发出，但未收到应答（%1）。服务可能已处理并计费，因此未自动重试。请在阿里云控制台中按 MerchantBizId 查询该案件，或使用同一 MerchantBizId 重试。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>连接中断</translation>
    </message>
    <message>
        <source>Not recorded — the audit history is unavailable, so nothing more was sent. Check the disk space or the database server, then verify the case again.</source>
        <translation>未记录 — 审计记录不可用，因此未再发送任何内容。请检查磁盘空间或数据库服务器，然后重新核验该案件。</translation>
    </message>
    <message>
        <source>Before retrying, look for this MerchantBizId in the Alibaba Cloud console: if the service has a record of it, the call was billed and its result is there. Otherwise retry; the retry keeps the MerchantBizId, so two records at the provider stay recognisable as one case.</source>
        <translation>重试前，请先在阿里云控制台中查找此 MerchantBizId：如果服务有它的记录，说明此次调用已计费，结果也在那里。否则请重试；重试会沿用该 MerchantBizId，因此服务商处的两条记录仍可识别为同一案件。</translation>
    </message>
    <message>
        <source>the network resent the request, and the service had seen it</source>
        <translation>网络重发了该请求，而服务此前已收到过它</translation>
    </message>
    <message>
        <source>The server answered in plain HTTP, not TLS: check the endpoint URL&apos;s scheme and port. Nothing was sent.</source>
        <translation>服务器以明文 HTTP 而非 TLS 应答：请检查接入点 URL 的协议（scheme）和端口。未发送任何内容。</translation>
    </message>
    <message>
        <source>the service&apos;s gateway answered HTTP %1, without the outcome</source>
        <translation>服务的网关应答了 HTTP %1，但没有核验结果</translation>
    </message>
    <message>
        <source>Outcome unknown: the service&apos;s gateway passed the request on and answered HTTP %1 without its outcome. The service may have processed and billed it, so it was not retried automatically. Look the case up in the Alibaba Cloud console by its MerchantBizId, or retry it with the same MerchantBizId.</source>
        <translation>结果未知：服务的网关已转发请求，但应答了 HTTP %1，没有核验结果。服务可能已处理并计费，因此未自动重试。请在阿里云控制台中按 MerchantBizId 查询该案件，或使用同一 MerchantBizId 重试。</translation>
    </message>
</context>
<context>
    <name>VerificationService</name>
    <message>
        <source>The training sandbox could not start: %1</source>
        <translation>培训沙箱无法启动：%1</translation>
    </message>
    <message>
        <source>No AccessKey found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or use training mode.</source>
        <translation>未找到 AccessKey。请设置 ALIBABA_CLOUD_ACCESS_KEY_ID 和 ALIBABA_CLOUD_ACCESS_KEY_SECRET（使用 STS 时还需设置 ALIBABA_CLOUD_SECURITY_TOKEN），或使用培训模式。</translation>
    </message>
    <message>
        <source>The verification service is not configured.</source>
        <translation>核验服务未配置。</translation>
    </message>
    <message>
        <source>The case was refused locally; nothing was sent or billed.</source>
        <translation>案件已在本地被拒绝；未发送任何内容，也未计费。</translation>
    </message>
    <message>
        <source>The case has warnings that must be acknowledged before a billed call.</source>
        <translation>该案件有警告，必须先确认才能进行计费调用。</translation>
    </message>
    <message>
        <source>The case could not be saved in the audit history, so it was not sent: %1</source>
        <translation>无法将案件保存到审计记录，因此未发送：%1</translation>
    </message>
    <message>
        <source>Re-verification needs the audit history.</source>
        <translation>重新核验需要审计记录。</translation>
    </message>
    <message>
        <source>The link to the earlier case could not be recorded, so the case was not sent: %1</source>
        <translation>无法记录与之前案件的关联，因此未发送该案件：%1</translation>
    </message>
    <message>
        <source>Attempt %1 could not be recorded, so it was not sent: %2</source>
        <translation>第 %1 次尝试无法记录，因此未发送：%2</translation>
    </message>
    <message>
        <source>The audit history could not record this case (%1). What happened is kept in %2 and will be written when the history is available again.</source>
        <translation>审计记录无法记录此案件（%1）。发生的情况已保存在 %2 中，审计记录恢复可用后会写入。</translation>
    </message>
    <message>
        <source>Records waiting in the spool cannot be written to the audit history, so nothing new is sent: %1</source>
        <translation>缓存队列中等待的记录无法写入审计记录，因此不会发送新的内容：%1</translation>
    </message>
    <message>
        <source>The audit history could not record this case (%1), and neither could its spool. Note the RequestId shown: this record exists nowhere else.</source>
        <translation>审计记录无法记录此案件（%1），其缓存队列也无法写入。请记下显示的 RequestId：此记录在其他任何地方都不存在。</translation>
    </message>
    <message>
        <source>the audit history was closed</source>
        <translation>审计记录已关闭</translation>
    </message>
    <message>
        <source>No AccessKey found: the settings were not applied.</source>
        <translation>未找到 AccessKey：设置未应用。</translation>
    </message>
    <message numerus="yes">
        <source>Spool records set aside instead of written, as they could not be shown to come from this history (not sealed by it, altered, or left by an earlier version): %n, in %1. Each is noted on its case&apos;s timeline: look the case&apos;s answer up by its MerchantBizId before verifying it again.</source>
        <translation>
            <numerusform>记录缓冲区（spool）中有 %n 条记录无法证明来自本审计记录（未经其封签、已被改动，或由早期版本留下），已移至 %1，未写入。每条都已记在其案件的时间线上：再次核验该案件前，请先按其 MerchantBizId 查询该案件的结果。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Verify a mainland Chinese resident ID card with Alibaba Cloud ID Verification.</source>
        <translation>通过阿里云身份核验服务核验中国内地居民身份证。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>eKYC Desk cannot start</source>
        <translation>eKYC Desk 无法启动</translation>
    </message>
    <message>
        <source>Use the built-in training sandbox and its own history (the default when no AccessKey is found). Nothing is sent to Alibaba Cloud and nothing is billed.</source>
        <translation>使用内置培训沙盒及其单独的历史记录（未找到 AccessKey 时的默认方式）。不会向阿里云发送任何内容，也不会产生任何费用。</translation>
    </message>
</context>
</TS>
