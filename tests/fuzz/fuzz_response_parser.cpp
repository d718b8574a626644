// The answer of Id2MetaPeriodVerifyIntl as ResponseParser reads it (app/api/ResponseParser). Input: the status code
// on the first line, header lines "name: value" up to an empty line, then the body.
#include "FuzzSupport.h"

#include "api/ResponseParser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype headEnd = input.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    const QByteArray body = headEnd < 0 ? QByteArray() : input.mid(headEnd + 2);
    const QByteArrayList headLines = head.split('\n');
    const int status = headLines.value(0).trimmed().toInt();
    ResponseParser::Headers headers;
    for (qsizetype i = 1; i < headLines.size(); ++i) {
        const QByteArray& line = headLines.at(i);
        const qsizetype colon = line.indexOf(':');
        headers.append({ line.left(colon < 0 ? line.size() : colon), colon < 0 ? QByteArray() : line.mid(colon + 1) });
    }
    for (const auto& [name, value] : headers)
        (void)ResponseParser::parseHttpDate(value);
    (void)ResponseParser::throttlingTimeLeftMs(headers);
    const VerificationResult result = ResponseParser::parse(status, headers, body, 4096);
    (void)ResponseParser::errorForCode(QString::fromUtf8(body.left(64)));
    (void)result;
    return 0;
}
