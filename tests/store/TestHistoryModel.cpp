#include "domain/FictitiousPeople.h"
#include "domain/Masking.h"
#include "history/AuditStore.h"
#include "history/HistoryModel.h"

#include "FakeClock.h"
#include "FakeRandom.h"
#include "StoreFixture.h"

#include <QAbstractItemModelTester>
#include <QTest>

// The history browser's model: lazy keyset paging through canFetchMore/fetchMore, masked columns, filters.
class TestHistoryModel : public QObject
{
    Q_OBJECT

private slots:
    void lazyPaging_data() { StoreFixture::addBackendRows(); }

    void lazyPaging()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        FakeRandom random(5);
        FictitiousPeople people(random);
        QList<FictitiousPerson> persons;
        QVERIFY(store->beginBatch());
        for (int i = 0; i < 250; ++i) {
            const FictitiousPerson p = people.next(QDate(2026, 11, 25));
            persons.prepend(p); // newest first, like the model
            CaseRecord r;
            r.merchantBizId = QStringLiteral("biz%1").arg(i);
            r.sceneCode = i % 2 ? QStringLiteral("desk") : QStringLiteral("branch");
            r.name = p.name;
            r.idNumber = p.idNumber;
            const QString caseId = store->createCase(StoreFixture::actor(), r).valueOr(QString());
            QVERIFY(!caseId.isEmpty());
            if (i % 4 == 0)
                QVERIFY(
                    store
                        ->completeCase(StoreFixture::actor(),
                            caseId,
                            StoreFixture::completion(QLatin1String(CaseState::completed), false, QStringLiteral("202")))
                        .ok());
            clock.advance(1000);
        }
        QVERIFY(store->commitBatch());

        HistoryModel model(store.get(), StoreFixture::reader(), nullptr, 100);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
        QVERIFY(model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex());
        QCOMPARE(model.rowCount(), 200);
        model.fetchMore(QModelIndex());
        QCOMPARE(model.rowCount(), 250);
        QVERIFY(!model.canFetchMore(QModelIndex()));
        // (created after the paging checks: the tester itself calls fetchMore)
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        for (int row : { 0, 99, 100, 249 }) {
            QCOMPARE(model.index(row, HistoryModel::NameColumn).data().toString(), Masking::name(persons.at(row).name));
            QCOMPARE(model.index(row, HistoryModel::IdNumberColumn).data().toString(),
                Masking::idNumber(persons.at(row).idNumber));
            QVERIFY(
                !model.index(row, HistoryModel::IdNumberColumn).data().toString().contains(persons.at(row).idNumber));
        }
        QCOMPARE(model.index(249, HistoryModel::StateColumn).data().toString(), QStringLiteral("completed"));
        QCOMPARE(model.index(248, HistoryModel::StateColumn).data().toString(), QStringLiteral("pending — retry"));
        QCOMPARE(model.headerData(HistoryModel::OutcomeColumn, Qt::Horizontal).toString(), QStringLiteral("Outcome"));

        HistoryQuery query;
        query.subCode = QStringLiteral("202");
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 63);
        QVERIFY(!model.canFetchMore(QModelIndex()));
        query = HistoryQuery();
        query.idNumber = persons.at(10).idNumber;
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(
            model.index(0, HistoryModel::IdNumberColumn).data().toString(), Masking::idNumber(persons.at(10).idNumber));
    }
};

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "TestHistoryModel.moc"
