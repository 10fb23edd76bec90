// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace ta::core {

/// Bytes [@p at, @p at + @p n) of @p whole as an array that shares its block: no copy, and the
/// block lives while either holds it (its reference count). Changing either copies first, as
/// for any shared array. The slice is an array whose data starts inside its block, the state a
/// Qt array takes after removing bytes from its front, so Qt's functions treat it as they treat
/// that one.
///
/// Unlike an array Qt fills, a slice is not followed by a '\0' (its next byte is the block's):
/// read it by its size, as QByteArray::fromRawData's bytes, never as a C string, and do not
/// give it to a QByteArray function that converts text to a number (toInt, toDouble: they take
/// an array with a block to be terminated). Bytes without a block (fromRawData) stay so.
inline QByteArray sharedSlice(QByteArray whole, qsizetype at, qsizetype n)
{
    Q_ASSERT(at >= 0 && n >= 0 && at <= whole.size() - n);
    QByteArray::DataPointer &d = whole.data_ptr();
    d.ptr += at;
    d.size = n;
    return whole;
}

} // namespace ta::core
