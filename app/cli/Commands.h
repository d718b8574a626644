#pragma once

#include <QStringList>

// Each sub-command of ekyc-desk-cli parses its own arguments (arguments[0] is the program, arguments[1] the
// sub-command) and returns the process exit code. They run inside a QCoreApplication event loop where needed.
namespace Cli {

int runVerify(const QStringList& arguments); // VerifyCommand.cpp
int runSandbox(const QStringList& arguments); // SandboxCommand.cpp
int runHistory(const QStringList& arguments); // HistoryCommand.cpp
int runAudit(const QStringList& arguments); // AuditCommand.cpp: audit verify | audit head
int runDev(const QStringList& arguments); // DevCommand.cpp: dev seed
int runAccounts(const QStringList& arguments); // AccountsCommand.cpp: accounts list | add | ...
int runTestConnection(const QStringList& arguments); // TestConnectionCommand.cpp
int runReview(const QStringList& arguments); // ReviewCommand.cpp: review queue | claim | propose | ...
int runExport(const QStringList& arguments); // ExportCommand.cpp: export | export verify
int runBatch(const QStringList& arguments); // BatchCommand.cpp: verify a CSV list of cases

} // namespace Cli
