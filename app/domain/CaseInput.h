#pragma once

#include <QDate>
#include <QString>

// A case as a reviewer (or a script) enters it, before any check. Plain value object.
struct CaseInput
{
    QString name;
    QString idNumber;
    QDate validityStart;
    QDate validityEnd; // ignored when longTerm
    bool longTerm = false;
    QString sceneCode; // optional
    QString merchantUserId; // optional raw value (phone, e-mail); sent only as its SHA-256
    QString merchantBizId; // optional; generated per case when empty
};
