#pragma once

#include "api/SignerV3.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

// Reads HTTP/1.1 requests from the front of a connection's buffer, incrementally: parse() may be called after every
// byte that arrives and picks up where it stopped, so a request trickling in a byte at a time costs no more than one
// arriving at once.
//
// What it accepts:
//   - a request line "METHOD /target HTTP/1.1" (or HTTP/1.0) and header lines, each ending in CRLF or a bare LF
//     (both are accepted, consistently: the head ends at the first empty line, "\r\n\r\n" or "\n\n"); empty lines
//     before the request line are skipped;
//   - a body of Content-Length bytes, or Transfer-Encoding: chunked (chunk-size in hex with optional ";extensions",
//     CRLF, data, CRLF, ..., the last chunk "0", optional trailer fields, which are read and dropped, and an empty
//     line), or none.
// What it refuses (failure() says what to answer; the connection then closes):
//   431 request line and headers over maxHeaderBytes, or more than maxHeaderLines header lines
//   413 a body over maxBodyBytes (its Content-Length, or the chunked body decoded), or raw chunked data (sizes,
//       extensions, line ends and trailers included) over maxBodyBytes + maxHeaderBytes
//   400 a malformed request line (a method that is not a token, a control character in the target), header (a
//       control character other than a tab in its value: a bare CR, a NUL), Content-Length (anything but digits) or
//       chunk; Content-Length together with Transfer-Encoding; an HTTP/1.1 request without a Host header, or any
//       request with two
//   501 a Transfer-Encoding other than "chunked"
class SandboxRequestParser
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = qsizetype { 16 } * 1024;
        int maxHeaderLines = 100;
        qsizetype maxBodyBytes = qsizetype { 64 } * 1024;
        // After a 413 for a Content-Length body up to this size, the rest of the body is read and dropped, so that
        // the client sees the answer and not a reset; a refused chunked body is dropped up to this size too.
        qint64 maxDrainBytes = qint64 { 4 } * 1024 * 1024;
    };
    enum class Outcome
    {
        NeedMore, // the request is not complete yet
        Complete, // request() holds it; its bytes are gone from the buffer
        Failed, // failure() says what to answer
    };
    struct Failure
    {
        int status = 0;
        QString code;
        QString message;
        qint64 drain = 0; // bytes still to arrive that belong to the refused request
    };

    SandboxRequestParser();
    explicit SandboxRequestParser(const Limits& limits);

    Outcome parse(QByteArray& buffer);
    // True once per request when its head asks "Expect: 100-continue" and its body has yet to arrive.
    bool takeContinue();

    const SignerV3::Request& request() const { return m_request; }
    bool keepAlive() const { return m_keepAlive; }
    // The request's Host header, as far as it was read (for error answers).
    QByteArray host() const { return m_host; }
    const Failure& failure() const { return m_failure; }
    const Limits& limits() const { return m_limits; }

private:
    enum class Stage
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Done,
    };

    void reset();
    qsizetype maxChunkedBytes() const { return m_limits.maxBodyBytes + m_limits.maxHeaderBytes; }
    Outcome parseHead(QByteArray& buffer);
    bool readHead(const QByteArrayList& lines);
    bool readHeader(const QByteArray& line, qint64& contentLength, QByteArrayList& transferEncodings);
    Outcome parseBody(QByteArray& buffer);
    Outcome parseChunks(QByteArray& buffer);
    Outcome readChunkSize(const QByteArray& line);
    Outcome complete(QByteArray& buffer);
    Outcome fail(int status, const QString& code, const QString& message, qint64 drain = 0);
    // The next line from m_pos (without its CR LF or LF), advancing m_pos; false when it has not fully arrived.
    bool nextLine(const QByteArray& buffer, QByteArray& line);

    Limits m_limits;
    Stage m_stage = Stage::Head;
    SignerV3::Request m_request;
    Failure m_failure;
    QByteArray m_host;
    QByteArray m_version;
    qsizetype m_lineStart = 0; // head: where the next line starts
    int m_lines = 0; // head: lines read
    qsizetype m_bodyStart = 0;
    qsizetype m_pos = 0; // body: bytes of the buffer read so far
    qint64 m_contentLength = 0;
    qint64 m_chunkLeft = 0;
    bool m_keepAlive = true;
    bool m_expectContinue = false;
    bool m_lineHadCr = false; // the line nextLine() read last ended in CR LF
};
