using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Dsl.Data;

/// <summary>Formatting shared by the data error messages: counts with thousands separators, dims as 10,000 x 28 x 28.</summary>
internal static class DataText
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Dims(IEnumerable<int> dims) => string.Join(" x ", dims.Select(d => Count(d)));

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
