#include "SandboxRequestParser.h"

#include "sandbox/SandboxService.h"

#include <algorithm>
#include <limits>

namespace {

// A chunk-size line (size and extensions) longer than this is refused: no client needs more.
constexpr qsizetype maxChunkLineBytes = 1024;

QByteArray withoutCr(const QByteArray& line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

bool isToken(const QByteArray& name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        if (c <= ' ' || c >= 127 || QByteArrayView("()<>@,;:\\\"/[]?={}").contains(c))
            return false;
    }
    return true;
}

// A field value or request target may hold visible characters, spaces, tabs (values) and bytes from 0x80 up; never
// another control character: a bare CR or a NUL inside a line is how requests are smuggled past another reader.
bool hasControl(QByteArrayView text, bool tabAllowed)
{
    return std::any_of(text.begin(), text.end(), [tabAllowed](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && !(tabAllowed && c == '\t')) || byte == 0x7f;
    });
}

// Content-Length is 1*DIGIT (RFC 9110, 8.6): no sign, no "-0", no spaces inside, no list.
bool isDecimal(QByteArrayView text)
{
    return !text.isEmpty() && text.size() <= 18
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

SandboxRequestParser::SandboxRequestParser()
    : m_limits()
{
}

SandboxRequestParser::SandboxRequestParser(const Limits& limits)
    : m_limits(limits)
{
}

void SandboxRequestParser::reset()
{
    m_stage = Stage::Head;
    m_request = {};
    m_failure = {};
    m_host.clear();
    m_version.clear();
    m_lineStart = 0;
    m_lines = 0;
    m_bodyStart = 0;
    m_pos = 0;
    m_contentLength = 0;
    m_chunkLeft = 0;
    m_keepAlive = true;
    m_expectContinue = false;
}

SandboxRequestParser::Outcome SandboxRequestParser::parse(QByteArray& buffer)
{
    if (m_stage == Stage::Done)
        reset();
    if (m_stage == Stage::Head) {
        const Outcome head = parseHead(buffer);
        if (head != Outcome::Complete)
            return head;
    }
    return m_stage == Stage::Body ? parseBody(buffer) : parseChunks(buffer);
}

bool SandboxRequestParser::takeContinue()
{
    const bool answer = m_expectContinue && m_stage != Stage::Head && m_stage != Stage::Done;
    if (answer)
        m_expectContinue = false;
    return answer;
}

SandboxRequestParser::Outcome SandboxRequestParser::fail(
    int status, const QString& code, const QString& message, qint64 drain)
{
    m_failure = { status, code, message, drain };
    return Outcome::Failed;
}

SandboxRequestParser::Outcome SandboxRequestParser::parseHead(QByteArray& buffer)
{
    if (m_lineStart == 0) {
        // Empty lines before a request line are ignored (RFC 9112, 2.2).
        qsizetype skip = 0;
        while (skip < buffer.size() && (buffer[skip] == '\n' || buffer[skip] == '\r'))
            ++skip;
        buffer.remove(0, skip);
    }
    const QString tooLarge = QStringLiteral("The request line and headers exceed %1 KiB or %2 lines.")
                                 .arg(m_limits.maxHeaderBytes / 1024)
                                 .arg(m_limits.maxHeaderLines);
    while (true) {
        const qsizetype newline = buffer.indexOf('\n', m_lineStart);
        if (newline < 0) {
            if (buffer.size() > m_limits.maxHeaderBytes)
                return fail(431, QStringLiteral("RequestHeaderFieldsTooLarge"), tooLarge);
            return Outcome::NeedMore;
        }
        const bool empty = newline == m_lineStart || (newline == m_lineStart + 1 && buffer[m_lineStart] == '\r');
        const qsizetype lineStart = m_lineStart;
        m_lineStart = newline + 1;
        if (m_lineStart > m_limits.maxHeaderBytes)
            return fail(431, QStringLiteral("RequestHeaderFieldsTooLarge"), tooLarge);
        if (!empty) {
            // The request line and up to maxHeaderLines header lines.
            if (++m_lines > m_limits.maxHeaderLines + 1)
                return fail(431, QStringLiteral("RequestHeaderFieldsTooLarge"), tooLarge);
            continue;
        }
        QByteArrayList lines = buffer.left(lineStart).split('\n');
        lines.removeLast(); // after the last line's LF
        if (!readHead(lines))
            return Outcome::Failed;
        m_bodyStart = m_pos = m_lineStart;
        return Outcome::Complete;
    }
}

bool SandboxRequestParser::readHead(const QByteArrayList& lines)
{
    const QList<QByteArray> requestLine = withoutCr(lines.first()).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || !requestLine[1].startsWith('/')
        || hasControl(requestLine[1], false) || (requestLine[2] != "HTTP/1.1" && requestLine[2] != "HTTP/1.0")) {
        fail(400, QStringLiteral("BadRequest"), QStringLiteral("Malformed HTTP request line."));
        return false;
    }
    m_request.method = requestLine[0];
    m_version = requestLine[2];
    const QByteArray& target = requestLine[1];
    const qsizetype question = target.indexOf('?');
    m_request.path = question < 0 ? target : target.left(question);
    if (question >= 0)
        m_request.query = SandboxService::parseForm(target.mid(question + 1));

    qint64 contentLength = -1;
    QByteArrayList transferEncodings;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!readHeader(withoutCr(lines[i]), contentLength, transferEncodings))
            return false;
    }
    // RFC 9112, 3.2: an HTTP/1.1 request has exactly one Host; an HTTP/1.0 one at most one.
    const auto hosts = std::count_if(m_request.headers.cbegin(), m_request.headers.cend(), [](const auto& header) {
        return header.first.compare("host", Qt::CaseInsensitive) == 0;
    });
    if (hosts > 1 || (hosts == 0 && m_version == "HTTP/1.1")) {
        fail(400,
            QStringLiteral("BadRequest"),
            hosts == 0 ? QStringLiteral("An HTTP/1.1 request needs a Host header.")
                       : QStringLiteral("More than one Host header."));
        return false;
    }
    const QByteArray connection = m_request.header("connection").toLower();
    m_keepAlive = m_version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
    m_expectContinue = m_version == "HTTP/1.1"
        && m_request.header("expect").trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;

    if (!transferEncodings.isEmpty()) {
        // RFC 9112, 6.1: HTTP/1.0 has no Transfer-Encoding; a request that names one has faulty framing.
        if (contentLength >= 0 || m_version == "HTTP/1.0") {
            fail(400,
                QStringLiteral("BadRequest"),
                m_version == "HTTP/1.0"
                    ? QStringLiteral("An HTTP/1.0 request cannot use Transfer-Encoding.")
                    : QStringLiteral("Content-Length and Transfer-Encoding must not be sent together."));
            return false;
        }
        if (transferEncodings != QByteArrayList { "chunked" }) {
            fail(501,
                QStringLiteral("NotImplemented"),
                QStringLiteral("Only Transfer-Encoding: chunked is supported, not \"%1\".")
                    .arg(QString::fromLatin1(transferEncodings.join(", "))));
            return false;
        }
        m_stage = Stage::ChunkSize;
        return true;
    }
    m_contentLength = qMax<qint64>(contentLength, 0);
    m_stage = Stage::Body;
    return true;
}

