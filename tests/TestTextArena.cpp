#include "history/TextArena.h"

#include <QTest>

#include <utility>
#include <vector>

// TextArena keeps the chain verification's case ids and texts: every view it hands out must keep its bytes for the
// arena's whole life, however many blocks are added after it (short strings share blocks, a long one gets a block of
// its own and the open block stays in use), and interning gives equal strings one copy.
class TestTextArena : public QObject
{
    Q_OBJECT

    static QByteArray textOf(int i, int length)
    {
        QByteArray text = QByteArray::number(i) + ':';
        while (text.size() < length)
            text += static_cast<char>('a' + (i + text.size()) % 26);
        return text.left(length);
    }

private slots:
    void keptBytesStay_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("longEvery"); // every n-th string is longer than a quarter block; 0: none
        QTest::newRow("one short") << 1 << 36 << 0;
        QTest::newRow("many blocks of case ids") << 40000 << 36 << 0;
        QTest::newRow("PII digests across blocks") << 10000 << 137 << 0;
        QTest::newRow("long ones between short ones") << 3000 << 50 << 97;
        QTest::newRow("empty strings") << 100 << 0 << 0;
    }

    void keptBytesStay()
    {
        QFETCH(int, count);
        QFETCH(int, length);
        QFETCH(int, longEvery);
        TextArena arena;
        std::vector<std::pair<QByteArray, QByteArrayView>> kept;
        for (int i = 0; i < count; ++i) {
            const bool isLong = longEvery > 0 && i % longEvery == 0;
            const QByteArray text = textOf(i, isLong ? 100 * 1024 : length);
            const QByteArrayView view = arena.keep(text);
            QVERIFY(view.data() != text.constData()); // a copy, not the caller's bytes
            kept.emplace_back(text, view);
        }
        for (const auto& [text, view] : kept)
            QCOMPARE(view, QByteArrayView(text));
        // Consecutive short strings sit side by side: the block is filled, not a block per string.
        if (count > 1 && length > 0 && longEvery == 0)
            QCOMPARE(kept.at(1).second.data(), kept.at(0).second.data() + length);
    }

    void internSharesOneCopy_data()
    {
        QTest::addColumn<QByteArrayList>("texts");
        QTest::addColumn<int>("distinct");
        QTest::newRow("states") << QByteArrayList { "pending", "answered", "pending", "failed", "answered" } << 3;
        QTest::newRow("empty and not") << QByteArrayList { "", "200", "", "200" } << 2;
        QTest::newRow("prefixes differ") << QByteArrayList { "trainee", "trainee2", "train" } << 3;
    }

    void internSharesOneCopy()
    {
        QFETCH(QByteArrayList, texts);
        QFETCH(int, distinct);
        TextArena arena;
        QHash<QByteArray, const char*> first;
        for (const QByteArray& text : texts) {
            const QByteArrayView view = arena.intern(text);
            QCOMPARE(view, QByteArrayView(text));
            if (const auto it = first.constFind(text); it != first.constEnd())
                QCOMPARE(view.data(), *it);
            else
                first.insert(text, view.data());
        }
        QCOMPARE(first.size(), distinct);
        // A kept (not interned) string is a copy of its own.
        const QByteArray last = texts.last();
        QVERIFY(last.isEmpty() || arena.keep(last).data() != first.value(last));
    }
};

QTEST_GUILESS_MAIN(TestTextArena)
#include "TestTextArena.moc"
