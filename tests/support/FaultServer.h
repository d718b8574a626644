#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

// A small purpose-built HTTP/1.1 server on 127.0.0.1 that answers each complete request (head and Content-Length
// body) with the next answer of a script, however broken: a status and a body cut short, a connection reset in the
// middle of the body, megabytes of headers, no answer at all. Over TLS with the certificate it is given (another
// host's, an expired one), or in plain TCP, where it answers the first bytes it reads (a TLS ClientHello) in plain
// HTTP, as an https:// endpoint that speaks plain HTTP does. It counts what it received, so a test can tell how many
// requests reached it without waiting for anything not to happen. For the network fault tests.
class FaultServer : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        enum class Then
        {
            KeepOpen, // the connection stays open for the next request
            Close, // closed once the bytes have gone out (FIN)
            Reset, // reset once the bytes have gone out (RST: SO_LINGER 0)
        };
        QByteArray bytes; // written as they are: status line, headers, body or part of it
        Then then = Then::KeepOpen;
        bool silent = false; // nothing written, the connection kept open: slower than any timeout
        bool thenStopListening = false; // a new connection after this answer is refused (nothing listens)
    };
    // A complete answer: status line, Content-Type, Content-Length, Date and the body.
    static Answer http(int status,
        const QByteArray& reason,
        const QByteArray& body,
        const QByteArray& contentType = "application/json;charset=utf-8");
    // 200 Code Success, Result.Passed Y, SubCode 200: a business answer.
    static Answer passed();
    static Answer silence();

    explicit FaultServer(QObject* parent = nullptr);
    ~FaultServer() override;

    // chain: the server certificate first, then any intermediates. False with errorString() when it cannot listen.
    bool listenTls(const QList<QSslCertificate>& chain, const QSslKey& key);
    bool listenPlain();
    QString errorString() const { return m_error; }
    quint16 port() const;
    // https://127.0.0.1:PORT/ (also for the plain server: it stands for an https:// endpoint that is not).
    QUrl url() const;

    // The n-th complete request (0-based) gets answers[min(n, size - 1)]; no answers: silence.
    void setAnswers(QList<Answer> answers) { m_answers = std::move(answers); }
    int connections() const { return m_connections; } // TCP connections accepted
    int requests() const { return m_requests; } // complete HTTP requests read

private:
    void accept(QTcpSocket* socket);
    void readFrom(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const Answer& answer);
    Answer nextAnswer();

    QTcpServer* m_server = nullptr;
    bool m_plain = false;
    QString m_error;
    QList<Answer> m_answers;
    int m_connections = 0;
    int m_requests = 0;
};
