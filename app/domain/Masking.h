#pragma once

#include <QString>

// Display masks for personal data (history, exports, logs). Masking is by character (Unicode code point).
namespace Masking {

// "11010519491231002X" -> "1101**********002X": first 4 and last 4 of an 18-character number kept. Any other
// length is masked completely, with the same number of characters.
QString idNumber(const QString& id);
// Keeps only the first character: "张三" -> "张*", "John Doe" -> "J*******". Length-preserving.
QString name(const QString& name);

} // namespace Masking
