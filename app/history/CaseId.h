#pragma once

#include <QString>

// Case ids: UUIDs of version 7 (RFC 9562), the case's creation time in milliseconds since 1970 (48 bits, big-endian)
// followed by 74 random bits, written like any UUID. Ids made later sort after earlier ones, so the history's indexes
// on case_id (the cases table's key, the events' case index) take new cases at their end: the cases written together
// share a few index pages instead of each dirtying a page of its own at a random place (a 1,000-row batch wrote
// 3.7 pages of the events' case index per row with random ids). The time says no more than the case's own
// created_at; the random part keeps ids unguessable and unique among cases made in the same millisecond.
namespace CaseId {

QString create(qint64 unixMs);

} // namespace CaseId
