#include "Billing.h"

QString Billing::perCall(bool training)
{
    return training ? tr("Training: the built-in sandbox answers and nothing is billed.")
                    : tr("Every answered call is billed, 202 and 223 included.");
}

QString Billing::perBatch(bool training, int rows)
{
    return training ? tr("%n row(s) will be sent to the training sandbox. Nothing is billed.", nullptr, rows)
                    : tr("%n row(s) will be sent. Every answered call is billed.", nullptr, rows);
}

QString Billing::warningsHeading(bool training)
{
    return training ? tr("Check before sending: these details often lead to SubCode 223.")
                    : tr("Check before sending: these details often lead to SubCode 223, and every answered call is "
                         "billed.");
}

QString Billing::unknownOutcome(bool training)
{
    return training ? tr("Outcome unknown (training: nothing is billed)")
                    : tr("Outcome unknown — may have been billed");
}

QString Billing::repeatCall(bool training)
{
    return training ? tr("The training sandbox does not bill; on the live service this would be a second billed call.")
                    : tr("Another call will be billed again, and will most likely give the same answer.");
}
