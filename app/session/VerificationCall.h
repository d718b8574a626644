#pragma once

#include "api/VerificationRequest.h"
#include "api/VerificationResult.h"
#include "base/Actor.h"

#include <QObject>
#include <QPointer>
#include <QString>

class VerificationService;

// One verification in flight, as QNetworkReply is one request: it carries its request, its case in the history, its
// attempts, cancel() and finished(). VerificationService::submit() returns it before anything is recorded or sent,
// so every signal reaches whoever connects right after submit(). The caller owns it once it has finished (delete
// it, or deleteLater() from finished()); until then the service keeps it alive. Without a history, recorded() never
// comes.
class VerificationCall : public QObject
{
    Q_OBJECT
public:
    ~VerificationCall() override;

    const VerificationRequest& request() const { return m_request; }
    QString merchantBizId() const { return m_request.merchantBizId; }
    const Actor& actor() const { return m_actor; }
    // The history's case id once recorded() came; empty before, and without a history.
    QString caseId() const { return m_caseId; }
    int attempt() const { return m_attempt; } // the attempt running or last run; 0 before the first
    bool isFinished() const { return m_finished; }
    const VerificationResult& result() const { return m_result; } // once finished

    // Stops the call: before it was sent, nothing is sent; while an attempt runs, it is aborted. finished() follows,
    // once, with the outcome recorded.
    void cancel();
    // Nothing more of the call leaves (a batch stopped; ApiClient::finishWithoutRetry): an attempt on its way ends the
    // call with its own result; a call with nothing on its way (not yet begun, waiting to retry after an unbilled
    // failure, or recorded and waiting for its rate slot) ends now as cancelled, never sent.
    void finishWithoutRetry();

    // Holds the call once its case is recorded, until release(): a batch records cases ahead of their turn, so that
    // a free slot sends one at once. Call it right after submit(), before the event loop runs. A held call that is
    // cancelled ends as cancelled without being sent; its case stays in the history, recorded as never sent.
    void holdUntilReleased();
    // Sends a held call: at once when its case is recorded, else as soon as it is.
    void release();
    bool isHeld() const { return m_held; }

signals:
    // The case is in the history (before anything is sent).
    void recorded(const QString& caseId);
    void attemptStarted(int attempt);
    // Nothing more of the call goes out: its last attempt was answered or failed, or it was cancelled or refused
    // before it was sent. finished() follows (with a history, once its outcome is recorded).
    void sendingEnded();
    void finished(const VerificationResult& result);

private:
    friend class VerificationService;
    VerificationCall(VerificationService* service, VerificationRequest request, Actor actor);

    QPointer<VerificationService> m_service;
    VerificationRequest m_request;
    Actor m_actor;
    QString m_caseId;
    quint64 m_apiId = 0; // the client's id once sent
    int m_attempt = 0;
    bool m_cancelled = false; // cancelled while being recorded
    bool m_noRetry = false; // finishWithoutRetry() before the client had the call
    bool m_held = false; // holdUntilReleased() until release()
    bool m_parked = false; // recorded while held: it starts at release() or cancel()
    bool m_unrecorded = false; // a record of it went to the spool, or was lost
    bool m_sendingEnded = false;
    bool m_finished = false;
    VerificationResult m_result;
};
