// SPDX-License-Identifier: Apache-2.0
#include "models/TimelineEventModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using ta::core::SimulationEvent;
using ta::models::TimelineEventModel;

class TestTimelineEventModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergesEventsAndRecordsInTimeOrder();
    void rowsSay_data();
    void rowsSay();
    void clearEmpties();
};

namespace {

QDateTime t(int seconds)
{
    return QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC).addSecs(seconds);
}

SimulationEvent simEvent(int at, SimulationEvent::Kind kind, const QString &subject)
{
    SimulationEvent e;
    e.at = t(at);
    e.kind = kind;
    e.subject = subject;
    e.spiffeId = QStringLiteral("spiffe://prod.example/") + subject;
    e.credential = kind == SimulationEvent::Kind::Denied ? QString() : QStringLiteral("c1");
    return e;
}

QString text(const TimelineEventModel &m, int row, TimelineEventModel::Column c)
{
    return m.index(row, int(c)).data().toString();
}

} // namespace

void TestTimelineEventModel::mergesEventsAndRecordsInTimeOrder()
{
    TimelineEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setEvents({simEvent(5, SimulationEvent::Kind::Issued, QStringLiteral("node/a")),
                     simEvent(9, SimulationEvent::Kind::Renewed, QStringLiteral("node/a"))},
                    {{t(5), QStringLiteral("node/a"), QStringLiteral("k8s_psat")},
                     {t(7), QStringLiteral("workload/w"), QStringLiteral("k8s")}});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(TimelineEventModel::Column::Count));
    // The record comes before the event it caused at the same instant.
    const QStringList kinds = {QStringLiteral("record"), QStringLiteral("issued"),
                               QStringLiteral("record"), QStringLiteral("renewed")};
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.index(r, 0).data(int(TimelineEventModel::Role::Kind)).toString(),
                 kinds.at(r));
    QCOMPARE(model.index(2, 0).data(int(TimelineEventModel::Role::Time)).toDateTime(), t(7));
    QCOMPARE(text(model, 0, TimelineEventModel::Column::Time),
             QStringLiteral("2026-11-23 10:00:05"));
    QCOMPARE(text(model, 2, TimelineEventModel::Column::Reason), QStringLiteral("k8s"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Time (UTC)"));
}

void TestTimelineEventModel::rowsSay_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("reason");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("eventText");
    QTest::addColumn<QString>("identity");
    QTest::addColumn<QString>("reasonText");
    const QString id = QStringLiteral("spiffe://prod.example/node/a");
    QTest::newRow("issued") << int(SimulationEvent::Kind::Issued) << QStringList() << QString()
                            << QString() << QStringLiteral("issued") << id + QStringLiteral(" (c1)")
                            << QString();
    QTest::newRow("revoked, stale")
        << int(SimulationEvent::Kind::Revoked) << QStringList{QStringLiteral("evidence_stale")}
        << QString() << QString() << QStringLiteral("revoked") << id + QStringLiteral(" (c1)")
        << QStringLiteral("evidence_stale");
    QTest::newRow("revoked, no longer granted, with the clause")
        << int(SimulationEvent::Kind::Revoked) << QStringList{QStringLiteral("no_longer_granted")}
        << QString() << QStringLiteral("image != 'x'") << QStringLiteral("revoked")
        << id + QStringLiteral(" (c1)") << QStringLiteral("no_longer_granted: image != 'x'");
    QTest::newRow("denied names the deny rule")
        << int(SimulationEvent::Kind::Denied) << QStringList() << QStringLiteral("deny-debug")
        << QString() << QStringLiteral("denied") << id << QStringLiteral("deny-debug");
    QTest::newRow("expired") << int(SimulationEvent::Kind::Expired) << QStringList() << QString()
                             << QString() << QStringLiteral("expired")
                             << id + QStringLiteral(" (c1)") << QString();
}

void TestTimelineEventModel::rowsSay()
{
    QFETCH(int, kind);
    QFETCH(QStringList, reason);
    QFETCH(QString, rule);
    QFETCH(QString, detail);
    SimulationEvent e = simEvent(1, SimulationEvent::Kind(kind), QStringLiteral("node/a"));
    e.reason = reason;
    e.rule = rule;
    e.detail = detail;
    TimelineEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents({e}, {});
    QCOMPARE(model.rowCount(), 1);
    QTEST(text(model, 0, TimelineEventModel::Column::Event), "eventText");
    QCOMPARE(text(model, 0, TimelineEventModel::Column::Subject), QStringLiteral("node/a"));
    QTEST(text(model, 0, TimelineEventModel::Column::Identity), "identity");
    QTEST(text(model, 0, TimelineEventModel::Column::Reason), "reasonText");
}

void TestTimelineEventModel::clearEmpties()
{
    TimelineEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents({simEvent(1, SimulationEvent::Kind::Issued, QStringLiteral("node/a"))}, {});
    QCOMPARE(model.rowCount(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

QTEST_GUILESS_MAIN(TestTimelineEventModel)
#include "tst_timelineeventmodel.moc"