bool SandboxRequestParser::readHeader(const QByteArray& line, qint64& contentLength, QByteArrayList& transferEncodings)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.left(colon)) || hasControl(QByteArrayView(line).sliced(colon + 1), true)) {
        fail(400, QStringLiteral("BadRequest"), QStringLiteral("Malformed HTTP header."));
        return false;
    }
    const QByteArray name = line.left(colon);
    const QByteArray value = line.mid(colon + 1).trimmed();
    m_request.headers.append({ name, value });
    if (name.compare("host", Qt::CaseInsensitive) == 0)
        m_host = value;
    if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
        for (const QByteArray& coding : value.split(','))
            transferEncodings.append(coding.trimmed().toLower());
    }
    if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
        bool ok = isDecimal(value);
        const qint64 length = ok ? value.toLongLong(&ok) : -1;
        if (!ok || (contentLength >= 0 && contentLength != length)) {
            fail(400, QStringLiteral("BadRequest"), QStringLiteral("Bad Content-Length."));
            return false;
        }
        contentLength = length;
    }
    return true;
}

SandboxRequestParser::Outcome SandboxRequestParser::parseBody(QByteArray& buffer)
{
    if (m_contentLength > m_limits.maxBodyBytes) {
        const qint64 missing = m_bodyStart + m_contentLength - buffer.size();
        return fail(413,
            QStringLiteral("RequestEntityTooLarge"),
            QStringLiteral("The request body exceeds %1 KiB.").arg(m_limits.maxBodyBytes / 1024),
            m_contentLength <= m_limits.maxDrainBytes ? missing : 0);
    }
    if (buffer.size() < m_bodyStart + m_contentLength)
        return Outcome::NeedMore;
    m_request.body = buffer.mid(m_bodyStart, m_contentLength);
    m_pos = m_bodyStart + m_contentLength;
    return complete(buffer);
}

SandboxRequestParser::Outcome SandboxRequestParser::complete(QByteArray& buffer)
{
    buffer.remove(0, m_pos);
    m_stage = Stage::Done;
    m_expectContinue = false;
    return Outcome::Complete;
}

