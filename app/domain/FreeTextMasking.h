#pragma once

#include <QString>

// Free text from outside (a service's Message, an error text) may quote the person it is about. Before such text is
// recorded, every 18-character ID number in it (17 digits and a digit or X, whoever it belongs to) and the case's own
// name and ID number are replaced by their masks (Masking::idNumber, Masking::name).
namespace FreeTextMasking {

QString mask(const QString& text, const QString& name, const QString& idNumber);

// Only the case's own name and ID number (its X in either case) replaced by their masks: for text a person of the
// team wrote about the case (a review note), whose other numbers (an order, a bank card, a relative's ID number) are
// what they chose to write, and which the reveal of the case's own data restores in full.
QString maskPerson(const QString& text, const QString& name, const QString& idNumber);

} // namespace FreeTextMasking
