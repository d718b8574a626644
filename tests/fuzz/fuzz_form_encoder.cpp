// The request encoding (app/api/SignerV3, VerificationRequest): parameters encoded as the form body (and the
// canonical query string) decode back to exactly themselves, sorted as the signature wants them; the canonical
// request and the signature are built for any request. Input: one parameter a line, "name<TAB>value"; the first line
// is the request's method and path ("POST /"), and a line "--" starts the body. A parameter whose name starts with
// "x-" is a header of the request too.
#include "FuzzSupport.h"

#include "api/Credentials.h"
#include "api/SignerV3.h"
#include "api/VerificationRequest.h"
#include "sandbox/SandboxService.h"

#include <algorithm>

namespace {

using Parameters = QList<QPair<QString, QString>>;

Parameters sortedAsSigned(Parameters parameters)
{
    std::stable_sort(parameters.begin(), parameters.end(), [](const auto& a, const auto& b) {
        const QByteArray an = SignerV3::percentEncode(a.first);
        const QByteArray bn = SignerV3::percentEncode(b.first);
        if (an != bn)
            return an < bn;
        return SignerV3::percentEncode(a.second) < SignerV3::percentEncode(b.second);
    });
    return parameters;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype bodyAt = input.indexOf("\n--\n");
    const QByteArrayList lines = (bodyAt < 0 ? input : input.left(bodyAt)).split('\n');

    SignerV3::Request request;
    const QByteArrayList requestLine = lines.value(0).split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1, QByteArrayLiteral("/"));
    request.body = bodyAt < 0 ? QByteArray() : input.mid(bodyAt + 4);
    Parameters parameters;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype tab = lines.at(i).indexOf('\t');
        parameters.append({ QString::fromUtf8(lines.at(i).left(tab < 0 ? lines.at(i).size() : tab)),
            tab < 0 ? QString() : QString::fromUtf8(lines.at(i).mid(tab + 1)) });
        if (lines.at(i).startsWith("x-") && tab > 0) // also a header, signed when it is an x-acs- one
            request.headers.append({ lines.at(i).left(tab), lines.at(i).mid(tab + 1) });
    }

    // The form body (and the canonical query string, the same encoding) decodes back to the parameters.
    const QByteArray encoded = SignerV3::encodeParameters(parameters);
    Fuzz::check(SandboxService::parseForm(encoded) == sortedAsSigned(parameters), "form encoding round trip");

    // Every request can be canonicalised and signed.
    request.query = parameters;
    request.setHeader("host", "fuzz.example");
    request.setHeader("x-acs-action", VerificationRequest::action);
    SignerV3::sign(
        request, Credentials(QStringLiteral("LTAIfuzz"), QStringLiteral("secret"), QString(), QStringLiteral("fuzz")));
    const QByteArray canonical = SignerV3::canonicalRequest(request);
    const QByteArrayList canonicalLines = canonical.split('\n');
    Fuzz::check(canonicalLines.size() >= 6, "a canonical request has its six parts");
    Fuzz::check(SandboxService::parseForm(canonicalLines.at(2)) == sortedAsSigned(parameters),
        "canonical query string round trip");
    Fuzz::check(!request.header("Authorization").isEmpty(), "a signed request carries Authorization");

    // The request as the app sends it: its form body decodes to its parameters.
    VerificationRequest v;
    v.sceneCode = parameters.value(0).first;
    v.merchantBizId = parameters.value(0).second;
    v.merchantUserId = parameters.value(1).first;
    v.docName = parameters.value(1).second;
    v.docNo = parameters.value(2).first;
    v.validityStartDate = parameters.value(2).second;
    v.validityEndDate = parameters.value(3).first;
    Fuzz::check(SandboxService::parseForm(v.formBody()) == sortedAsSigned(v.parameters()), "form body round trip");
    return 0;
}
