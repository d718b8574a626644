#pragma once

#include <QCoreApplication>
#include <QString>

// What a call costs, said one way everywhere: the training sandbox never bills; the live service bills every answer
// (202 and 223 included), and a request that left without an answer may have been billed.
class Billing
{
    Q_DECLARE_TR_FUNCTIONS(Billing)
public:
    // One sentence for beside the Verify button or a batch's Start.
    static QString perCall(bool training);
    // The same for a batch of rows about to be sent.
    static QString perBatch(bool training, int rows);
    // The heading of the warnings a reviewer confirms before sending.
    static QString warningsHeading(bool training);
    // A sent request without an answer: what it may have cost.
    static QString unknownOutcome(bool training);
    // Sending a case again that already has an answer.
    static QString repeatCall(bool training);
};