bool SandboxRequestParser::nextLine(const QByteArray& buffer, QByteArray& line)
{
    const qsizetype newline = buffer.indexOf('\n', m_pos);
    if (newline < 0)
        return false;
    m_lineHadCr = newline > m_pos && buffer.at(newline - 1) == '\r';
    line = withoutCr(buffer.mid(m_pos, newline - m_pos));
    m_pos = newline + 1;
    return true;
}

SandboxRequestParser::Outcome SandboxRequestParser::parseChunks(QByteArray& buffer)
{
    const QString tooLarge = QStringLiteral("The request body exceeds %1 KiB.").arg(m_limits.maxBodyBytes / 1024);
    const QString malformed = QStringLiteral("Malformed chunked request body.");
    while (true) {
        if (m_pos - m_bodyStart > maxChunkedBytes())
            return fail(413, QStringLiteral("RequestEntityTooLarge"), tooLarge, m_limits.maxDrainBytes);
        QByteArray line;
        switch (m_stage) {
        case Stage::ChunkSize: {
            if (!nextLine(buffer, line)) {
                if (buffer.size() - m_pos > maxChunkLineBytes)
                    return fail(400, QStringLiteral("BadRequest"), malformed);
                if (buffer.size() - m_bodyStart > maxChunkedBytes())
                    return fail(413, QStringLiteral("RequestEntityTooLarge"), tooLarge, m_limits.maxDrainBytes);
                return Outcome::NeedMore;
            }
            const Outcome size = readChunkSize(line);
            if (size != Outcome::NeedMore)
                return size;
            break;
        }
        case Stage::ChunkData: {
            const qint64 take = qMin<qint64>(m_chunkLeft, buffer.size() - m_pos);
            m_request.body.append(buffer.constData() + m_pos, take);
            m_pos += take;
            m_chunkLeft -= take;
            if (m_chunkLeft > 0)
                return Outcome::NeedMore;
            m_stage = Stage::ChunkDataEnd;
            break;
        }
        case Stage::ChunkDataEnd: {
            // CR LF (or a bare LF) right after the data.
            if (buffer.size() - m_pos < (buffer.mid(m_pos, 1) == "\r" ? 2 : 1))
                return Outcome::NeedMore;
            if (!nextLine(buffer, line) || !line.isEmpty())
                return fail(400, QStringLiteral("BadRequest"), malformed);
            m_stage = Stage::ChunkSize;
            break;
        }
        case Stage::Trailers: {
            if (!nextLine(buffer, line)) {
                if (buffer.size() - m_bodyStart > maxChunkedBytes())
                    return fail(413, QStringLiteral("RequestEntityTooLarge"), tooLarge, m_limits.maxDrainBytes);
                return Outcome::NeedMore;
            }
            if (line.isEmpty())
                return complete(buffer);
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.left(colon)) || hasControl(QByteArrayView(line).sliced(colon + 1), true))
                return fail(400, QStringLiteral("BadRequest"), malformed);
            break;
        }
        default:
            return Outcome::NeedMore;
        }
    }
}

// Returns NeedMore to go on reading, or Failed.
SandboxRequestParser::Outcome SandboxRequestParser::readChunkSize(const QByteArray& line)
{
    // chunk-size [ BWS ";" extensions ]: hex digits first, then only spaces or tabs before the extensions, and no
    // control character but a tab anywhere (a bare CR, a NUL) - what another reader could take for a line end.
    const qsizetype semicolon = line.indexOf(';');
    QByteArray digits = semicolon < 0 ? line : line.left(semicolon);
    while (!digits.isEmpty() && (digits.endsWith(' ') || digits.endsWith('\t')))
        digits.chop(1);
    // A bare LF ends a plain size line, as it ends any line here; after extensions, which a reader that waits for CR LF
    // would run on into the data, it is refused.
    bool ok = !digits.isEmpty() && !hasControl(line, true) && (semicolon < 0 || m_lineHadCr);
    for (const char c : digits)
        ok = ok && QByteArrayView("0123456789abcdefABCDEF").contains(c);
    if (!ok)
        return fail(400, QStringLiteral("BadRequest"), QStringLiteral("Malformed chunk size."));
    const qint64 size = digits.size() > 15 ? std::numeric_limits<qint64>::max() : digits.toLongLong(&ok, 16);
    if (size > m_limits.maxBodyBytes - m_request.body.size()) {
        return fail(413,
            QStringLiteral("RequestEntityTooLarge"),
            QStringLiteral("The request body exceeds %1 KiB.").arg(m_limits.maxBodyBytes / 1024),
            m_limits.maxDrainBytes);
    }
    m_chunkLeft = size;
    m_stage = size == 0 ? Stage::Trailers : Stage::ChunkData;
    return Outcome::NeedMore;
}
