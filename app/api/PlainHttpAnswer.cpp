#include "PlainHttpAnswer.h"

#include <QLatin1String>

namespace PlainHttpAnswer {

bool seenIn(const QString& errorText)
{
    // OpenSSL 1.1 and 3.x: "wrong version number"; some builds report the "HTTP/" bytes as an oversized record.
    for (const char* marker : { "wrong version number", "packet length too long", "http request" }) {
        if (errorText.contains(QLatin1String(marker), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace PlainHttpAnswer
