#pragma once

#include "history/AuditEvent.h"

#include <QList>

class StoreFixture;

// What an insider who knows the chain's algorithm but not the history's key can do to the events table (the tests
// drop the append-only triggers first): read every event, and write a list back re-chained.
namespace ChainForgery {

QList<AuditEvent> readEvents(StoreFixture& fx);
// Writes events back with seq 1.. and a re-computed chain, and moves the head to the last (its signature stays).
bool writeChain(StoreFixture& fx, QList<AuditEvent>& events);

} // namespace ChainForgery
