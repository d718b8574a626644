// The training sandbox's HTTP/1.1 request parser (app/sandbox/SandboxRequestParser), with small limits so that every
// refusal is reachable. The bytes arrive in pieces whose sizes the input's first byte chooses, and the parser must
// read the same requests (or refuse at the same one, for the same reason) as when everything arrives at once.
#include "FuzzSupport.h"

#include "sandbox/SandboxRequestParser.h"

namespace {

struct Parsed
{
    QList<SignerV3::Request> requests;
    int failedStatus = 0;
    QString failedCode;
};

bool sameRequest(const SignerV3::Request& a, const SignerV3::Request& b)
{
    return a.method == b.method && a.path == b.path && a.query == b.query && a.headers == b.headers && a.body == b.body;
}

Parsed parseInPieces(const QByteArray& stream, qsizetype piece)
{
    SandboxRequestParser::Limits limits;
    limits.maxHeaderBytes = 512;
    limits.maxHeaderLines = 16;
    limits.maxBodyBytes = 1024;
    limits.maxDrainBytes = 4096;
    SandboxRequestParser parser(limits);
    Parsed parsed;
    QByteArray buffer;
    qsizetype at = 0;
    while (true) {
        const SandboxRequestParser::Outcome outcome = parser.parse(buffer);
        if (outcome == SandboxRequestParser::Outcome::Complete) {
            parsed.requests.append(parser.request());
            (void)parser.keepAlive();
            (void)parser.host();
            continue;
        }
        if (outcome == SandboxRequestParser::Outcome::Failed) {
            parsed.failedStatus = parser.failure().status;
            parsed.failedCode = parser.failure().code;
            Fuzz::check(parsed.failedStatus >= 400 && parsed.failedStatus < 600, "a refusal is a 4xx or 5xx");
            return parsed;
        }
        (void)parser.takeContinue();
        if (at >= stream.size())
            return parsed;
        buffer.append(stream.mid(at, piece));
        at += piece;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray stream = Fuzz::bytes(data + 1, size - 1);
    const qsizetype piece = data[0] % 16 + 1;
    const Parsed whole = parseInPieces(stream, qMax<qsizetype>(stream.size(), 1));
    const Parsed pieces = parseInPieces(stream, piece);
    Fuzz::check(whole.requests.size() == pieces.requests.size(), "the same number of requests in pieces");
    for (qsizetype i = 0; i < whole.requests.size(); ++i)
        Fuzz::check(sameRequest(whole.requests.at(i), pieces.requests.at(i)), "the same requests in pieces");
    Fuzz::check(whole.failedStatus == pieces.failedStatus && whole.failedCode == pieces.failedCode,
        "the same refusal in pieces");
    return 0;
}
